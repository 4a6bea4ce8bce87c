import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full case read model (amounts, overdue flags, policy version, parent/child links, closing
 * clock), the inbox fields of real tasks (roles, stage, escalation), documents with revisions and
 * distribution, versioned policies, and keyed audit appends (several writers share one chain).
 */
export class CaseReadModels1763800200000 implements MigrationInterface {
  name = 'CaseReadModels1763800200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN store_id            text,
        ADD COLUMN method              text,
        ADD COLUMN loss_amount_fen     bigint,
        ADD COLUMN approved_amount_fen bigint,
        ADD COLUMN overdue             boolean NOT NULL DEFAULT false,
        ADD COLUMN overdue_stages      text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN policy_version      integer NOT NULL DEFAULT 1,
        ADD COLUMN parent_case_number  text,
        ADD COLUMN child_case_numbers  text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN closing_due_at      timestamptz,
        ADD COLUMN closed_at           timestamptz,
        ADD COLUMN closed_on_time      boolean,
        ADD COLUMN version             integer NOT NULL DEFAULT 0,
        ALTER COLUMN defect_description DROP NOT NULL,
        ALTER COLUMN quantity DROP NOT NULL`);
    await q.query(
      `CREATE INDEX cases_org_status_idx ON cases (organisation_id, status, opened_at)`,
    );
    await q.query(`CREATE INDEX cases_org_customer_idx ON cases (organisation_id, customer_name)`);
    await q.query(`CREATE INDEX cases_org_order_idx ON cases (organisation_id, order_number)`);
    await q.query(`CREATE INDEX cases_parent_idx ON cases (parent_case_number)`);

    // Tasks of child cases may be recorded before the child's case row: a projection, no FK.
    await q.query(`ALTER TABLE tasks DROP CONSTRAINT tasks_case_number_fkey`);
    await q.query(`
      ALTER TABLE tasks
        ADD COLUMN stage             text    NOT NULL DEFAULT '',
        ADD COLUMN candidate_roles   text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN commands          text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN due_provisional   boolean NOT NULL DEFAULT false,
        ADD COLUMN escalation_level  integer NOT NULL DEFAULT 0,
        ADD COLUMN escalates_task_id text,
        ADD COLUMN updated_at        timestamptz NOT NULL DEFAULT now(),
        ALTER COLUMN candidate_department DROP NOT NULL,
        ALTER COLUMN due_at DROP NOT NULL`);
    await q.query(`UPDATE tasks SET candidate_roles = ARRAY[candidate_role]`);
    await q.query(`ALTER TABLE tasks DROP COLUMN candidate_role`);
    await q.query(`DROP INDEX tasks_inbox_idx`);
    // "My department's open tasks, overdue first, then most urgent" and "my claimed tasks".
    await q.query(
      `CREATE INDEX tasks_inbox_idx ON tasks (organisation_id, candidate_department, status, overdue DESC, due_at)`,
    );
    await q.query(
      `CREATE INDEX tasks_assignee_idx ON tasks (organisation_id, assignee, status, due_at)`,
    );

    await q.query(`
      CREATE TABLE documents (
        organisation_id     text NOT NULL,
        case_number         text NOT NULL,
        doc_type            text NOT NULL,
        doc_number          text NOT NULL,
        revision            integer NOT NULL CHECK (revision >= 1),
        supersedes_revision integer,
        status              text NOT NULL,
        content             jsonb NOT NULL,
        distribution        jsonb NOT NULL DEFAULT '[]',
        signatures          jsonb NOT NULL DEFAULT '[]',
        updated_at          timestamptz NOT NULL,
        PRIMARY KEY (case_number, doc_type, doc_number, revision)
      )`);
    await q.query(
      `CREATE INDEX documents_org_case_idx ON documents (organisation_id, case_number)`,
    );

    await q.query(`
      CREATE TABLE policy_versions (
        organisation_id text NOT NULL,
        version         integer NOT NULL CHECK (version >= 1),
        content         jsonb NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        created_by      text NOT NULL,
        PRIMARY KEY (organisation_id, version)
      )`);

    await q.query(`ALTER TABLE audit_events ADD COLUMN event_key text`);
    await q.query(
      `CREATE UNIQUE INDEX audit_events_case_key_idx ON audit_events (case_number, event_key)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_case_key_idx`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN event_key`);
    await q.query(`DROP TABLE policy_versions`);
    await q.query(`DROP TABLE documents`);
    await q.query(`DROP INDEX tasks_assignee_idx`);
    await q.query(`DROP INDEX tasks_inbox_idx`);
    await q.query(`ALTER TABLE tasks ADD COLUMN candidate_role text NOT NULL DEFAULT 'staff'`);
    await q.query(`UPDATE tasks SET candidate_role = coalesce(candidate_roles[1], 'staff')`);
    await q.query(`DELETE FROM tasks WHERE due_at IS NULL OR candidate_department IS NULL`);
    await q.query(`
      ALTER TABLE tasks
        DROP COLUMN stage, DROP COLUMN candidate_roles, DROP COLUMN commands,
        DROP COLUMN due_provisional, DROP COLUMN escalation_level, DROP COLUMN escalates_task_id,
        DROP COLUMN updated_at,
        ALTER COLUMN candidate_department SET NOT NULL,
        ALTER COLUMN due_at SET NOT NULL`);
    await q.query(
      `CREATE INDEX tasks_inbox_idx ON tasks (organisation_id, candidate_department, status, due_at)`,
    );
    await q.query(
      `ALTER TABLE tasks ADD CONSTRAINT tasks_case_number_fkey FOREIGN KEY (case_number) REFERENCES cases (case_number)`,
    );
    await q.query(`DROP INDEX cases_parent_idx`);
    await q.query(`DROP INDEX cases_org_order_idx`);
    await q.query(`DROP INDEX cases_org_customer_idx`);
    await q.query(`DROP INDEX cases_org_status_idx`);
    await q.query(`UPDATE cases SET quantity = 1 WHERE quantity IS NULL`);
    await q.query(`UPDATE cases SET defect_description = '' WHERE defect_description IS NULL`);
    await q.query(`
      ALTER TABLE cases
        DROP COLUMN store_id, DROP COLUMN method, DROP COLUMN loss_amount_fen,
        DROP COLUMN approved_amount_fen, DROP COLUMN overdue, DROP COLUMN overdue_stages,
        DROP COLUMN policy_version, DROP COLUMN parent_case_number, DROP COLUMN child_case_numbers,
        DROP COLUMN closing_due_at, DROP COLUMN closed_at, DROP COLUMN closed_on_time,
        DROP COLUMN version,
        ALTER COLUMN defect_description SET NOT NULL,
        ALTER COLUMN quantity SET NOT NULL`);
  }
}

import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  AuditRepository,
  AuditTrailError,
  createDataSource,
  GENESIS_HASH,
  auditHash,
  effectiveTrail,
  type AuditEventInput,
} from '@aso/persistence';

/**
 * Real PostgreSQL, schema from the migrations (integration global setup). Nothing faked. The
 * database is shared with other suites, so every test uses its own KS202611-7xxx case numbers,
 * and tampering happens inside a transaction that disables the append-only trigger only for
 * itself (ALTER TABLE is transactional: other sessions never see the trigger off).
 */
const url = process.env.ASO_INT_DATABASE_URL as string;
let ds: DataSource;
let audit: AuditRepository;

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
  audit = new AuditRepository(ds);
});
afterAll(async () => {
  await ds.destroy();
});

const base = new Date('2026-11-20T02:00:00.000Z').getTime();
const event = (
  caseNumber: string,
  seq: number,
  overrides: Partial<AuditEventInput> = {},
): AuditEventInput => ({
  organisationId: 'org-a',
  caseNumber,
  seq,
  occurredAt: new Date(base + seq * 60_000 + 7),
  actor: seq % 2 ? 'cs-01' : 'rd-02',
  action: seq === 1 ? 'case.opened' : 'task.completed',
  data: {
    step: seq,
    note: '录音笔无法开机',
    amount: { cents: 12_345 + seq, currency: 'CNY' },
    tags: ['a', 'b'],
    ok: true,
    none: null,
  },
  policyVersion: 3,
  ...overrides,
});

async function appendChain(caseNumber: string, n: number, organisationId = 'org-a'): Promise<void> {
  for (let seq = 1; seq <= n; seq++) await audit.append(event(caseNumber, seq, { organisationId }));
}

async function withSuperuser<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Runs `sql` as the superuser with the user triggers off, in one transaction. */
async function tamper(...sql: string[]): Promise<void> {
  await withSuperuser(async (c) => {
    await c.query('BEGIN');
    try {
      await c.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      for (const s of sql) await c.query(s);
      await c.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    }
  });
}

async function rowCount(caseNumber: string): Promise<number> {
  const rows: Array<{ n: string }> = await ds.query(
    `SELECT count(*) AS n FROM audit_events WHERE case_number = $1`,
    [caseNumber],
  );
  return Number(rows[0]?.n);
}

const pgError = (code: string, message: RegExp) =>
  expect.objectContaining({ code, message: expect.stringMatching(message) });

describe('audit trail: idempotent, hash-chained appends', () => {
  test('appending the same event twice leaves one row (an activity retried)', async () => {
    const first = await audit.append(event('KS202611-7001', 1));
    const again = await audit.append(event('KS202611-7001', 1));
    expect(first.outcome).toBe('appended');
    expect(again).toEqual({ outcome: 'already_recorded', hash: first.hash });
    expect(await rowCount('KS202611-7001')).toBe(1);
  });

  test('the same event appended concurrently many times still leaves one row', async () => {
    await audit.append(event('KS202611-7002', 1));
    const results = await Promise.all(
      Array.from({ length: 8 }, () => audit.append(event('KS202611-7002', 2))),
    );
    expect(new Set(results.map((r) => r.hash)).size).toBe(1);
    expect(results.filter((r) => r.outcome === 'appended')).toHaveLength(1);
    expect(await rowCount('KS202611-7002')).toBe(2);
    expect(await audit.verify('org-a', 'KS202611-7002')).toEqual({ valid: true, count: 2 });
  });

  test('a different event under a sequence number already taken is refused, not silently accepted', async () => {
    await audit.append(event('KS202611-7003', 1));
    await expect(
      audit.append(event('KS202611-7003', 1, { actor: 'someone-else' })),
    ).rejects.toMatchObject({
      name: 'AuditTrailError',
      code: 'AUDIT_DUPLICATE_DIVERGES',
      details: { caseNumber: 'KS202611-7003', seq: 1 },
    });
    await expect(
      audit.append(event('KS202611-7003', 1, { data: { other: 1 } })),
    ).rejects.toBeInstanceOf(AuditTrailError);
    expect(await rowCount('KS202611-7003')).toBe(1);
  });

  test('an event whose predecessor is not recorded is refused with a code, and nothing is written', async () => {
    await expect(audit.append(event('KS202611-7004', 2))).rejects.toMatchObject({
      code: 'AUDIT_PREVIOUS_MISSING',
    });
    await audit.append(event('KS202611-7004', 1));
    await expect(audit.append(event('KS202611-7004', 3))).rejects.toMatchObject({
      code: 'AUDIT_PREVIOUS_MISSING',
    });
    expect(await rowCount('KS202611-7004')).toBe(1);
  });

  test('a chain of N events verifies, links genesis → each hash, and reads back oldest first', async () => {
    await appendChain('KS202611-7005', 12);
    expect(await audit.verify('org-a', 'KS202611-7005')).toEqual({ valid: true, count: 12 });
    const rows = await audit.history('org-a', 'KS202611-7005');
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    // the stored hash is the documented formula over the stored content
    const r1 = rows[0]!;
    expect(r1.hash).toBe(
      auditHash(GENESIS_HASH, {
        ...event('KS202611-7005', 1),
        occurredAt: event('KS202611-7005', 1).occurredAt.toISOString(),
      }),
    );
    expect(r1).toMatchObject({
      actor: 'cs-01',
      action: 'case.opened',
      policyVersion: 3,
      data: event('KS202611-7005', 1).data,
    });
    expect(r1.recordedAt).toBeInstanceOf(Date);
  });

  test('refusals are audited even for a case that never opened (no foreign key to cases)', async () => {
    const r = await audit.append(
      event('KS202611-7006', 1, {
        action: 'command.refused',
        policyVersion: null,
        data: { code: 'WRONG_ROLE' },
      }),
    );
    expect(r.outcome).toBe('appended');
    expect(await audit.verify('org-a', 'KS202611-7006')).toEqual({ valid: true, count: 1 });
  });

  test('invalid events are refused before touching the database', async () => {
    await expect(audit.append(event('KS202611-7007', 0))).rejects.toMatchObject({
      code: 'AUDIT_EVENT_INVALID',
    });
    await expect(
      audit.append(event('KS202611-7007', 1, { occurredAt: new Date('nope') })),
    ).rejects.toMatchObject({ code: 'AUDIT_EVENT_INVALID' });
    await expect(
      audit.append(event('KS202611-7007', 1, { data: { n: NaN } })),
    ).rejects.toMatchObject({ code: 'CANONICAL_JSON_INVALID' });
    expect(await rowCount('KS202611-7007')).toBe(0);
  });
});

describe('audit trail: a retried keyed append whose content differs is corrected, never lost (issue 8 #6)', () => {
  const keyed = (caseNumber: string, at: string, data = { stage: 'closed' }) => ({
    organisationId: 'org-a',
    caseNumber,
    key: 'wf:1',
    occurredAt: new Date(at),
    actor: 'system',
    action: 'complaint.CaseClosed',
    data,
    policyVersion: 1,
  });

  test('issue 8 #6: the same key twice with a different occurredAt → one AuditCorrected event, the chain verifies, the effective content is the second', async () => {
    const c = 'KS202611-7601';
    const first = await audit.appendKeyed(keyed(c, '2026-11-20T02:00:00.100Z'), {
      onDiffer: 'correct',
    });
    const second = await audit.appendKeyed(keyed(c, '2026-11-20T02:00:13.900Z'), {
      onDiffer: 'correct',
    });
    // the last attempt again (a retry of the retry) writes nothing more
    const again = await audit.appendKeyed(keyed(c, '2026-11-20T02:00:13.900Z'), {
      onDiffer: 'correct',
    });
    expect(first.outcome).toBe('appended');
    expect(second).toMatchObject({ outcome: 'corrected', seq: 2 });
    expect(again).toMatchObject({ outcome: 'already_recorded', seq: 1 });
    const rows = await audit.history('org-a', c);
    expect(rows.map((r) => [r.seq, r.action, r.eventKey])).toEqual([
      [1, 'complaint.CaseClosed', 'wf:1'],
      [2, 'AuditCorrected', 'wf:1#correction:1'],
    ]);
    expect(rows[1]?.data).toMatchObject({ supersedes: 'wf:1', supersededSeq: 1 });
    expect(await audit.verify('org-a', c)).toEqual({ valid: true, count: 2 });
    const effective = effectiveTrail(rows);
    expect(effective[0]?.occurredAt.toISOString()).toBe('2026-11-20T02:00:13.900Z');
    expect(effective[0]?.action).toBe('complaint.CaseClosed');

    // a third, different attempt is a second correction, and the effective content follows it
    const third = await audit.appendKeyed(keyed(c, '2026-11-20T02:00:20.000Z', { stage: 'x' }), {
      onDiffer: 'correct',
    });
    expect(third).toMatchObject({ outcome: 'corrected', seq: 3 });
    const later = effectiveTrail(await audit.history('org-a', c));
    expect(later[0]).toMatchObject({ data: { stage: 'x' } });
    expect(later[2]?.eventKey).toBe('wf:1#correction:2');
    expect(await audit.verify('org-a', c)).toEqual({ valid: true, count: 3 });
  });

  test('issue 8 #6: without onDiffer=correct the first row is kept (API writers keep their semantics)', async () => {
    const c = 'KS202611-7602';
    await audit.appendKeyed(keyed(c, '2026-11-20T02:00:00.100Z'));
    const retry = await audit.appendKeyed(keyed(c, '2026-11-20T02:00:09.000Z'));
    expect(retry.outcome).toBe('already_recorded');
    expect(await audit.history('org-a', c)).toHaveLength(1);
  });
});

describe('audit trail: verify detects tampering (done as superuser with the trigger disabled)', () => {
  test('a modified row is reported at its sequence number (hash mismatch)', async () => {
    await appendChain('KS202611-7101', 5);
    await tamper(
      `UPDATE audit_events SET data = data || '{"amount":{"cents":1,"currency":"CNY"}}' WHERE case_number = 'KS202611-7101' AND seq = 3`,
    );
    expect(await audit.verify('org-a', 'KS202611-7101')).toEqual({
      valid: false,
      count: 5,
      firstBrokenSeq: 3,
      reason: 'hash_mismatch',
    });
  });

  test('a modified row whose hash the forger recomputed breaks the next link (prev_hash mismatch)', async () => {
    await appendChain('KS202611-7102', 5);
    const [row3] = (await audit.history('org-a', 'KS202611-7102')).filter((r) => r.seq === 3);
    const forged = auditHash(row3!.prevHash, {
      ...event('KS202611-7102', 3),
      actor: 'forger',
      occurredAt: event('KS202611-7102', 3).occurredAt.toISOString(),
    });
    await tamper(
      `UPDATE audit_events SET actor = 'forger', hash = '${forged}' WHERE case_number = 'KS202611-7102' AND seq = 3`,
    );
    expect(await audit.verify('org-a', 'KS202611-7102')).toEqual({
      valid: false,
      count: 5,
      firstBrokenSeq: 4,
      reason: 'prev_hash_mismatch',
    });
  });

  test('a deleted middle row is detected (sequence gap at the missing number)', async () => {
    await appendChain('KS202611-7103', 5);
    await tamper(`DELETE FROM audit_events WHERE case_number = 'KS202611-7103' AND seq = 3`);
    expect(await audit.verify('org-a', 'KS202611-7103')).toEqual({
      valid: false,
      count: 4,
      firstBrokenSeq: 3,
      reason: 'sequence_gap',
    });
  });

  test('a deleted row hidden by renumbering the rest is detected (prev_hash mismatch)', async () => {
    await appendChain('KS202611-7104', 5);
    await tamper(
      `DELETE FROM audit_events WHERE case_number = 'KS202611-7104' AND seq = 3`,
      `UPDATE audit_events SET seq = seq - 1 WHERE case_number = 'KS202611-7104' AND seq > 3`,
    );
    expect(await audit.verify('org-a', 'KS202611-7104')).toEqual({
      valid: false,
      count: 4,
      firstBrokenSeq: 3,
      reason: 'prev_hash_mismatch',
    });
  });

  test("two rows' contents swapped (reordered events) are detected at the first of them", async () => {
    await appendChain('KS202611-7105', 5);
    const swap = `
      UPDATE audit_events a SET occurred_at = b.occurred_at, actor = b.actor, action = b.action, data = b.data
        FROM audit_events b
       WHERE a.case_number = 'KS202611-7105' AND b.case_number = a.case_number
         AND ((a.seq = 2 AND b.seq = 3) OR (a.seq = 3 AND b.seq = 2))`;
    await tamper(swap);
    const rows = await audit.history('org-a', 'KS202611-7105');
    expect(rows.map((r) => r.actor)).toEqual(['cs-01', 'cs-01', 'rd-02', 'rd-02', 'cs-01']);
    expect(await audit.verify('org-a', 'KS202611-7105')).toEqual({
      valid: false,
      count: 5,
      firstBrokenSeq: 2,
      reason: 'hash_mismatch',
    });
  });

  test('two whole rows swapped (sequence numbers exchanged, hashes carried along) are detected', async () => {
    await appendChain('KS202611-7106', 5);
    await tamper(
      `UPDATE audit_events SET seq = 1000 WHERE case_number = 'KS202611-7106' AND seq = 2`,
      `UPDATE audit_events SET seq = 2 WHERE case_number = 'KS202611-7106' AND seq = 3`,
      `UPDATE audit_events SET seq = 3 WHERE case_number = 'KS202611-7106' AND seq = 1000`,
    );
    expect(await audit.verify('org-a', 'KS202611-7106')).toEqual({
      valid: false,
      count: 5,
      firstBrokenSeq: 2,
      reason: 'prev_hash_mismatch',
    });
  });

  test('sub-millisecond edits of the instant (invisible to the hash) are refused by the table itself', async () => {
    await appendChain('KS202611-7107', 1);
    await expect(
      tamper(
        `UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE case_number = 'KS202611-7107'`,
      ),
    ).rejects.toMatchObject({ code: '23514' }); // check_violation
    expect(await audit.verify('org-a', 'KS202611-7107')).toEqual({ valid: true, count: 1 });
  });
});

describe('audit trail: append-only in the database', () => {
  test('even the superuser cannot UPDATE, DELETE or TRUNCATE while the trigger is enabled', async () => {
    await appendChain('KS202611-7201', 2);
    await withSuperuser(async (c) => {
      await expect(
        c.query(`UPDATE audit_events SET actor = 'x' WHERE case_number = 'KS202611-7201'`),
      ).rejects.toEqual(pgError('42501', /audit_events is append-only: UPDATE refused/));
      await expect(
        c.query(`DELETE FROM audit_events WHERE case_number = 'KS202611-7201'`),
      ).rejects.toEqual(pgError('42501', /audit_events is append-only: DELETE refused/));
      await expect(c.query(`TRUNCATE audit_events`)).rejects.toEqual(
        pgError('42501', /audit_events is append-only: TRUNCATE refused/),
      );
      // refused even when nothing matches: the trigger is per statement
      await expect(c.query(`DELETE FROM audit_events WHERE false`)).rejects.toEqual(
        pgError('42501', /append-only/),
      );
    });
    expect(await rowCount('KS202611-7201')).toBe(2);
    expect(await audit.verify('org-a', 'KS202611-7201')).toEqual({ valid: true, count: 2 });
  });

  test('no UPDATE, DELETE or TRUNCATE privilege on audit_events is granted to PUBLIC', async () => {
    const rows: Array<{ privilege_type: string }> = await ds.query(
      `SELECT privilege_type FROM information_schema.role_table_grants WHERE table_name = 'audit_events' AND grantee = 'PUBLIC'`,
    );
    expect(rows.map((r) => r.privilege_type)).not.toEqual(expect.arrayContaining(['UPDATE']));
    expect(rows.map((r) => r.privilege_type)).not.toEqual(expect.arrayContaining(['DELETE']));
    expect(rows.map((r) => r.privilege_type)).not.toEqual(expect.arrayContaining(['TRUNCATE']));
  });

  test('an application role granted SELECT, INSERT can append and verify, but UPDATE and DELETE are refused', async () => {
    const role = 'aso_app_test';
    const password = 'aso_app_test_pw';
    await withSuperuser(async (c) => {
      // Roles are cluster-wide and other tiers may share the cluster: create it only once.
      await c.query(`
        DO $$ BEGIN
          CREATE ROLE ${role} LOGIN PASSWORD '${password}';
        EXCEPTION WHEN duplicate_object THEN NULL;
        END $$`);
      await c.query(`GRANT SELECT, INSERT ON audit_events TO ${role}`);
    });
    const appUrl = new URL(url);
    appUrl.username = role;
    appUrl.password = password;

    // the repository works with exactly these grants (it locks with an advisory lock, not FOR UPDATE)
    const appDs = await createDataSource(appUrl.toString(), { poolSize: 2 }).initialize();
    try {
      const appAudit = new AuditRepository(appDs);
      await appAudit.append(event('KS202611-7202', 1));
      await appAudit.append(event('KS202611-7202', 2));
      await appAudit.append(event('KS202611-7202', 2));
      expect(await appAudit.verify('org-a', 'KS202611-7202')).toEqual({ valid: true, count: 2 });
    } finally {
      await appDs.destroy();
    }

    const app = new Client({ connectionString: appUrl.toString() });
    await app.connect();
    try {
      expect((await app.query(`SELECT current_user AS u`)).rows[0].u).toBe(role);
      await expect(
        app.query(`UPDATE audit_events SET actor = 'x' WHERE case_number = 'KS202611-7202'`),
      ).rejects.toEqual(pgError('42501', /permission denied/));
      await expect(
        app.query(`DELETE FROM audit_events WHERE case_number = 'KS202611-7202'`),
      ).rejects.toEqual(pgError('42501', /permission denied/));
      await expect(app.query(`TRUNCATE audit_events`)).rejects.toEqual(
        pgError('42501', /permission denied/),
      );
    } finally {
      await app.end();
    }
    expect(await rowCount('KS202611-7202')).toBe(2);
  });
});

describe('audit trail: every row belongs to an organisation', () => {
  test("history and verify of organisation B never see organisation A's events for a case number", async () => {
    await appendChain('KS202611-7301', 3, 'org-a');
    expect(await audit.history('org-b', 'KS202611-7301')).toEqual([]);
    expect(await audit.verify('org-b', 'KS202611-7301')).toEqual({ valid: true, count: 0 });
    expect(
      (await audit.history('org-a', 'KS202611-7301')).every((r) => r.organisationId === 'org-a'),
    ).toBe(true);
    expect(await audit.verify('org-a', 'KS202611-7301')).toEqual({ valid: true, count: 3 });
  });

  test("organisation B cannot write into organisation A's chain", async () => {
    await appendChain('KS202611-7302', 2, 'org-a');
    await expect(
      audit.append(event('KS202611-7302', 2, { organisationId: 'org-b' })),
    ).rejects.toMatchObject({ code: 'AUDIT_DUPLICATE_DIVERGES' });
    await expect(
      audit.append(event('KS202611-7302', 3, { organisationId: 'org-b' })),
    ).rejects.toMatchObject({
      code: 'AUDIT_ORGANISATION_MISMATCH',
    });
    expect(await audit.history('org-b', 'KS202611-7302')).toEqual([]);
    expect(await audit.verify('org-a', 'KS202611-7302')).toEqual({ valid: true, count: 2 });
  });
});

describe('migrations are reversible', () => {
  test('undoing every later migration removes the audit table, trigger and function; re-running restores them', async () => {
    const scratch = `aso_int_audit_down_${process.pid}`;
    await withSuperuser((c) => c.query(`CREATE DATABASE ${scratch}`));
    const scratchUrl = new URL(url);
    scratchUrl.pathname = `/${scratch}`;
    const sds = await createDataSource(scratchUrl.toString(), { poolSize: 2 }).initialize();
    try {
      await sds.runMigrations({ transaction: 'each' });
      const exists = async (): Promise<boolean[]> => {
        const [r] = await sds.query(
          `SELECT to_regclass('audit_events') IS NOT NULL AS t, to_regprocedure('audit_events_append_only()') IS NOT NULL AS f`,
        );
        return [r.t, r.f];
      };
      expect(await exists()).toEqual([true, true]);
      // Undo down to the initial schema: each later migration's down() must run cleanly.
      while ((await sds.query(`SELECT count(*)::int AS n FROM migrations`))[0].n > 1) {
        await sds.undoLastMigration({ transaction: 'each' });
      }
      expect(await exists()).toEqual([false, false]);
      expect((await sds.query(`SELECT to_regclass('cases') IS NOT NULL AS c`))[0].c).toBe(true);
      await sds.runMigrations({ transaction: 'each' });
      expect(await exists()).toEqual([true, true]);
    } finally {
      await sds.destroy();
      await withSuperuser((c) => c.query(`DROP DATABASE ${scratch}`));
    }
  });
});

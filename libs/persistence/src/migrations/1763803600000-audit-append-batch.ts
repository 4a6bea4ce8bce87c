import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appends a case's batch of keyed audit events in one round trip (measured: a complaint's
 * ~42 events cost 8 statements each — begin, lock, key lookup, last seq, two row reads, insert,
 * commit — which was 90 % of the worker's SQL). Same chain, same lock as the per-event path:
 *
 * - the case's advisory lock first, so every read below sees the writer before us (a volatile
 *   PL/pgSQL function takes a fresh snapshot per statement);
 * - all or nothing: when any key of the batch is already recorded (a retry) nothing is written
 *   and the caller takes the per-event path, which knows retries and corrections;
 * - hash = sha256(prev_hash ‖ canonical(event)). The caller sends the canonical event up to its
 *   last field, `"seq":` (keys are sorted, seq sorts last), because only here is seq known.
 *
 * SECURITY INVOKER: the caller's own SELECT/INSERT grants apply, and the append-only trigger too.
 */
export class AuditAppendBatch1763803600000 implements MigrationInterface {
  name = 'AuditAppendBatch1763803600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_append_batch(p_organisation text, p_case text, p_events jsonb)
        RETURNS TABLE (outcome text, seq integer, hash text)
        LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
      DECLARE
        v_seq integer;
        v_prev text;
        v_org text;
        v_hash text;
        e jsonb;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_events'), hashtext(p_case));
        IF EXISTS (
          SELECT 1 FROM audit_events a
           WHERE a.case_number = p_case
             AND a.event_key IN (SELECT x->>'key' FROM jsonb_array_elements(p_events) x)
        ) THEN
          RETURN QUERY SELECT 'retry'::text, NULL::integer, NULL::text;
          RETURN;
        END IF;
        SELECT a.seq, a.hash, a.organisation_id INTO v_seq, v_prev, v_org
          FROM audit_events a WHERE a.case_number = p_case ORDER BY a.seq DESC LIMIT 1;
        IF NOT FOUND THEN
          v_seq := 0;
          v_prev := repeat('0', 64);
        ELSIF v_org <> p_organisation THEN
          RETURN QUERY SELECT 'organisation_mismatch'::text, v_seq, NULL::text;
          RETURN;
        END IF;
        FOR e IN SELECT x FROM jsonb_array_elements(p_events) x LOOP
          v_seq := v_seq + 1;
          v_hash := encode(sha256(convert_to(v_prev || (e->>'canonicalUpToSeq') || v_seq::text || '}', 'UTF8')), 'hex');
          INSERT INTO audit_events
            (organisation_id, case_number, seq, occurred_at, actor, action, data, policy_version, prev_hash, hash, event_key)
          VALUES
            (p_organisation, p_case, v_seq, (e->>'occurredAt')::timestamptz, e->>'actor', e->>'action',
             e->'data', (e->>'policyVersion')::integer, v_prev, v_hash, e->>'key');
          v_prev := v_hash;
          RETURN QUERY SELECT 'appended'::text, v_seq, v_hash;
        END LOOP;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_append_batch(text, text, jsonb)`);
  }
}

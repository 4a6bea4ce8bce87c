import type { DataSource } from 'typeorm';
import {
  AuditRepository,
  auditHash,
  createDataSource,
  GENESIS_HASH,
  type AuditEventInput,
} from '@aso/persistence';

/**
 * Real PostgreSQL, schema from the migrations. The batch path (audit_append_batch, one round
 * trip per case) must leave exactly the chain the per-event path leaves: same seqs, same hashes
 * (recomputed here in JS), same retry and correction outcomes. Case numbers KS202611-78xx.
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

const base = Date.parse('2026-11-20T02:00:00.000Z');
const keyed = (caseNumber: string, n: number, overrides: Record<string, unknown> = {}) => ({
  organisationId: 'org-a',
  caseNumber,
  key: `wf:${n}`,
  occurredAt: new Date(base + n * 1000 + 3),
  actor: n % 2 ? 'cs-01' : 'system',
  action: `complaint.Step${n}`,
  data: {
    note: '录音笔无法开机 — “引号” \\ back\nslash 🎧',
    control: '\u0001\u001f',
    amount: { cents: 12_345 + n, currency: 'CNY' },
    nested: [{ z: 1, a: [true, null, -0.5, 1e21] }],
  },
  policyVersion: n === 2 ? null : 2,
  ...overrides,
});

async function rows(caseNumber: string) {
  return audit.history('org-a', caseNumber);
}

/** The chain recomputed in JS from the rows, as verify and auditors do. */
async function jsChain(caseNumber: string): Promise<string[]> {
  let prev = GENESIS_HASH;
  const hashes: string[] = [];
  for (const r of await rows(caseNumber)) {
    const event: AuditEventInput = {
      organisationId: r.organisationId,
      caseNumber: r.caseNumber,
      seq: r.seq,
      occurredAt: r.occurredAt,
      actor: r.actor,
      action: r.action,
      data: r.data,
      policyVersion: r.policyVersion,
    };
    prev = auditHash(prev, { ...event, occurredAt: event.occurredAt.toISOString() });
    hashes.push(prev);
  }
  return hashes;
}

describe('audit trail: a batch of keyed events in one round trip (issue 14 #2)', () => {
  test('five fresh events are chained 1..5 with the hashes JS computes, CJK, escapes and nulls included', async () => {
    const c = 'KS202611-7801';
    const out = await audit.appendKeyedAll([1, 2, 3, 4, 5].map((n) => keyed(c, n)));
    expect(out.map((o) => [o.outcome, o.seq])).toEqual([1, 2, 3, 4, 5].map((n) => ['appended', n]));
    expect(out.map((o) => o.hash)).toEqual(await jsChain(c));
    expect((await rows(c)).map((r) => r.eventKey)).toEqual([
      'wf:1',
      'wf:2',
      'wf:3',
      'wf:4',
      'wf:5',
    ]);
    expect(await audit.verify('org-a', c)).toEqual({ valid: true, count: 5 });
  });

  test('a batch after events written one by one continues the chain', async () => {
    const c = 'KS202611-7802';
    await audit.appendKeyed(keyed(c, 1));
    await audit.appendKeyed(keyed(c, 2));
    const out = await audit.appendKeyedAll([keyed(c, 3), keyed(c, 4)]);
    expect(out.map((o) => o.seq)).toEqual([3, 4]);
    expect(await audit.verify('org-a', c)).toEqual({ valid: true, count: 4 });
  });

  test('a retried batch writes nothing; a retry that differs is corrected like appendKeyed does', async () => {
    const c = 'KS202611-7803';
    const batch = [1, 2, 3].map((n) => keyed(c, n));
    await audit.appendKeyedAll(batch, { onDiffer: 'correct' });
    const again = await audit.appendKeyedAll(batch, { onDiffer: 'correct' });
    expect(again.map((o) => o.outcome)).toEqual([
      'already_recorded',
      'already_recorded',
      'already_recorded',
    ]);
    expect(await rows(c)).toHaveLength(3);
    const later = keyed(c, 3, { occurredAt: new Date(base + 99_000) });
    const corrected = await audit.appendKeyedAll([batch[0]!, batch[1]!, later], {
      onDiffer: 'correct',
    });
    expect(corrected.map((o) => o.outcome)).toEqual([
      'already_recorded',
      'already_recorded',
      'corrected',
    ]);
    expect((await rows(c)).map((r) => r.action)).toEqual([
      'complaint.Step1',
      'complaint.Step2',
      'complaint.Step3',
      'AuditCorrected',
    ]);
    expect(await audit.verify('org-a', c)).toEqual({ valid: true, count: 4 });
  });

  test('a batch cut short by a crash (two of four recorded) is completed by its retry, once', async () => {
    const c = 'KS202611-7804';
    await audit.appendKeyed(keyed(c, 1));
    await audit.appendKeyed(keyed(c, 2));
    const out = await audit.appendKeyedAll([1, 2, 3, 4].map((n) => keyed(c, n)));
    expect(out.map((o) => [o.outcome, o.seq])).toEqual([
      ['already_recorded', 1],
      ['already_recorded', 2],
      ['appended', 3],
      ['appended', 4],
    ]);
    expect(await audit.verify('org-a', c)).toEqual({ valid: true, count: 4 });
  });

  test("another organisation's batch cannot extend a case's chain, and writes nothing", async () => {
    const c = 'KS202611-7805';
    await audit.appendKeyedAll([keyed(c, 1)]);
    await expect(
      audit.appendKeyedAll([
        keyed(c, 2, { organisationId: 'org-b' }),
        keyed(c, 3, { organisationId: 'org-b' }),
      ]),
    ).rejects.toMatchObject({ code: 'AUDIT_ORGANISATION_MISMATCH' });
    expect(await rows(c)).toHaveLength(1);
  });

  test('the same key twice in one batch is recorded once, as two appendKeyed calls would', async () => {
    const c = 'KS202611-7806';
    const out = await audit.appendKeyedAll([keyed(c, 1), keyed(c, 1)]);
    expect(out.map((o) => o.outcome)).toEqual(['appended', 'already_recorded']);
    expect(await rows(c)).toHaveLength(1);
  });

  test('two writers racing on one case serialise on the lock: one chain of six, no gap', async () => {
    const c = 'KS202611-7807';
    await Promise.all([
      audit.appendKeyedAll([1, 2, 3].map((n) => keyed(c, n))),
      audit.appendKeyedAll([4, 5, 6].map((n) => keyed(c, n))),
      audit.appendKeyed(keyed(c, 7)),
    ]);
    expect((await rows(c)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await audit.verify('org-a', c)).toEqual({ valid: true, count: 7 });
  });

  test('an event that cannot be hashed is refused before anything is written', async () => {
    const c = 'KS202611-7808';
    await expect(
      audit.appendKeyedAll([keyed(c, 1), keyed(c, 2, { occurredAt: new Date('nope') })]),
    ).rejects.toMatchObject({ code: 'AUDIT_EVENT_INVALID' });
    expect(await rows(c)).toHaveLength(0);
  });

  test('events of two cases in one call go to their own chains', async () => {
    const a = 'KS202611-7809';
    const b = 'KS202611-7810';
    const out = await audit.appendKeyedAll([keyed(a, 1), keyed(a, 2), keyed(b, 1), keyed(a, 3)]);
    expect(out.map((o) => o.seq)).toEqual([1, 2, 1, 3]);
    expect(await audit.verify('org-a', a)).toEqual({ valid: true, count: 3 });
    expect(await audit.verify('org-a', b)).toEqual({ valid: true, count: 1 });
  });
});

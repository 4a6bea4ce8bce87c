import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  CaseEntity,
  createDataSource,
  IdempotencyKeysRepository,
  PostgresAttachmentStore,
  type IdempotencyClaimInput,
} from '@aso/persistence';

/** Real PostgreSQL, schema from the migrations (integration global setup). Nothing faked. */
const url = process.env.ASO_INT_DATABASE_URL as string;
let ds: DataSource;
let keys: IdempotencyKeysRepository;

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
  keys = new IdempotencyKeysRepository(ds);
});
afterAll(async () => {
  await ds.destroy();
});

const run = randomUUID().slice(0, 8);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const T0 = new Date('2026-11-20T08:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const claimInput = (over: Partial<IdempotencyClaimInput> = {}): IdempotencyClaimInput => ({
  organisationId: `org-${run}`,
  userId: randomUUID(),
  key: `k-${randomUUID()}`,
  method: 'POST',
  path: '/complaints',
  requestHash: sha('body-1'),
  now: T0,
  expiresAt: minutes(24 * 60),
  staleBefore: minutes(-5),
  ...over,
});

describe('idempotency keys on PostgreSQL', () => {
  test('of 20 concurrent claims of one key exactly one wins; the rest see it in progress', async () => {
    const input = claimInput();
    const results = await Promise.all(Array.from({ length: 20 }, () => keys.claim(input)));
    expect(results.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
    for (const r of results.filter((r) => r.outcome === 'exists')) {
      if (r.outcome !== 'exists') throw new Error('unreachable');
      expect(r.record).toMatchObject({ status: 'in_progress', requestHash: input.requestHash });
    }
  });

  test('a completed key keeps its response (status + JSON body) for replay', async () => {
    const input = claimInput();
    const first = await keys.claim(input);
    if (first.outcome !== 'claimed') throw new Error('expected a claim');
    const body = { caseNumber: 'KS202611-0001', policyVersion: 1, 名: '张三' };
    expect(await keys.complete(first.lease, 201, body)).toBe(true);
    const again = await keys.claim({ ...input, now: minutes(1), staleBefore: minutes(-4) });
    expect(again).toMatchObject({
      outcome: 'exists',
      record: { status: 'done', responseStatus: 201, responseBody: body },
    });
    // Completing twice is refused: the lease is spent.
    expect(await keys.complete(first.lease, 500, null)).toBe(false);
  });

  test('keys are scoped per user and organisation', async () => {
    const input = claimInput();
    expect((await keys.claim(input)).outcome).toBe('claimed');
    expect((await keys.claim({ ...input, userId: randomUUID() })).outcome).toBe('claimed');
    expect((await keys.claim({ ...input, organisationId: `other-${run}` })).outcome).toBe(
      'claimed',
    );
  });

  test('a released key (server error) can be claimed again', async () => {
    const input = claimInput();
    const first = await keys.claim(input);
    if (first.outcome !== 'claimed') throw new Error('expected a claim');
    expect(await keys.release(first.lease)).toBe(true);
    expect(await keys.find(input)).toBeNull();
    expect((await keys.claim(input)).outcome).toBe('claimed');
  });

  test('an abandoned in-progress claim is taken over; its old owner can no longer finish', async () => {
    const input = claimInput();
    const first = await keys.claim(input);
    if (first.outcome !== 'claimed') throw new Error('expected a claim');
    // Not stale yet: still in progress.
    expect(
      (await keys.claim({ ...input, now: minutes(1), staleBefore: minutes(-4) })).outcome,
    ).toBe('exists');
    const later = await keys.claim({ ...input, now: minutes(10), staleBefore: minutes(5) });
    expect(later.outcome).toBe('claimed');
    expect(await keys.complete(first.lease, 201, { late: true })).toBe(false);
    expect(await keys.release(first.lease)).toBe(false);
    if (later.outcome !== 'claimed') throw new Error('unreachable');
    expect(await keys.complete(later.lease, 201, { ok: true })).toBe(true);
  });

  test('an expired key is reusable, with another body; purge removes expired rows', async () => {
    const input = claimInput({ expiresAt: minutes(60) });
    const first = await keys.claim(input);
    if (first.outcome !== 'claimed') throw new Error('expected a claim');
    await keys.complete(first.lease, 201, { n: 1 });
    const reused = await keys.claim({
      ...input,
      requestHash: sha('body-2'),
      now: minutes(61),
      expiresAt: minutes(120),
      staleBefore: minutes(56),
    });
    expect(reused.outcome).toBe('claimed');
    expect(await keys.find(input)).toMatchObject({
      status: 'in_progress',
      requestHash: sha('body-2'),
      responseStatus: null,
    });
    expect(await keys.purgeExpired(minutes(121))).toBeGreaterThanOrEqual(1);
    expect(await keys.find(input)).toBeNull();
  });

  test('the schema refuses malformed keys and a done row without a response', async () => {
    await expect(keys.claim(claimInput({ key: 'has space' }))).rejects.toThrow(/check/i);
    await expect(
      ds.query(
        `INSERT INTO idempotency_keys (organisation_id, user_id, key, method, path, request_hash,
           status, created_at, expires_at) VALUES ($1, $2, 'k', 'POST', '/x', $3, 'done', $4, $5)`,
        [`org-${run}`, randomUUID(), sha('x'), T0, minutes(1)],
      ),
    ).rejects.toThrow(/idempotency_keys_done_has_response/);
  });
});

describe('attachments on PostgreSQL (PostgresAttachmentStore)', () => {
  const caseNumber = `KSINT-${run}`;
  const organisationId = `org-${run}`;

  beforeAll(async () => {
    await ds.getRepository(CaseEntity).insert({
      caseNumber,
      organisationId,
      storeId: null,
      type: 'complaint',
      status: 'awaiting_registration',
      stage: 'registration',
      customerName: '张三',
      customerPhone: null,
      orderNumber: 'SO-ATT',
      defectDescription: '坏了',
      quantity: 1,
      classification: null,
      severity: null,
      method: null,
      lossAmountFen: null,
      approvedAmountFen: null,
      overdue: false,
      overdueStages: [],
      policyVersion: 1,
      parentCaseNumber: null,
      childCaseNumbers: [],
      openedBy: randomUUID(),
      openedAt: T0,
      acceptedAt: null,
      closingDueAt: null,
      closedAt: null,
      closedOnTime: null,
      version: 0,
      updatedAt: T0,
    });
  });

  test('put → list without bytes → get the identical bytes; other organisations see nothing', async () => {
    const store = new PostgresAttachmentStore(ds);
    const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    const meta = {
      id: randomUUID(),
      organisationId,
      caseNumber,
      kind: 'photo' as const,
      filename: '照片 1.png',
      contentType: 'image/png',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      uploadedBy: randomUUID(),
      uploadedAt: T0,
    };
    expect(await store.put({ ...meta, data })).toEqual(meta);
    const listed = await store.list(organisationId, caseNumber);
    expect(listed).toEqual([meta]);
    expect(listed[0]).not.toHaveProperty('data');
    const got = await store.get(organisationId, caseNumber, meta.id);
    expect(got?.meta).toEqual(meta);
    expect(Buffer.compare(got!.data, data)).toBe(0);
    expect(await store.get(`other-${run}`, caseNumber, meta.id)).toBeNull();
    expect(await store.list(`other-${run}`, caseNumber)).toEqual([]);
    await store.remove(organisationId, caseNumber, meta.id);
    expect(await store.list(organisationId, caseNumber)).toEqual([]);
  });

  test('the recorded size must match the bytes', async () => {
    const store = new PostgresAttachmentStore(ds);
    await expect(
      store.put({
        id: randomUUID(),
        organisationId,
        caseNumber,
        kind: 'scan',
        filename: 'a.pdf',
        contentType: 'application/pdf',
        size: 99,
        sha256: sha('x'),
        uploadedBy: randomUUID(),
        uploadedAt: T0,
        data: Buffer.from('%PDF-1.7'),
      }),
    ).rejects.toThrow(/attachments_size_matches_data/);
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { call, loginAll, OTHER_ORG, type ActorName, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * Case attachments over HTTP (multipart uploads): api + worker processes + Temporal dev
 * server + PostgreSQL, all real. What is stored is checked in the database.
 */
const TASK_QUEUE = `e2e-attachments-${process.pid}`;
const MAX_BYTES = 10 * 1024 * 1024; // the default ATTACHMENT_MAX_BYTES
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let as: Record<ActorName, Session>;
let other: Record<ActorName, Session>;
let caseNumber: string;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  [as, other] = await Promise.all([loginAll(api.url), loginAll(api.url, OTHER_ORG)]);
  const opened = await call(api.url, 'POST', '/complaints', as.sales, {
    customer: { name: '赵六', phone: '13600136000' },
    orderNumber: `SO-ATT-${randomUUID().slice(0, 8)}`,
    batchNumber: 'B2611-ATT',
    shipDate: '2026-11-10',
    defectDescription: '外壳开裂',
    demand: '换货',
    quantity: 2,
    channel: 'phone',
  });
  expect(opened.status).toBe(201);
  caseNumber = opened.body.caseNumber;
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG's first bytes and some payload: the server checks the signature, not the pixels. */
const png = (size: number): Buffer => {
  const b = Buffer.alloc(size, 0x5a);
  Buffer.from(PNG_SIGNATURE).copy(b);
  return b;
};

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

async function upload(
  s: Session,
  target: string,
  file: { data: Buffer; name: string; type: string },
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Reply> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file.data], { type: file.type }), file.name);
  const res = await fetch(`${api.url}/cases/${target}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.accessToken}`, ...headers },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const storedRows = async (n: string): Promise<number> =>
  Number(
    (await db.query(`SELECT count(*) AS n FROM attachments WHERE case_number = $1`, [n])).rows[0].n,
  );

describe('attachments', () => {
  let uploaded: { id: string; sha256: string; size: number };
  const bytes = png(4096);

  test('a PNG is uploaded, listed and downloaded byte for byte; the upload is in the audit chain', async () => {
    const res = await upload(
      as.sales,
      caseNumber,
      { data: bytes, name: '样品照片 1.png', type: 'image/png' },
      { kind: 'photo' },
    );
    expect(res.status).toBe(201);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(res.body).toMatchObject({
      caseNumber,
      kind: 'photo',
      filename: '样品照片 1.png',
      contentType: 'image/png',
      size: bytes.length,
      sha256,
      uploadedBy: as.sales.user.id,
    });
    uploaded = res.body;

    const list = await call(api.url, 'GET', `/cases/${caseNumber}/attachments`, as.sales);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([res.body]);
    expect(list.body[0]).not.toHaveProperty('data');

    const dl = await fetch(`${api.url}/cases/${caseNumber}/attachments/${uploaded.id}`, {
      headers: { authorization: `Bearer ${as.sales.accessToken}` },
    });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('image/png');
    expect(dl.headers.get('content-disposition')).toBe(
      `attachment; filename="____ 1.png"; filename*=UTF-8''${encodeURIComponent('样品照片 1.png')}`,
    );
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(Buffer.from(await dl.arrayBuffer()), bytes)).toBe(0);

    const history = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.sales);
    const event = (history.body as Array<{ action: string; actor: string; data: unknown }>).find(
      (e) => e.action === 'AttachmentUploaded',
    );
    expect(event).toMatchObject({
      actor: as.sales.user.id,
      data: {
        id: uploaded.id,
        filename: '样品照片 1.png',
        kind: 'photo',
        size: bytes.length,
        sha256,
        contentType: 'image/png',
      },
    });
    const verify = await call(api.url, 'GET', `/cases/${caseNumber}/audit/verify`, as.sales);
    expect(verify.body).toMatchObject({ valid: true });
  });

  test('too large → 413 PAYLOAD_TOO_LARGE, nothing stored', async () => {
    const before = await storedRows(caseNumber);
    const res = await upload(as.sales, caseNumber, {
      data: png(MAX_BYTES + 1),
      name: 'huge.png',
      type: 'image/png',
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: MAX_BYTES } });
    expect(await storedRows(caseNumber)).toBe(before);
  });

  test('a text file renamed .png → 415 UNSUPPORTED_MEDIA_TYPE, nothing stored; so is a GIF', async () => {
    const before = await storedRows(caseNumber);
    const fake = await upload(as.sales, caseNumber, {
      data: Buffer.from('this is not a picture\n'),
      name: 'photo.png',
      type: 'image/png',
    });
    expect(fake.status).toBe(415);
    expect(fake.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { declared: 'image/png', detected: null },
    });
    const gif = await upload(as.sales, caseNumber, {
      data: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
      name: 'a.gif',
      type: 'image/gif',
    });
    expect(gif.status).toBe(415);
    // A real PNG declared as a PDF is refused too: the declared type must be what it is.
    const mislabelled = await upload(as.sales, caseNumber, {
      data: png(64),
      name: 'scan.pdf',
      type: 'application/pdf',
    });
    expect(mislabelled.status).toBe(415);
    expect(await storedRows(caseNumber)).toBe(before);
  });

  test('a bad kind or a missing file is 400', async () => {
    const bad = await upload(
      as.sales,
      caseNumber,
      { data: png(64), name: 'a.png', type: 'image/png' },
      { kind: 'selfie' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const form = new FormData();
    form.append('kind', 'photo');
    const none = await fetch(`${api.url}/cases/${caseNumber}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as.sales.accessToken}` },
      body: form,
    });
    expect(none.status).toBe(400);
  });

  test('another organisation gets 404 for the list, the file and an upload', async () => {
    const base = `/cases/${caseNumber}/attachments`;
    expect((await call(api.url, 'GET', base, other.sales)).status).toBe(404);
    expect((await call(api.url, 'GET', `${base}/${uploaded.id}`, other.auditor)).status).toBe(404);
    const res = await upload(other.sales, caseNumber, {
      data: png(64),
      name: 'x.png',
      type: 'image/png',
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CASE_NOT_FOUND');
  });

  test('auditors list and download but may not upload (403 AUDITOR_READ_ONLY, recorded)', async () => {
    const list = await call(api.url, 'GET', `/cases/${caseNumber}/attachments`, as.auditor);
    expect(list.status).toBe(200);
    const dl = await fetch(`${api.url}/cases/${caseNumber}/attachments/${uploaded.id}`, {
      headers: { authorization: `Bearer ${as.auditor.accessToken}` },
    });
    expect(dl.status).toBe(200);
    const res = await upload(as.auditor, caseNumber, {
      data: png(64),
      name: 'x.png',
      type: 'image/png',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUDITOR_READ_ONLY');
    const history = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.auditor);
    expect(history.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'ActionRefused',
          data: expect.objectContaining({
            attempted: 'UploadAttachment',
            code: 'AUDITOR_READ_ONLY',
          }),
        }),
      ]),
    );
  });

  test('those who do not work the case get 403; an unknown attachment id is 404', async () => {
    expect((await call(api.url, 'GET', `/cases/${caseNumber}/attachments`, as.rnd)).status).toBe(
      403,
    );
    const missing = await call(
      api.url,
      'GET',
      `/cases/${caseNumber}/attachments/${randomUUID()}`,
      as.sales,
    );
    expect(missing.status).toBe(404);
  });

  test('an upload retried with its Idempotency-Key is stored once', async () => {
    const before = await storedRows(caseNumber);
    const key = randomUUID();
    const file = { data: png(2048), name: 'scan.png', type: 'image/png' };
    const [a, b] = await Promise.all([
      upload(as.sales, caseNumber, file, { kind: 'scan' }, { 'idempotency-key': key }),
      upload(as.sales, caseNumber, file, { kind: 'scan' }, { 'idempotency-key': key }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(await storedRows(caseNumber)).toBe(before + 1);
    const otherFile = await upload(
      as.sales,
      caseNumber,
      { ...file, data: png(1024) },
      { kind: 'scan' },
      { 'idempotency-key': key },
    );
    expect(otherFile.status).toBe(422);
    expect(otherFile.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await eventually(async () => {
      const v = await call(api.url, 'GET', `/cases/${caseNumber}/audit/verify`, as.sales);
      return v.body.valid === true ? true : undefined;
    });
  });

  test('issue 8 #7: two uploads sent with the same X-Request-Id are both stored and both in the audit trail', async () => {
    const requestId = `reused-upload-${process.pid}`;
    const replies = [];
    for (const name of ['first.png', 'second.png'])
      replies.push(
        await upload(
          as.sales,
          caseNumber,
          { data: png(96), name, type: 'image/png' },
          {},
          {
            'x-request-id': requestId,
          },
        ),
      );
    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    const history = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.sales);
    const ids = (history.body as Array<{ action: string; data: { id?: string } }>)
      .filter((e) => e.action === 'AttachmentUploaded')
      .map((e) => e.data.id);
    expect(ids).toEqual(expect.arrayContaining(replies.map((r) => r.body.id)));
    expect(
      (await call(api.url, 'GET', `/cases/${caseNumber}/audit/verify`, as.sales)).body,
    ).toMatchObject({ valid: true });
  });
});

import { randomUUID } from 'node:crypto';
import { call, loginAll, OTHER_ORG, type ActorName, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * The audit export over HTTP: api + worker processes + Temporal dev server + PostgreSQL, all
 * real. The CSV is read back with a small RFC 4180 parser written here, not with the code
 * that wrote it.
 */
const TASK_QUEUE = `e2e-audit-export-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let as: Record<ActorName, Session>;
let other: Record<ActorName, Session>;
let caseNumber: string;

interface AuditEvent {
  seq: number;
  occurredAt: string;
  actor: string;
  action: string;
  data: Record<string, unknown>;
  policyVersion: number | null;
  hash: string;
  prevHash: string;
}

beforeAll(async () => {
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  [as, other] = await Promise.all([loginAll(api.url), loginAll(api.url, OTHER_ORG)]);
  const opened = await call(api.url, 'POST', '/complaints', as.sales, {
    customer: { name: '钱七', phone: '13500135000' },
    orderNumber: `SO-AUD-${randomUUID().slice(0, 8)}`,
    batchNumber: 'B2611-AUD',
    shipDate: '2026-11-10',
    // Commas, quotes and a line break: the CSV must quote them.
    defectDescription: '屏幕"花屏", 按键失灵\n第二行',
    demand: '换货',
    quantity: 1,
    channel: 'phone',
  });
  expect(opened.status).toBe(201);
  caseNumber = opened.body.caseNumber;
  // Wait for the workflow's first events.
  await eventually(async () => {
    const h = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.sales);
    return (h.body as AuditEvent[]).length > 0 ? true : undefined;
  });
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold both. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const exportOf = (s: Session, format?: string) =>
  fetch(`${api.url}/cases/${caseNumber}/audit/export${format ? `?format=${format}` : ''}`, {
    headers: { authorization: `Bearer ${s.accessToken}` },
  });

describe('audit export', () => {
  test('X06 002 客户服务规章制度 三.2: JSON (the default) is the /audit history, oldest first, with its verification', async () => {
    const res = await exportOf(as.sales);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      caseNumber: string;
      verification: { valid: boolean; count: number };
      actors: Record<string, { username: string }>;
      events: AuditEvent[];
    };
    const history = (await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.sales))
      .body as AuditEvent[];
    // Events may be appended after the export: it is then a prefix of the history.
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.events).toEqual(history.slice(0, body.events.length));
    expect(body.events.map((e) => e.seq)).toEqual(body.events.map((_, i) => i + 1));
    expect(body.verification).toEqual({ valid: true, count: body.events.length });
    expect(res.headers.get('x-audit-chain-valid')).toBe('true');
    expect(res.headers.get('x-audit-event-count')).toBe(String(body.events.length));
    expect(body.actors[as.sales.user.id]).toMatchObject({ username: 'sales-01' });
  });

  test('CSV: UTF-8 with BOM, RFC 4180, attachment <case>-audit.csv; reads back to the same rows and hashes', async () => {
    // An event with quotes, commas and Chinese text from the API itself (a recorded refusal).
    await fetch(`${api.url}/cases/${caseNumber}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as.auditor.accessToken}` },
      body: (() => {
        const f = new FormData();
        f.append(
          'file',
          new Blob([Buffer.from('%PDF-1.7')], { type: 'application/pdf' }),
          '报告,"终".pdf',
        );
        return f;
      })(),
    });
    const res = await exportOf(as.auditor, 'csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${caseNumber}-audit.csv"`,
    );
    const raw = Buffer.from(await res.arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'seq',
      'occurred_at',
      'actor',
      'actor_username',
      'actor_name',
      'action',
      'policy_version',
      'data',
      'prev_hash',
      'hash',
    ]);
    const count = Number(res.headers.get('x-audit-event-count'));
    expect(res.headers.get('x-audit-chain-valid')).toBe('true');
    expect(rows).toHaveLength(count);
    const history = (await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.auditor))
      .body as AuditEvent[];
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col('hash')])).toEqual(history.slice(0, count).map((e) => e.hash));
    expect(rows.map((r) => r[col('prev_hash')])).toEqual(
      history.slice(0, count).map((e) => e.prevHash),
    );
    for (const [i, r] of rows.entries()) {
      expect(r).toHaveLength(header!.length);
      expect(JSON.parse(r[col('data')]!)).toEqual(history[i]!.data);
      expect(Number(r[col('seq')])).toBe(history[i]!.seq);
    }
    expect(rows.some((r) => r[col('action')] === 'ActionRefused')).toBe(true);
    const reported = rows.find((r) => r[col('data')]!.includes('第二行'));
    expect(reported).toBeDefined();
  });

  test('readable by auditors and those who work the case only; a bad format is 400', async () => {
    expect((await exportOf(as.auditor)).status).toBe(200);
    expect((await exportOf(as.rnd)).status).toBe(403);
    expect((await exportOf(other.auditor, 'csv')).status).toBe(404);
    const bad = await exportOf(as.sales, 'xml');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
  });
});

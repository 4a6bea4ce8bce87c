import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Client } from 'pg';
import { seedDemo } from '../tools/seed-demo';
import { call, E2E_PASSWORD, loginAll, type ActorName, type Session } from './support/http';
import {
  bodyVariants,
  operations,
  resolve,
  sampleOf,
  withValueAt,
  type Op,
  type OpenApiDoc,
  type Parameter,
} from './support/openapi-fields';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * Issue 8 #1(a)/#2: the poison-text table. Generated from the served OpenAPI document: every
 * operation, every text field it declares (JSON body properties through objects, arrays and
 * oneOf branches; query, path and header parameters; multipart fields), each sent in an
 * otherwise valid-shaped request with that one field poisoned — a NUL, a lone high surrogate,
 * a lone low surrogate. Each must be 400 VALIDATION_FAILED naming the field, and nothing may be
 * written: the organisation's cases, tasks, audit events, users, attachments, idempotency
 * records and refresh tokens, and the fixture case's task rows, are compared after each one.
 *
 * Transports carry what they can: JSON carries lone surrogates (`"\ud800"` escapes); URLs and
 * headers are bytes, so a lone surrogate travels as its CESU-8 bytes (%ED%A0%80), which are not
 * UTF-8 and must be refused as well; a multipart body is UTF-8 decoded by the parser, which
 * cannot deliver a lone surrogate at all, so multipart rows are NUL only.
 */
const ORG = 'e2e-poison';
const TASK_QUEUE = `e2e-poison-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let as: Record<ActorName, Session>;
let doc: OpenApiDoc;
let fixture: { caseNumber: string; taskId: string };

const POISONS = [
  { name: 'NUL', text: 'bad \u0000 text', url: 'bad%20%00%20text', header: [0x00] },
  {
    name: 'lone high surrogate',
    text: 'bad \ud800 text',
    url: 'bad%20%ED%A0%80%20text',
    header: [0xed, 0xa0, 0x80],
  },
  {
    name: 'lone low surrogate',
    text: 'bad \udc00 text',
    url: 'bad%20%ED%B0%80%20text',
    header: [0xed, 0xb0, 0x80],
  },
] as const;

beforeAll(async () => {
  const url = process.env.ASO_E2E_DATABASE_URL!;
  await seedDemo(url, { organisationId: ORG, password: E2E_PASSWORD });
  db = new Client({ connectionString: url });
  await db.connect();
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url, ORG);
  doc = (await call(api.url, 'GET', '/docs/openapi.json', undefined)).body as OpenApiDoc;
  const opened = await call(api.url, 'POST', '/complaints', as.sales, {
    customer: { name: '赵六', phone: '13700137000' },
    orderNumber: 'SO-POISON-01',
    batchNumber: 'B2611-09',
    shipDate: '2026-11-10',
    defectDescription: '外壳开裂',
    demand: '退货',
    quantity: 1,
  });
  expect(opened.status).toBe(201);
  const caseNumber = opened.body.caseNumber as string;
  const task = await eventually(async () => {
    const res = await call(api.url, 'GET', `/inbox?caseNumber=${caseNumber}`, as.cs);
    return (res.body.items as Array<{ taskId: string; commands: string[] }>).find((t) =>
      t.commands.includes('RegisterComplaint'),
    );
  });
  fixture = { caseNumber, taskId: task.taskId };
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

/** Who sends each operation: someone allowed to (so a refusal is the text rule's, not 403). */
function actorFor(o: Op): Session | undefined {
  if (o.op.security && o.op.security.length === 0) return undefined;
  if (o.path.startsWith('/admin')) return as.admin;
  if (o.path.startsWith('/complaints')) return as.sales;
  if (o.path.startsWith('/reports')) return as.gm;
  return as.cs;
}

/** A valid value for each path parameter (the fixture case and its open task). */
function paramValue(o: Op, name: string): string {
  if (name === 'caseNumber') return fixture.caseNumber;
  if (name === 'taskId') return fixture.taskId;
  if (name === 'id' && o.path.startsWith('/admin/users')) return as.cs.user.id;
  return randomUUID();
}

function urlOf(o: Op, poisoned?: { param: Parameter; url: string }): string {
  const params = o.op.parameters ?? [];
  const path = o.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    poisoned?.param.in === 'path' && poisoned.param.name === name
      ? poisoned.url
      : encodeURIComponent(paramValue(o, name)),
  );
  const query = params
    .filter((p) => p.in === 'query')
    .flatMap((p) => {
      if (poisoned?.param.in === 'query' && poisoned.param.name === p.name)
        return [`${p.name}=${poisoned.url}`];
      return p.required
        ? [`${p.name}=${encodeURIComponent(String(sampleOf(doc, p.schema!)))}`]
        : [];
    });
  return query.length ? `${path}?${query.join('&')}` : path;
}

const isCommand = (o: Op) => o.method !== 'get' && !(o.op.security?.length === 0);

interface Row {
  name: string;
  send: () => Promise<{ status: number; body: unknown }>;
  /** the issue path that must be named; null where the HTTP parser refuses before the API */
  field: string | null;
}

function jsonRequest(o: Op, body: unknown, url = urlOf(o)) {
  return async () => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const session = actorFor(o);
    if (session) headers.authorization = `Bearer ${session.accessToken}`;
    // A command carries a fresh key, so the idempotency path runs too (and must write nothing).
    if (isCommand(o)) headers['idempotency-key'] = `poison-${randomUUID()}`;
    const res = await fetch(`${api.url}${url}`, {
      method: o.method.toUpperCase(),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

const jsonBodySchema = (o: Op) => o.op.requestBody?.content['application/json']?.schema;
const validBody = (o: Op) => {
  const schema = jsonBodySchema(o);
  return schema ? bodyVariants(doc, schema)[0]!.sample : undefined;
};

/** One row per (operation, text field, poison), from the document. */
function table(): Row[] {
  const rows: Row[] = [];
  for (const o of operations(doc)) {
    const label = `${o.method.toUpperCase()} ${o.path}`;
    const schema = jsonBodySchema(o);
    if (schema) {
      const seen = new Set<string>();
      for (const variant of bodyVariants(doc, schema))
        for (const path of variant.textPaths) {
          const field = ['body', ...path].join('.');
          if (seen.has(field)) continue;
          seen.add(field);
          for (const p of POISONS)
            rows.push({
              name: `${label} ${field} (${p.name})`,
              send: jsonRequest(o, withValueAt(variant.sample, path, p.text)),
              field,
            });
        }
    }
    for (const param of o.op.parameters ?? []) {
      const s = param.schema && resolve(doc, param.schema);
      if (!s || s.type !== 'string') continue;
      const root = param.in === 'path' ? 'params' : param.in === 'query' ? 'query' : 'headers';
      // Header names are case-insensitive: the API names them as Node does, in lower case.
      const field = `${root}.${param.in === 'header' ? param.name.toLowerCase() : param.name}`;
      for (const p of POISONS) {
        const name = `${label} ${field} (${p.name})`;
        if (param.in === 'header') {
          rows.push({
            name,
            send: rawHeaderRequest(o, param.name, p.header),
            field: p.name === 'NUL' ? null : field,
          });
        } else {
          rows.push({
            name,
            send: jsonRequest(o, validBody(o), urlOf(o, { param, url: p.url })),
            field,
          });
        }
      }
    }
    const multipart = o.op.requestBody?.content['multipart/form-data'];
    if (multipart) rows.push(...multipartRows(o, label));
  }
  return rows;
}

/** A request with one header's value given as raw bytes (fetch refuses NUL and non-Latin-1). */
function rawHeaderRequest(o: Op, header: string, bytes: readonly number[]) {
  return () =>
    new Promise<{ status: number; body: unknown }>((resolvePromise, reject) => {
      const { port } = new URL(api.url);
      const body = Buffer.from(jsonBodySchema(o) ? JSON.stringify(validBody(o)) : '', 'utf8');
      const session = actorFor(o);
      const head = Buffer.concat([
        Buffer.from(
          `${o.method.toUpperCase()} ${urlOf(o)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n` +
            (session ? `Authorization: Bearer ${session.accessToken}\r\n` : '') +
            `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n${header}: key-`,
        ),
        Buffer.from(bytes),
        Buffer.from('-1\r\n\r\n'),
      ]);
      const socket = connect({ host: '127.0.0.1', port: Number(port) });
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
        const payload = text.split('\r\n\r\n').slice(1).join('\r\n\r\n');
        let parsed: unknown;
        try {
          parsed = JSON.parse(payload.replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, ''));
        } catch {
          parsed = payload;
        }
        resolvePromise({ status, body: parsed });
      });
      socket.write(Buffer.concat([head, body]));
    });
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
  'hex',
);

/** Multipart: the text field's value, a field's name and the file's name, each with a NUL. */
function multipartRows(o: Op, label: string): Row[] {
  const send = (kind: string, fieldName: string, filename: string) => async () => {
    const form = new FormData();
    form.append(fieldName, kind);
    form.append('file', new Blob([PNG], { type: 'image/png' }), filename);
    const res = await fetch(`${api.url}${urlOf(o)}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${actorFor(o)!.accessToken}`,
        'idempotency-key': `poison-${randomUUID()}`,
      },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return [
    {
      name: `${label} body.kind (NUL)`,
      send: send('photo\u0000', 'kind', 'a.png'),
      field: 'body.kind',
    },
    {
      name: `${label} a multipart field name (NUL)`,
      send: send('photo', 'ki\u0000nd', 'a.png'),
      // busboy cannot read a part header holding a NUL: no field exists yet, the body is named.
      field: 'body',
    },
    {
      name: `${label} the file's name (NUL)`,
      send: send('photo', 'kind', 'a\u0000.png'),
      field: 'body',
    },
  ];
}

/** Everything a refused request could have written, in this organisation. */
async function snapshot() {
  const count = async (sql: string) => (await db.query(sql, [ORG])).rows[0].n as number;
  const byOrg = (table: string) =>
    count(`SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`);
  return {
    cases: await byOrg('cases'),
    tasks: await byOrg('tasks'),
    audit_events: await byOrg('audit_events'),
    users: await byOrg('users'),
    attachments: await byOrg('attachments'),
    idempotency_keys: await byOrg('idempotency_keys'),
    refresh_tokens: await count(
      'SELECT count(*)::int AS n FROM refresh_tokens r JOIN users u ON u.id = r.user_id WHERE u.organisation_id = $1',
    ),
    fixtureTasks: (
      await db.query(
        'SELECT task_id, status, assignee, completed_at FROM tasks WHERE organisation_id = $1 AND case_number = $2 ORDER BY task_id',
        [ORG, fixture.caseNumber],
      )
    ).rows,
    userRows: (
      await db.query(
        'SELECT id, display_name, department, roles, approval_limit_fen, active, updated_at FROM users WHERE organisation_id = $1 ORDER BY id',
        [ORG],
      )
    ).rows,
  };
}

const issuePaths = (body: unknown): string[] =>
  ((body as { details?: { issues?: Array<{ path: string }> } })?.details?.issues ?? []).map(
    (i) => i.path,
  );

describe('issue 8 #1a/#2: poison text in any field the OpenAPI document declares', () => {
  test('the table covers every operation’s text fields, login, queries, paths and headers', () => {
    const names = table().map((r) => r.name);
    for (const field of [
      'POST /auth/login body.organisation',
      'POST /auth/login body.username',
      'POST /auth/login body.password',
      'POST /complaints body.customer.name',
      'POST /tasks/{taskId}/complete body.comment',
      'POST /tasks/{taskId}/complete body.command.report.findings',
      'POST /admin/users body.displayName',
      'PATCH /admin/users/{id} body.password',
      'GET /cases query.status',
      'GET /inbox query.type',
      'GET /inbox query.caseNumber',
      'GET /cases/{caseNumber} params.caseNumber',
      'POST /complaints headers.idempotency-key',
      'POST /cases/{caseNumber}/attachments body.kind',
    ])
      expect({ field, covered: names.some((n) => n.startsWith(`${field} (`)) }).toEqual({
        field,
        covered: true,
      });
    // Every operation with any input is in the table.
    for (const o of operations(doc)) {
      const hasText =
        jsonBodySchema(o) ||
        o.op.requestBody?.content['multipart/form-data'] ||
        (o.op.parameters ?? []).some((p) => p.schema && resolve(doc, p.schema).type === 'string');
      if (hasText)
        expect(names.some((n) => n.startsWith(`${o.method.toUpperCase()} ${o.path} `))).toBe(true);
    }
  });

  test('every poisoned field is a 400 naming it, and nothing is written', async () => {
    const before = await snapshot();
    const wrong: unknown[] = [];
    for (const row of table()) {
      const res = await row.send();
      const paths = issuePaths(res.body);
      const named = row.field === null || paths.includes(row.field);
      const code = (res.body as { code?: string })?.code;
      if (res.status !== 400 || !named || (row.field !== null && code !== 'VALIDATION_FAILED'))
        wrong.push({
          row: row.name,
          status: res.status,
          code,
          paths,
          message: (res.body as { message?: string })?.message,
        });
      const after = await snapshot();
      if (JSON.stringify(after) !== JSON.stringify(before))
        wrong.push({ row: row.name, wrote: { before, after } });
    }
    expect(wrong).toEqual([]);
  });
});

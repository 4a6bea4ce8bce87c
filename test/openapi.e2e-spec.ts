import SwaggerParser from '@apidevtools/swagger-parser';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../apps/api/src/app.module';
import { STAGES } from '@aso/domain';
import { call, login } from './support/http';
import { baseEnv } from './support/stack';

/**
 * The served OpenAPI document against the routes Nest really registers: the app module is
 * booted in this process (real PostgreSQL and Temporal of the e2e tier), its Express router
 * is read at test time, so a route added by any module without a DTO registration fails here.
 */
let app: INestApplication;
let url: string;

beforeAll(async () => {
  Object.assign(process.env, baseEnv(`e2e-openapi-${process.pid}`), { LOG_LEVEL: 'warn' });
  app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await app?.close();
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

interface ExpressLayer {
  route?: { path: unknown; methods?: Record<string, boolean>; stack?: Array<{ method?: string }> };
}

/** `METHOD /path/{param}` for every route on the Express router Nest filled. */
function nestRoutes(): string[] {
  const instance = app.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  // Express 5 exposes `router`; Express 4 had `_router`.
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  const routes = new Set<string>();
  for (const layer of stack) {
    const route = layer.route;
    // Wildcard layers (`/*path`, `/{*path}`) are middleware mounts (Nest's forRoutes('*')), not endpoints.
    if (!route || typeof route.path !== 'string' || route.path.includes('*')) continue;
    const methods = route.methods
      ? Object.keys(route.methods).filter((m) => route.methods?.[m])
      : (route.stack ?? []).map((s) => s.method ?? '');
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/(.)\/$/, '$1');
    for (const m of methods)
      if ((METHODS as readonly string[]).includes(m)) routes.add(`${m.toUpperCase()} ${path}`);
  }
  return [...routes].sort();
}

interface Doc {
  paths: Record<string, Partial<Record<Method, { security?: unknown[] }>>>;
}
const documented = (doc: Doc): string[] =>
  Object.entries(doc.paths)
    .flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();

describe('the OpenAPI document served at /docs', () => {
  test('GET /docs/openapi.json needs no token and is a valid OpenAPI 3 document', async () => {
    const res = await call(url, 'GET', '/docs/openapi.json', undefined);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    await expect(
      SwaggerParser.validate(JSON.parse(JSON.stringify(res.body))),
    ).resolves.toBeDefined();
  });

  test('GET /docs is a self-contained HTML page listing the operations and linking the JSON', async () => {
    const res = await fetch(`${url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('href="/docs/openapi.json"');
    expect(html).toContain('<code>/tasks/{taskId}/complete</code>');
    expect(html).not.toMatch(/<script/i);
  });

  test('every route Nest registers is documented with its method, and every documented operation exists', async () => {
    const doc = (await call(url, 'GET', '/docs/openapi.json', undefined)).body as Doc;
    const served = nestRoutes();
    // the app's own known routes are there, so an empty router read cannot pass vacuously
    expect(served).toEqual(
      expect.arrayContaining(['POST /complaints', 'POST /tasks/{taskId}/complete', 'GET /healthz']),
    );
    const inDoc = documented(doc);
    expect({ undocumented: served.filter((r) => !inDoc.includes(r)) }).toEqual({
      undocumented: [],
    });
    expect({ notServed: inDoc.filter((r) => !served.includes(r)) }).toEqual({ notServed: [] });
  });

  test('operations documented as secured answer 401 without a token; the docs themselves are public', async () => {
    const doc = (await call(url, 'GET', '/docs/openapi.json', undefined)).body as Doc;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op || (op.security ?? []).length === 0) continue;
        // The guard runs before any parameter is parsed, so any value stands in for a param.
        const concrete = path.replace(/\{[^}]+\}/g, 'x');
        const res = await fetch(`${url}${concrete}`, { method: method.toUpperCase() });
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 });
      }
    }
  });

  test('issue 8 #14: integers, dates, formDeadlines keys, text/csv, every 4xx and Idempotency-Key are declared', async () => {
    // The document as served, read loosely: each check below names what it looks at.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc = (await call(url, 'GET', '/docs/openapi.json', undefined)).body as any;
    const param = (path: string, name: string) =>
      (
        doc.paths[path].get.parameters as Array<{ name: string; schema: Record<string, unknown> }>
      ).find((p) => p.name === name)?.schema;
    for (const path of ['/cases', '/inbox'])
      for (const name of ['limit', 'offset'])
        expect({ path, name, type: param(path, name)?.type }).toEqual({
          path,
          name,
          type: 'integer',
        });
    for (const name of ['from', 'to'])
      expect({ name, format: param('/reports/kpis', name)?.format }).toEqual({
        name,
        format: 'date',
      });
    expect(doc.components.schemas.OpenComplaintRequest.properties.shipDate.format).toBe('date');
    const deadlines = doc.components.schemas.RegisterComplaintCommand.properties.formDeadlines;
    expect(Object.keys(deadlines.properties).sort()).toEqual([...STAGES.complaint].sort());
    expect(deadlines.additionalProperties).toBe(false);
    const exported = doc.paths['/cases/{caseNumber}/audit/export'].get.responses['200'].content;
    expect(Object.keys(exported).sort()).toEqual(['application/json', 'text/csv']);
    for (const path of ['/auth/login', '/auth/refresh'])
      expect({ path, has429: '429' in doc.paths[path].post.responses }).toEqual({
        path,
        has429: true,
      });
    expect(doc.components.responses.Error429.headers['Retry-After']).toBeDefined();
    const upload = doc.paths['/cases/{caseNumber}/attachments'].post.responses;
    expect(Object.keys(upload)).toEqual(expect.arrayContaining(['413', '415']));

    const missing: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>))
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const label = `${method.toUpperCase()} ${path}`;
        const secured = (op.security ?? []).length > 0;
        const want = ['400'];
        if (secured) want.push('401', '403');
        if (op.requestBody) want.push('413');
        const command = secured && method !== 'get';
        if (command) want.push('409', '422');
        for (const status of want) if (!op.responses[status]) missing.push(`${label} ${status}`);
        const header = (op.parameters ?? []).some(
          (p: { in: string; name: string }) => p.in === 'header' && p.name === 'Idempotency-Key',
        );
        if (command && !header) missing.push(`${label} Idempotency-Key`);
        if (!command && header) missing.push(`${label} has Idempotency-Key but is no command`);
      }
    expect(missing).toEqual([]);
  });

  test('GET /case-types (issue 11): each offered type opens at a documented POST, its schema is that body’s with every $ref inlined, mayOpen follows the opening rule', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc = (await call(url, 'GET', '/docs/openapi.json', undefined)).body as any;
    const inline = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(inline);
      if (!node || typeof node !== 'object') return node;
      const { $ref, ...rest } = node as Record<string, unknown>;
      const own = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, inline(v)]));
      if (typeof $ref !== 'string') return own;
      return {
        ...(inline(doc.components.schemas[$ref.split('/').pop() as string]) as object),
        ...own,
      };
    };
    const [sales, cs, auditor] = await Promise.all(
      ['sales-01', 'cs-01', 'auditor-01'].map((u) => login(url, u)),
    );
    const offers = async (s: typeof sales) => {
      const res = await call(url, 'GET', '/case-types', s);
      expect(res.status).toBe(200);
      return res.body as Array<{
        type: string;
        path: string;
        mayOpen: boolean;
        labels: Record<string, string>;
        schema: unknown;
      }>;
    };
    const forSales = await offers(sales);
    expect(forSales.map((o) => o.type)).toEqual([
      'complaint',
      'return',
      'repair',
      'followUp',
      'consignment',
    ]);
    for (const o of forSales) {
      const body = doc.paths[o.path]?.post?.requestBody?.content?.['application/json']?.schema;
      expect({ type: o.type, documented: body !== undefined }).toEqual({
        type: o.type,
        documented: true,
      });
      expect(o.schema).toEqual(inline(body));
      expect(JSON.stringify(o.schema)).not.toContain('$ref');
      expect(o.labels['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(o.labels['en-US']).toMatch(/^[A-Z]/);
    }
    const complaint = forSales[0]?.schema as { properties: Record<string, { type?: string }> };
    expect(complaint.properties.customer?.type).toBe('object');
    expect(complaint.properties.shipDate).toMatchObject({ format: 'date' });
    const may = (list: Awaited<ReturnType<typeof offers>>) =>
      Object.fromEntries(list.map((o) => [o.type, o.mayOpen]));
    // Decision 1: anyone who works opens a complaint; returns by sales or CS; repairs and
    // follow-ups by CS (001 §7, 004 三.(一)); consignments by sales (002 ch.12 1); auditors open
    // nothing.
    expect(may(forSales)).toEqual({
      complaint: true,
      return: true,
      repair: false,
      followUp: false,
      consignment: true,
    });
    expect(may(await offers(cs))).toEqual({
      complaint: true,
      return: true,
      repair: true,
      followUp: true,
      consignment: false,
    });
    expect(may(await offers(auditor))).toEqual({
      complaint: false,
      return: false,
      repair: false,
      followUp: false,
      consignment: false,
    });
  });
});

import SwaggerParser from '@apidevtools/swagger-parser';
import { validationError } from '../common/parse-input';
import { AppModule } from '../app.module';
import { completeTaskBodySchema } from '../tasks/tasks.dto';
import { buildOpenApiDocument, type OpenApiDocument } from './document';
import { renderDocsPage } from './docs-page';
import { toOpenApiPath } from './registry';

// Loading the app module loads every controller and so every DTO file that registers routes.
void AppModule;

type Operation = { security?: unknown[]; responses: Record<string, unknown>; tags?: string[] };
const operations = (doc: OpenApiDocument): Array<[string, string, Operation]> =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const)
      .filter((m) => item[m])
      .map((m): [string, string, Operation] => [m, path, item[m] as Operation]),
  );

describe('the OpenAPI document', () => {
  test('is a valid OpenAPI 3 document (swagger-parser, on a deep copy)', async () => {
    const doc = buildOpenApiDocument();
    // The parser dereferences in place: validate a copy so the served document keeps its $refs.
    const copy = JSON.parse(JSON.stringify(doc)) as Parameters<typeof SwaggerParser.validate>[0];
    await expect(SwaggerParser.validate(copy)).resolves.toBeDefined();
    expect(doc.openapi).toMatch(/^3\./);
  });

  test('describes the routes of every module, with bearer security except on public ones', () => {
    const doc = buildOpenApiDocument();
    const ops = operations(doc);
    const has = (method: string, path: string) => ops.some(([m, p]) => m === method && p === path);
    for (const [method, path] of [
      ['post', '/auth/login'],
      ['post', '/complaints'],
      ['get', '/cases/{caseNumber}/audit/verify'],
      ['post', '/tasks/{taskId}/complete'],
      ['patch', '/admin/users/{id}'],
      ['get', '/healthz'],
      ['get', '/docs/openapi.json'],
    ] as const) {
      expect({ method, path, documented: has(method, path) }).toEqual({
        method,
        path,
        documented: true,
      });
    }
    const publicOps = ops
      .filter(([, , op]) => (op.security ?? []).length === 0)
      .map(([m, p]) => `${m} ${p}`);
    expect(publicOps).toEqual(
      expect.arrayContaining([
        'post /auth/login',
        'post /auth/refresh',
        'get /healthz',
        'get /docs',
      ]),
    );
    expect(publicOps).not.toContain('post /complaints');
    expect(doc.components?.securitySchemes?.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    // every operation has a tag, a success response and the shared error body
    for (const [method, path, op] of ops) {
      expect({ method, path, tagged: (op.tags ?? []).length === 1 }).toEqual({
        method,
        path,
        tagged: true,
      });
      expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s))).toBe(true);
    }
    expect(doc.components?.schemas?.ErrorBody).toMatchObject({
      required: expect.arrayContaining(['code', 'message', 'details', 'requestId']),
    });
    for (const status of ['400', '401', '403', '404', '409', '413', '415', '422']) {
      expect(doc.components?.responses?.[`Error${status}`]).toBeDefined();
    }
  });

  test('complete-task commands are a oneOf discriminated by type, incl. the workflow-level ones', () => {
    const doc = buildOpenApiDocument();
    const command = doc.components?.schemas?.TaskCommand as {
      oneOf: Array<{ $ref: string }>;
      discriminator: { propertyName: string; mapping: Record<string, string> };
    };
    expect(command.discriminator.propertyName).toBe('type');
    expect(Object.keys(command.discriminator.mapping)).toEqual(
      expect.arrayContaining([
        'RegisterComplaint',
        'ProposeResolution',
        'IssueDiscountCertificate',
        'ReceiveGoods',
        'RecordRefund',
        'AcknowledgeEscalation',
        'RecordRepairCompleted',
      ]),
    );
    expect(command.oneOf.length).toBe(Object.keys(command.discriminator.mapping).length);
    expect(doc.components?.schemas?.RecordRepairCompletedCommand).toMatchObject({
      required: expect.arrayContaining(['type', 'outcome']),
    });
  });

  test('the same schema validates requests: bad command payloads name the field', () => {
    const bad = (command: unknown) => {
      const r = completeTaskBodySchema.safeParse({ command });
      // The paths the API answers with (validationError names each unknown key of a strict object).
      return r.success
        ? []
        : (validationError(r.error, 'body').details.issues as Array<{ path: string }>).map((i) =>
            i.path.replace(/^body\./, ''),
          );
    };
    expect(
      bad({ type: 'RegisterComplaint', cause: 'product_quality', severity: 'general' }),
    ).toEqual([]);
    expect(bad({ type: 'RegisterComplaint', cause: 'weather', severity: 'general' })).toEqual([
      'command.cause',
    ]);
    expect(
      bad({ type: 'IssueDiscountCertificate', certificateNumber: 'C-1', amountFen: -1 }),
    ).toEqual(['command.amountFen']);
    expect(
      bad({ type: 'IssueDiscountCertificate', certificateNumber: 'C-1', amountFen: 1e20 }),
    ).toEqual(['command.amountFen']);
    expect(bad({ type: 'RecordRepairCompleted', outcome: '' })).toEqual(['command.outcome']);
    expect(
      bad({
        ...{ type: 'RegisterComplaint', cause: 'transport', severity: 'general' },
        formDeadlines: { investigation: { amount: 1, unit: 'working_days' } },
      }),
    ).toEqual(['command.formDeadlines.investigation']);
    expect(bad({ type: 'NoSuchCommand' })).toEqual(['command.type']);
  });

  test('paths use OpenAPI templating; the HTML page lists every operation and links the JSON', () => {
    expect(toOpenApiPath('tasks/:taskId/complete')).toBe('/tasks/{taskId}/complete');
    expect(toOpenApiPath('/docs/openapi.json')).toBe('/docs/openapi.json');
    const doc = buildOpenApiDocument();
    const html = renderDocsPage(doc);
    expect(html).toContain('href="/docs/openapi.json"');
    for (const [, path] of operations(doc)) expect(html).toContain(`<code>${path}</code>`);
    expect(html).not.toMatch(/<script|https?:\/\/cdn/i);
  });
});

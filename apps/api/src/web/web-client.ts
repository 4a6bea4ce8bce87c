import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../openapi/document';

import type * as OpenapiTypescriptModule from 'openapi-typescript';

type OpenapiTypescript = typeof OpenapiTypescriptModule;

/**
 * The web app's typed client (apps/web/src/api/) is generated from this API's OpenAPI document:
 * `openapi.json` (the document, also read by the task-form renderer for the command schemas)
 * and `schema.d.ts` (openapi-typescript's types, used by openapi-fetch). Both are checked into
 * git and must never drift: web-client.spec.ts (unit tier) compares the document, and
 * `generate-web-client.js --check` (run by `npm run test:browser`) both files.
 * Callers must have loaded the app module first (every DTO file registers its routes).
 */
export const WEB_API_DIR = ['apps', 'web', 'src', 'api'] as const;

const HEADER =
  '// GENERATED from the API\u2019s OpenAPI document by `npm run web:client`: do not edit.\n';

export const renderWebDocument = (): string =>
  `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

/** openapi-typescript's types for the document (plain Node only: its deps are ES modules). */
export async function renderWebTypes(json: string): Promise<string> {
  // A dev tool: loaded only here, never by the running API.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: openapiTS, astToString } = require('openapi-typescript') as OpenapiTypescript;
  const ast = await openapiTS(JSON.parse(json) as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}

export function readWebClient(root: string): { json: string; types: string } {
  const dir = join(root, ...WEB_API_DIR);
  const read = (f: string) => {
    try {
      return readFileSync(join(dir, f), 'utf8');
    } catch {
      return '';
    }
  };
  return { json: read('openapi.json'), types: read('schema.d.ts') };
}

export function writeWebClient(root: string, files: { json: string; types: string }): void {
  const dir = join(root, ...WEB_API_DIR);
  writeFileSync(join(dir, 'openapi.json'), files.json);
  writeFileSync(join(dir, 'schema.d.ts'), files.types);
}

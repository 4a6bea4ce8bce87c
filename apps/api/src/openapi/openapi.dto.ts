import { registerRoute } from './registry';
import { z } from './zod-openapi';

/** The document itself: an OpenAPI 3 object (described loosely; it describes itself). */
const openApiDocumentSchema = z
  .object({ openapi: z.string(), info: z.object({}).passthrough(), paths: z.record(z.unknown()) })
  .passthrough()
  .openapi('OpenApiDocument');

registerRoute({
  method: 'get',
  path: 'docs',
  tag: 'docs',
  summary: 'A self-contained HTML page listing every operation',
  public: true,
  response: { status: 200, description: 'HTML', contentType: 'text/html', schema: z.string() },
});
registerRoute({
  method: 'get',
  path: 'docs/openapi.json',
  tag: 'docs',
  summary: 'This OpenAPI 3 document',
  public: true,
  response: { status: 200, description: 'The document', schema: openApiDocumentSchema },
});

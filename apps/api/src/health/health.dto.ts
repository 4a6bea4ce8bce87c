import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';

const dependency = z.string().describe('`ok`, or `down: <reason>`');

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    postgres: dependency,
    temporal: dependency,
  })
  .openapi('Health');

registerRoute({
  method: 'get',
  path: 'healthz',
  tag: 'health',
  summary: 'Liveness of PostgreSQL and Temporal',
  public: true,
  response: { status: 200, description: 'Both dependencies probed', schema: healthSchema },
});

import {
  auditEventSchema,
  auditVerificationSchema,
  caseNumberParamsSchema,
} from '../cases/cases.dto';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import type { AuditExport } from './audit-export';

export const auditExportQuerySchema = z.object({
  format: z.enum(['json', 'csv']).default('json'),
});

export const auditExportSchema = z
  .object({
    caseNumber: z.string(),
    exportedAt: z.string().datetime(),
    verification: auditVerificationSchema,
    actors: z.record(z.object({ username: z.string(), displayName: z.string() })),
    events: z.array(auditEventSchema),
  })
  .openapi('AuditExport') satisfies z.ZodType<AuditExport>;

registerRoute({
  method: 'get',
  path: 'cases/:caseNumber/audit/export',
  tag: 'cases',
  summary: 'Export the full audit trail (JSON, or CSV for Excel) with its verification',
  description:
    'Oldest first. format=csv: RFC 4180, UTF-8 with BOM, attachment <case>-audit.csv, data ' +
    'JSON-encoded. The verification is also in X-Audit-Chain-Valid / X-Audit-Event-Count.',
  params: caseNumberParamsSchema,
  query: auditExportQuerySchema,
  response: {
    status: 200,
    description: 'The export (JSON; text/csv with format=csv)',
    schema: auditExportSchema,
    alternatives: {
      'text/csv': z.string().describe('RFC 4180, UTF-8 with BOM: one row per audit event'),
    },
  },
  errors: [404],
});

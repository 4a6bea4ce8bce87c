import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import type { SupervisionLedger } from './supervision-ledger.service';

export const supervisionLedgerSchema = z
  .object({
    organisation: z.string(),
    timeZone: z.literal('Asia/Shanghai'),
    month: z.string().describe('YYYY-MM'),
    basis: z.string(),
    generatedAt: z.string().datetime(),
    drawn: z.number().int().describe('records drawn for a re-check'),
    checked: z.number().int(),
    inconsistent: z.number().int(),
    entries: z.array(
      z.object({
        caseNumber: z.string(),
        customer: z.string(),
        caller: z.string().nullable(),
        calledAt: z.string().nullable(),
        draw: z.number().nullable().describe('the random draw in [0, 1) that selected the record'),
        checker: z.string().nullable(),
        checkedAt: z.string().nullable(),
        result: z.enum(['consistent', 'inconsistent', 'pending']),
        note: z.string(),
        problems: z.array(
          z.object({
            source: z.enum(['spot_check', 'review']),
            description: z.string(),
            department: z.string().nullable(),
            ownerId: z.string().nullable(),
            handling: z.string().nullable(),
            handledAt: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('SupervisionLedger') satisfies z.ZodType<SupervisionLedger>;

registerRoute({
  method: 'get',
  path: 'reports/supervision-ledger',
  tag: 'reports',
  summary: 'The supervision ledger of a month: each spot check of a follow-up record (004 八.(二))',
  description:
    'Managers, the GM office and auditors. The follow-up records opened in the month (Asia/Shanghai) ' +
    'drawn at random for a re-check: the record, its caller, the checker and when, the result, the ' +
    'problems found and how they were handled.',
  query: z.object({ month: z.string().openapi({ example: '2026-11' }) }),
  response: { status: 200, description: 'The ledger', schema: supervisionLedgerSchema },
});

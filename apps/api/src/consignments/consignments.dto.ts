import { MAX_QUANTITY, noNul, NO_NUL_MESSAGE, positiveFen } from '@aso/contracts';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';

const text = (max: number) => z.string().trim().min(1).max(max).refine(noNul, NO_NUL_MESSAGE);
const period = z.enum(['monthly', 'quarterly']);

/**
 * A consignment as sales opens it (DOMAIN.md §4, 002 ch.12 1–2): the consignor (a customer, whose
 * surname labels every item), wholesale `pf` or franchise `jm`, the goods counted (item,
 * quantity, agreed price in fen), the contract terms, and whether the customer is there to sign.
 */
export const openConsignmentBodySchema = z
  .object({
    consignor: z.object({
      name: text(100),
      surname: z
        .string()
        .regex(/^\p{Script=Han}{1,2}$/u, 'must be a surname of one or two Chinese characters')
        .describe('labels every item (K02): pf012李'),
      phone: z
        .string()
        .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number')
        .optional(),
      customerId: z.string().trim().max(64).refine(noNul, NO_NUL_MESSAGE).optional(),
    }),
    customerKind: z.enum(['wholesale', 'franchise']).describe('wholesale → pf, franchise → jm'),
    goods: z
      .array(
        z.object({
          item: text(200),
          quantity: z.number().int().positive().max(MAX_QUANTITY),
          priceFen: positiveFen.describe('the agreed price per unit, fen'),
        }),
      )
      .min(1)
      .max(200),
    terms: z.object({
      commissionBp: z
        .number()
        .int()
        .min(0)
        .max(10_000)
        .describe('commission in basis points of the proceeds (1500 = 15 %)'),
      reportPeriod: period.optional().describe('absent: the policy’s consignment.reportPeriod'),
      settlementPeriod: period.optional().describe('absent: the report period'),
      durationMonths: z.number().int().positive().max(36),
    }),
    customerPresent: z
      .boolean()
      .describe('false: the quantities and the contract go to the customer for signature (K03)'),
    storeId: z.string().trim().max(64).refine(noNul, NO_NUL_MESSAGE).optional(),
  })
  .openapi('OpenConsignmentBody');
export type OpenConsignmentBody = z.infer<typeof openConsignmentBodySchema>;

export const openedConsignmentSchema = z
  .object({
    caseNumber: z.string().openapi({ example: 'DX202612-0001' }),
    policyVersion: z.number().int(),
    listNumber: z.string().describe('the 委托代销清单, printable at GET /cases/:n/documents'),
    items: z.array(
      z.object({
        code: z.string().openapi({ example: 'pf001李' }),
        item: z.string(),
        quantity: z.number().int(),
        priceFen: z.number().int(),
      }),
    ),
    labels: z
      .array(z.object({ code: z.string(), item: z.string(), copies: z.number().int() }))
      .describe('one label per unit'),
    status: z.enum(['awaiting_signature', 'active']),
  })
  .openapi('OpenedConsignment');
export type OpenedConsignment = z.infer<typeof openedConsignmentSchema>;

registerRoute({
  method: 'post',
  path: 'consignments',
  tag: 'consignments',
  summary: 'Open a consignment: count the goods, list and code every item (sales)',
  description:
    'DOMAIN.md §4, 002 ch.12: the goods counted are listed on the 委托代销清单 and every item ' +
    'gets its code (pf/jm + number + the consignor’s surname, K02). Customer absent: the ' +
    'quantities and the contract go for signature, awaited with a deadline and reminders (K03). ' +
    'Sales then records sales on the standing task (RecordSales, idempotent by sale id); a ' +
    'report per period (K04), settlement with finance and the goods’ return are tasks. Opened ' +
    'once per Idempotency-Key.',
  body: openConsignmentBodySchema,
  response: { status: 201, description: 'The new consignment', schema: openedConsignmentSchema },
  errors: [422],
});

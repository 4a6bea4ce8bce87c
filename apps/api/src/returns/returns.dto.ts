import {
  RETURN_CHANNELS,
  RETURN_PARTS,
  RETURN_REQUEST_KINDS,
  type ReturnEligibility,
  type ReturnSettlement,
} from '@aso/domain';
import { fen, MAX_QUANTITY, noNul, NO_NUL_MESSAGE } from '@aso/contracts';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';

const text = (max: number) => z.string().trim().min(1).max(max).refine(noNul, NO_NUL_MESSAGE);
const instant = z
  .string()
  .datetime({ offset: true, message: 'an ISO-8601 instant with offset' })
  .openapi({ example: '2026-12-09T10:00:00+08:00' });
const count = z.number().int().nonnegative().max(MAX_QUANTITY);

/** Why the customer wants the goods back (001 篇3 退换货 1–2, 5; 002 ch.11 1(2)). */
export const RETURN_REASONS = [
  'quality_problem',
  'dissatisfied',
  'no_reason',
  'wrong_item',
] as const;

/**
 * A customer's own request (DOMAIN.md §2 step 1; 001 篇3 一般售后 1 and 退货流程 1–2): order, SN,
 * the customer's words, request time, customer account (旺旺号), customer kind, channel, whether
 * the recorder was powered on, which parts come back; the facts the wholesale (002 ch.11 1) and
 * franchise (002 ch.11 2) rules need; or a price difference (退差价) or late-delivery shipping
 * claim (退换货 3), which move no goods.
 */
export const openReturnBodySchema = z
  .object({
    kind: z
      .enum(RETURN_REQUEST_KINDS)
      .describe('return, exchange, price_difference (退差价) or shipping_claim (退换货 3)'),
    orderNumber: text(64),
    serialNumber: z
      .string()
      .trim()
      .max(64)
      .refine(noNul, NO_NUL_MESSAGE)
      .default('')
      .describe('the unit’s SN (required for a return or exchange, 001 篇3 一般售后 1)'),
    reason: z.enum(RETURN_REASONS).describe('the ground the rules judge'),
    reasonText: text(2000).describe('the problem or the reason in the customer’s words'),
    requestedAt: instant.describe('when the customer asked (申请售后的时间)'),
    deliveredAt: instant
      .optional()
      .describe('when the goods were delivered (the 7-day window runs from it; goods only)'),
    customer: z.object({
      account: text(100).describe('the customer account (旺旺号)'),
      name: text(100),
      phone: z
        .string()
        .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number')
        .optional()
        .describe('shown in full only to those who work the case'),
    }),
    customerKind: z.enum(['retail', 'wholesale', 'franchise']),
    channel: z.enum(RETURN_CHANNELS).describe('on_site: returned at the counter (R25)'),
    quantity: z.number().int().positive().max(MAX_QUANTITY),
    poweredOn: z.boolean().default(false).describe('the recorder was switched on (退换货 5)'),
    partsReturned: z
      .array(z.enum(RETURN_PARTS))
      .max(RETURN_PARTS.length)
      .default([])
      .describe('what comes back: packaging, accessories, warranty card, unit (退换货 4)'),
    qualityProblemConfirmed: z.boolean().default(false),
    remedyPossible: z.boolean().optional().describe('dissatisfied: can the cause be remedied'),
    selfPickup: z.boolean().optional().describe('wholesale: collected by the customer'),
    videoChecked: z.boolean().optional().describe('wholesale: the quality problem seen by video'),
    replacementAvailable: z.boolean().optional().describe('a replacement is in stock'),
    franchise: z
      .object({
        contractRatioPermille: z.number().int().nonnegative().max(1000),
        periodPurchasedQuantity: count,
        periodReturnedQuantity: count,
      })
      .optional()
      .describe('franchise: the contract’s return ratio and the period’s quantities'),
    priceDifference: z
      .object({ paidUnitFen: fen, newUnitFen: fen, handedToCarrier: z.boolean() })
      .optional(),
    shippingClaim: z
      .object({
        deliveredLate: z.boolean(),
        wrongCarrier: z.boolean(),
        postageDifferenceFen: fen,
      })
      .optional(),
    storeId: z.string().trim().max(64).refine(noNul, NO_NUL_MESSAGE).optional(),
  })
  .superRefine((b, ctx) => {
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    const goods = b.kind === 'return' || b.kind === 'exchange';
    if (goods) {
      need(b.serialNumber !== '', 'serialNumber', 'required for a return or exchange (R09)');
      need(b.deliveredAt !== undefined, 'deliveredAt', 'required for a return or exchange');
      if (b.deliveredAt && Date.parse(b.deliveredAt) > Date.parse(b.requestedAt))
        need(false, 'deliveredAt', 'must not be after requestedAt');
    }
    if (b.customerKind === 'franchise' && goods)
      need(b.franchise !== undefined, 'franchise', 'required for a franchise return (R24)');
    need(
      b.kind !== 'price_difference' || b.priceDifference !== undefined,
      'priceDifference',
      'required for a price-difference request (R18–R20)',
    );
    need(
      b.kind !== 'shipping_claim' || b.shippingClaim !== undefined,
      'shippingClaim',
      'required for a shipping claim (R13)',
    );
  })
  .openapi('OpenReturnRequest');
export type OpenReturnBody = z.infer<typeof openReturnBodySchema>;

const reasonSchema = z.object({
  rule: z.string().describe('the seed rule id (SEED_RULES.md) or DOMAIN.md decision'),
  code: z.string(),
  basis: z.string(),
  message: z.string(),
});

export const openedReturnSchema = z
  .object({
    caseNumber: z.string().openapi({ example: 'TH202612-0001' }),
    policyVersion: z.number().int(),
    eligibility: z
      .object({
        decision: z.enum(['accept', 'exchange_only', 'remedy_first', 'may_refuse', 'refuse']),
        decidedBy: reasonSchema,
        shippingPaidBy: z.enum(['company', 'customer']),
        withinWindow: z.boolean(),
        windowEndsAt: z.string(),
        missingParts: z.array(z.string()),
        reasons: z.array(reasonSchema),
      })
      .nullable()
      .describe('what the rules say (the supervisor still answers and approves)'),
    settlement: z
      .object({
        kind: z.enum(['price_difference', 'shipping_claim']),
        refundFen: z.number().int(),
        offer: z.enum(['none', 'gift_or_coupon', 'explanation']),
        rule: z.string(),
        basis: z.string(),
      })
      .nullable(),
  })
  .openapi('OpenedReturn');
export type OpenedReturn = z.infer<typeof openedReturnSchema>;

export const eligibilityView = (e: ReturnEligibility | null): OpenedReturn['eligibility'] =>
  e && {
    decision: e.decision,
    decidedBy: e.decidedBy,
    shippingPaidBy: e.shippingPaidBy,
    withinWindow: e.withinWindow,
    windowEndsAt: new Date(e.windowEndsAt).toISOString(),
    missingParts: [...e.missingParts],
    reasons: e.reasons.map((r) => ({ ...r })),
  };
export const settlementView = (s: ReturnSettlement | null): OpenedReturn['settlement'] =>
  s && { ...s };

registerRoute({
  method: 'post',
  path: 'returns',
  tag: 'returns',
  summary:
    'Record a customer’s own return, exchange, price-difference or shipping request (sales, CS)',
  description:
    'A customer’s own request (001 篇3 一般售后 1, 退货流程 1–2): order, SN, reason, request time, ' +
    'customer account, customer kind, channel, powered-on, the parts that come back. The rules ' +
    '(001 篇3 退换货 1–7, 退差价 1–3; 002 ch.11; DOMAIN.md Decisions 8–9) are evaluated at once and ' +
    'answered with the rule that decided; the TH case starts with the sales supervisor’s task to ' +
    'answer the problem first (R10), then to approve or refuse. Sales or CS record it; opened ' +
    'once per Idempotency-Key.',
  body: openReturnBodySchema,
  response: { status: 201, description: 'The new return case', schema: openedReturnSchema },
  errors: [422],
});

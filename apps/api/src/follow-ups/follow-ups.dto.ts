import { FOLLOW_UP_PLANS } from '@aso/domain';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';

const noNul = (s: string) => !s.includes('\u0000');

/**
 * A planned follow-up call (004 三.(一), 五.(一)–(二)): CS calls a new customer after the
 * purchase, an old customer quarterly, a key customer monthly. The plan names the customer and
 * what the call refers to (an order, a customer account).
 */
export const openFollowUpBodySchema = z
  .object({
    plan: z.enum(FOLLOW_UP_PLANS).describe('new customer, old (quarterly) or key (monthly)'),
    planRef: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine(noNul, 'must not contain NUL characters')
      .describe('what the call refers to: an order number or a customer account'),
    customer: z.object({
      name: z.string().trim().min(1).max(100).refine(noNul, 'must not contain NUL characters'),
      phone: z
        .string()
        .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number')
        .optional()
        .describe('shown in full only to those who work the case'),
    }),
    storeId: z.string().trim().max(64).refine(noNul, 'must not contain NUL characters').optional(),
  })
  .openapi('OpenFollowUpRequest');
export type OpenFollowUpBody = z.infer<typeof openFollowUpBodySchema>;

export const openedFollowUpSchema = z
  .object({
    caseNumber: z.string().openapi({ example: 'HF202612-0001' }),
    policyVersion: z.number().int(),
  })
  .openapi('OpenedFollowUp');
export type OpenedFollowUp = z.infer<typeof openedFollowUpSchema>;

registerRoute({
  method: 'post',
  path: 'follow-ups',
  tag: 'follow-ups',
  summary: 'Open a planned follow-up call (CS)',
  description:
    'A call of a CS follow-up plan (004 三.(一)): new customers after purchase, old customers ' +
    'quarterly, key customers monthly. Calls after a case closes are opened by the closing case ' +
    'itself. The HF case asks the plan script; the 001 §17 survey is optional.',
  body: openFollowUpBodySchema,
  response: { status: 201, description: 'The new follow-up', schema: openedFollowUpSchema },
  errors: [422],
});

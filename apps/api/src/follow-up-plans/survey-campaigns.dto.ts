import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import { planRunResultSchema } from './follow-up-plans.dto';

export const surveyCampaignBodySchema = z
  .object({
    campaignId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - (1–64)')
      .describe('the campaign: one call per customer and campaign, however often it is started'),
    customerRefs: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(500)
      .describe('the chosen customers of the follow-up register'),
    withinWorkingDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .describe('each call is due this many working days after the start (default 5)'),
  })
  .strict()
  .openapi('SurveyCampaignRequest');
export type SurveyCampaignBody = z.infer<typeof surveyCampaignBodySchema>;

registerRoute({
  method: 'post',
  path: 'follow-up-plans/campaigns',
  tag: 'follow-ups',
  summary: 'Start an ad hoc customer opinion survey over chosen customers (CS managers; 001 §14)',
  description:
    'F13 001 §14 不定期的客户意见调查: one HF call per chosen customer of the register, through ' +
    'the plan run; idempotent by campaignId (a repeated start answers its cases under ' +
    '`alreadyOpen`). A reference not in the register is a 400 naming body.customerRefs.',
  body: surveyCampaignBodySchema,
  response: { status: 201, description: 'The calls opened', schema: planRunResultSchema },
  errors: [422],
});

import { isIsoDate } from '@aso/domain';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';

const noNul = (s: string) => !s.includes('\u0000');
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine(noNul, 'must not contain NUL characters');

/**
 * F17 003 §四.4 改进措施制定与实施: a CS manager sets a measure from the month's follow-up analysis
 * (GET /reports/follow-up-analysis) with its goal, owner and completion date.
 */
export const openImprovementBodySchema = z
  .object({
    analysisMonth: z
      .string()
      .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
      .describe('the analysed month the measure answers'),
    finding: text(2000).describe('the shortfall found, e.g. "attitude: 2 of 2 below satisfied"'),
    followUps: z
      .array(z.string().regex(/^HF\d{6}-\d{4,}$/, 'must be a follow-up number HFyyyymm-nnnn'))
      .max(200)
      .optional()
      .describe('the follow-up calls the finding rests on'),
    measure: text(2000).describe('what is to be done'),
    goal: text(2000).describe('改进目标: what counts as achieved'),
    owner: z
      .object({
        // a user id (uuid): anything else would reach the users table's uuid column (a 500)
        userId: z.string().uuid(),
      })
      .strict()
      .describe('责任人: an active user of the organisation; the department is their record’s'),
    dueDate: z
      .string()
      .refine(isIsoDate, 'must be a calendar date YYYY-MM-DD')
      .describe('完成时间: due 18:00 on the last working day on or before it'),
  })
  .strict()
  .openapi('OpenImprovementRequest');
export type OpenImprovementBody = z.infer<typeof openImprovementBodySchema>;

export const openedImprovementSchema = z
  .object({
    caseNumber: z.string().openapi({ example: 'GJ202612-0001' }),
    policyVersion: z.number().int(),
  })
  .openapi('OpenedImprovement');
export type OpenedImprovement = z.infer<typeof openedImprovementSchema>;

registerRoute({
  method: 'post',
  path: 'improvement-measures',
  tag: 'follow-ups',
  summary: 'Set an improvement measure from the follow-up analysis (CS managers; 003 §四.4)',
  description:
    'F17 003 §四.4: a GJ case with the measure, its goal, owner and completion date. The owner’s ' +
    'task opens claimed by them, due 18:00 on the last working day on or before the date, ' +
    'escalated when overdue (the CS manager, then the VP in charge); the owner records the ' +
    'result (RecordImprovementResult), a CS manager checks the effect (CheckImprovement). An ' +
    'unknown or inactive owner is a 404 USER_NOT_FOUND; a date already past a 400 naming the field.',
  body: openImprovementBodySchema,
  response: { status: 201, description: 'The new measure', schema: openedImprovementSchema },
  errors: [422],
});

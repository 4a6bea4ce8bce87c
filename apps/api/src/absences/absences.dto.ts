import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import type { AbsenceView, RecordedAbsence } from './absences.service';

const instant = z
  .string()
  .datetime({ offset: true, message: 'an ISO-8601 instant with offset' })
  .transform((s) => new Date(s));

export const recordAbsenceBodySchema = z
  .object({
    startsAt: instant.openapi({ example: '2026-12-07T09:00:00+08:00' }),
    endsAt: instant.openapi({ example: '2026-12-11T18:00:00+08:00' }),
    delegateUserId: z
      .string()
      .uuid()
      .describe('a user of the same department holding each of your working roles'),
    reason: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((v) => v.endsAt.getTime() > v.startsAt.getTime(), {
    message: 'must be after startsAt',
    path: ['endsAt'],
  })
  .openapi('RecordAbsenceRequest');

export const absenceIdSchema = z.string().uuid();
const absenceIdParams = z.object({ id: absenceIdSchema });

export const absenceSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    delegateUserId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    cancelledAt: z.string().nullable(),
    handedOverAt: z
      .string()
      .nullable()
      .describe('when the absent user’s claimed tasks were all handed to the delegate'),
    state: z.enum(['scheduled', 'active', 'ended', 'cancelled']),
  })
  .openapi('Absence') satisfies z.ZodType<AbsenceView>;

const recordedAbsenceSchema = absenceSchema
  .extend({
    handedOver: z
      .array(z.object({ taskId: z.string(), caseNumber: z.string() }))
      .describe('claimed tasks handed to the delegate now (an absence that has started)'),
  })
  .openapi('RecordedAbsence') satisfies z.ZodType<RecordedAbsence>;

registerRoute({
  method: 'post',
  path: 'users/me/absences',
  tag: 'absences',
  summary: 'Record an absence and the delegate who stands in',
  description:
    'The delegate must be an active user of your department holding each of your working roles ' +
    '(403 WRONG_DEPARTMENT / WRONG_ROLE otherwise) and not away themself (409). Once the ' +
    'absence starts, your claimed tasks are handed to the delegate (audited delegations); the ' +
    'delegate approves within their own limit.',
  body: recordAbsenceBodySchema,
  response: { status: 201, description: 'The absence', schema: recordedAbsenceSchema },
  errors: [404, 409],
});
registerRoute({
  method: 'get',
  path: 'users/me/absences',
  tag: 'absences',
  summary: 'My absences, and the live absences I stand in for',
  response: {
    status: 200,
    description: 'Absences',
    schema: z.object({ mine: z.array(absenceSchema), standingInFor: z.array(absenceSchema) }),
  },
});
registerRoute({
  method: 'post',
  path: 'users/me/absences/:id/cancel',
  tag: 'absences',
  summary: 'Cancel a scheduled or active absence (tasks already handed over stay)',
  params: absenceIdParams,
  response: { status: 200, description: 'The cancelled absence', schema: absenceSchema },
  errors: [404, 409],
});

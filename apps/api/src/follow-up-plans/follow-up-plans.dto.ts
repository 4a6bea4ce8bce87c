import { FOLLOW_UP_PLANS, PLAN_CUSTOMER_KINDS, isIsoDate } from '@aso/domain';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';

const noNul = (s: string) => !s.includes('\u0000');
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine(noNul, 'must not contain NUL characters');

/** A local calendar date, "YYYY-MM-DD". */
export const planDateSchema = z
  .string()
  .refine(isIsoDate, 'must be a date like 2026-12-07')
  .openapi({ example: '2026-12-07' });

/**
 * A customer of the CS follow-up register (004 三.(一)): the plans call new customers after
 * their purchase (F06), old customers quarterly and key customers monthly (F07).
 */
export const planCustomerBodySchema = z
  .object({
    customerRef: text(64).describe('the customer’s account or reference (one entry each)'),
    name: text(100),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number')
      .nullable()
      .optional()
      .describe('shown in full only to those who call'),
    kind: z
      .enum(PLAN_CUSTOMER_KINDS)
      .describe('new (after a purchase), old (quarterly), key (monthly)'),
    purchaseDate: planDateSchema
      .nullable()
      .optional()
      .describe('required for a new customer: the calls count from it (F06 004 五.(一))'),
    storeId: text(64).nullable().optional(),
    lastPurchaseOn: planDateSchema
      .nullable()
      .optional()
      .describe(
        'F02 004 三.(一)2: the last purchase (local date, not in the future); no purchase for the policy’s period → a long-inactive call',
      ),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'new' && !b.purchaseDate)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['purchaseDate'],
        message: 'F06 004 五.(一): a new customer’s calls count from the purchase date',
      });
  })
  .openapi('FollowUpPlanCustomerRequest');
export type PlanCustomerBody = z.infer<typeof planCustomerBodySchema>;

export const planCustomerSchema = z
  .object({
    customerRef: z.string(),
    name: z.string(),
    phone: z.string().nullable().describe('masked (138****8000)'),
    kind: z.enum(PLAN_CUSTOMER_KINDS),
    purchaseDate: z.string().nullable(),
    storeId: z.string().nullable(),
    lastPurchaseOn: z.string().nullable().optional(),
  })
  .openapi('FollowUpPlanCustomer');

export const savedPlanCustomerSchema = z
  .object({ customer: planCustomerSchema, created: z.boolean() })
  .openapi('SavedFollowUpPlanCustomer');

export const planQuerySchema = z
  .object({
    date: planDateSchema.optional().describe('the day whose due calls are listed (default today)'),
  })
  .strict();

const durationView = z.object({ amount: z.number(), unit: z.string() });
export const followUpPlanViewSchema = z
  .object({
    rules: z
      .object({
        newCustomer: z.object({ firstCall: durationView, secondCall: durationView }),
        oldCustomer: z.object({ everyMonths: z.number().int() }),
        keyCustomer: z.object({ everyMonths: z.number().int() }),
        source: z.enum(['seed', 'default']),
        basis: z.string(),
      })
      .describe('the plan of the current policy version (who, what, when; F01)'),
    inactiveCustomers: z
      .object({
        afterDays: z.number().int(),
        callWithin: durationView,
        source: z.enum(['seed', 'default']),
        basis: z.string(),
      })
      .describe(
        'F02 004 三.(一)2: customers with no purchase for afterDays, called once per period',
      ),
    policyVersion: z.number().int(),
    date: planDateSchema,
    workingDay: z.boolean().describe('false: the daily run opens nothing that day'),
    customers: z.array(planCustomerSchema),
    due: z
      .array(
        z.object({
          customerRef: z.string(),
          plan: z.enum(FOLLOW_UP_PLANS),
          period: z.string().describe('one HF case per customer and period'),
          dueDate: z.string(),
        }),
      )
      .describe('the calls the plan makes on `date`'),
  })
  .openapi('FollowUpPlan');
export type FollowUpPlanView = z.infer<typeof followUpPlanViewSchema>;

export const planRunBodySchema = z
  .object({ date: planDateSchema.describe('the day to run, today or before (local time)') })
  .strict()
  .openapi('FollowUpPlanRunRequest');

export const planRunResultSchema = z
  .object({
    date: planDateSchema,
    workingDay: z.boolean(),
    opened: z.array(
      z.object({
        caseNumber: z.string(),
        customerRef: z.string(),
        plan: z.string(),
        period: z.string(),
      }),
    ),
    alreadyOpen: z.array(z.string()).describe('calls of the day an earlier run had opened'),
  })
  .openapi('FollowUpPlanRun');

registerRoute({
  method: 'get',
  path: 'follow-up-plans',
  tag: 'follow-ups',
  summary: 'The CS follow-up plan: its rules, the customer register and the calls due on a day',
  description:
    'F01, F02, F06, F07 (004 三.(一), 五.(一)–(二)): new customers are called within 3 working ' +
    'days of purchase and again within 2 weeks (our values for the seed’s [X], policy data), ' +
    'old customers quarterly, key customers monthly. Every organisation’s schedule runs the ' +
    'plan daily at 08:30 Asia/Shanghai; holidays open nothing.',
  query: planQuerySchema,
  response: { status: 200, description: 'The plan', schema: followUpPlanViewSchema },
});
registerRoute({
  method: 'post',
  path: 'follow-up-plans/customers',
  tag: 'follow-ups',
  summary: 'Add or update a customer of the follow-up register (CS)',
  body: planCustomerBodySchema,
  response: { status: 201, description: 'The entry', schema: savedPlanCustomerSchema },
  errors: [422],
});
registerRoute({
  method: 'post',
  path: 'follow-up-plans/runs',
  tag: 'follow-ups',
  summary: 'Run the follow-up plan for a day by hand (CS)',
  description:
    'What the daily schedule starts: opens one HF case per due call, once per customer and ' +
    'period whoever runs it (a second run answers the cases under `alreadyOpen`).',
  body: planRunBodySchema,
  response: { status: 201, description: 'The run', schema: planRunResultSchema },
  errors: [422],
});

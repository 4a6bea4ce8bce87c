import { z } from 'zod';
import { APPROVAL_ACTIONS } from '../approval/approval-actions';
import { calendarSettingsSchema } from '../calendar/calendar-settings';
import { durationSchema } from '../calendar/duration';
import {
  FOLLOW_UP_PLAN_RULES_DEFAULT,
  INACTIVE_CUSTOMER_RULE_DEFAULT,
} from '../follow-up/follow-up-plan';
import { CASE_TYPES, type CaseType, STAGES } from '../shared/case-types';
import { DEPARTMENTS, ROLE_RANK, ROLES } from '../shared/org';

/** F16 004 七.(二)2, 八.(二): the random spot-check rate; 004 names no rate (Decision 12, ours). */
export interface FollowUpSpotCheckRule {
  rate: number;
  source: 'seed' | 'default';
  basis: string;
}
export const FOLLOW_UP_SPOT_CHECK_DEFAULT: FollowUpSpotCheckRule = {
  rate: 0.1,
  source: 'default',
  basis: '004 七.(二)2 通过电话抽查客户 names no rate: one record in ten, drawn at random (ours)',
};

/**
 * One policy document = one version of every configurable rule. It is plain JSON (it travels
 * inside Temporal workflow inputs and is pinned per case); objects are strict so that a typo in
 * a key is an error, not a silently ignored rule.
 */
const fen = z
  .number()
  .int()
  .nonnegative()
  .refine(Number.isSafeInteger, 'must be a safe integer (fen)');
const department = z.enum(DEPARTMENTS);
const role = z.enum(ROLES);

/** Who a task or an escalation goes to. `owner` = the stage owner's department; `requester` = the proposer's. */
export const approverSpecSchema = z
  .object({
    role,
    department: z.union([department, z.literal('requester')]).optional(),
    /** countersignatures (e.g. the sales VP on a certificate) are not limited by amount */
    checkLimit: z.boolean().default(true),
  })
  .strict();

export const escalationStepSchema = z
  .object({
    afterOverdue: durationSchema.strict(),
    to: z
      .object({ role, department: z.union([department, z.literal('owner')]).optional() })
      .strict(),
  })
  .strict();

export const stageDeadlineSchema = z
  .object({
    amount: z.number().finite().nonnegative(),
    unit: durationSchema.shape.unit,
    owner: department,
    /** article or "default" — why this number, for the explanation shown to users */
    basis: z.string().min(1),
    /** DOMAIN.md "Decisions": the seed says it (`seed`) or it is our choice (`default`); v2 on */
    source: z.enum(['seed', 'default']).optional(),
    escalation: z.array(escalationStepSchema),
  })
  .strict();

type StageSchema = z.ZodType<
  z.infer<typeof stageDeadlineSchema>,
  z.ZodTypeDef,
  z.input<typeof stageDeadlineSchema> | undefined
>;
const stagesFor = <T extends CaseType>(
  caseType: T,
  defaults: Partial<Record<(typeof STAGES)[T][number], z.input<typeof stageDeadlineSchema>>> = {},
) =>
  z
    .object(
      Object.fromEntries(
        STAGES[caseType].map((s) => {
          const d = (defaults as Record<string, z.input<typeof stageDeadlineSchema> | undefined>)[
            s
          ];
          return [s, d ? stageDeadlineSchema.default(d) : stageDeadlineSchema];
        }),
      ) as unknown as Record<(typeof STAGES)[T][number], StageSchema>,
    )
    .strict();

const managerLadder = [
  {
    afterOverdue: { amount: 0, unit: 'calendar_hours' as const },
    to: { role: 'manager' as const, department: 'owner' as const },
  },
  { afterOverdue: { amount: 1, unit: 'working_days' as const }, to: { role: 'vp' as const } },
];
/**
 * The complaint stages policy v2 added (issue 12). A document published before them (v1) gets
 * these values when it is parsed; a v1 case never opens their tasks (the work items ask for them
 * only under `complaint.decisions`), so they change nothing for it.
 */
export const COMPLAINT_V2_STAGE_DEFAULTS = {
  ownerAssignment: {
    amount: 1,
    unit: 'working_days' as const,
    owner: 'cs' as const,
    basis: 'C11 001 §20 由客户服务部经理亲自处理或派员处理 (1 working day: default)',
    source: 'default' as const,
    escalation: [
      { afterOverdue: { amount: 0, unit: 'calendar_hours' as const }, to: { role: 'vp' as const } },
    ],
  },
  storeResult: {
    amount: 48,
    unit: 'calendar_hours' as const,
    owner: 'sales' as const,
    basis: 'Decision 3 000 §三.6 门店渠道投诉48小时内将处理结果反馈客户',
    source: 'seed' as const,
    escalation: managerLadder,
  },
  supplierCoordination: {
    amount: 5,
    unit: 'working_days' as const,
    owner: 'cs' as const,
    basis: 'Decision 5 001 §25.7 会同其他公司或供应商处理 (5 working days: default)',
    source: 'default' as const,
    escalation: managerLadder,
  },
};

/** A value of the seed decisions with where it comes from (DOMAIN.md "Decisions"). */
const sourced = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ value, source: z.enum(['seed', 'default']), basis: z.string().min(1) }).strict();

/** 001 §25.4's individual penalties (one list for the schema, the basis table and the contracts). */
export const PENALTY_KINDS = ['warning', 'demerit', 'fine', 'bonus_deduction'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];
/**
 * Decision 10: the responsibility a penalty basis row is for: the complaint's category (001 §23)
 * or, when the form says so, human negligence (人为疏忽, 001 §25.4).
 */
export const PENALTY_RESPONSIBILITIES = ['quality', 'non_quality', 'human_negligence'] as const;
export type PenaltyResponsibility = (typeof PENALTY_RESPONSIBILITIES)[number];

export const penaltyBasisRowSchema = z
  .object({
    responsibility: z.enum(PENALTY_RESPONSIBILITIES),
    severity: z.enum(['general', 'severe']),
    /** the kinds this row allows, each with its inclusive amount range in fen */
    penalties: z
      .array(z.object({ kind: z.enum(PENALTY_KINDS), minFen: fen, maxFen: fen }).strict())
      .min(1),
  })
  .strict();

/**
 * DOMAIN.md "Decisions where the seeds disagree or are silent" (binding), from policy v2 on.
 * Absent (v1): the complaint runs as it did before the decisions.
 */
export const complaintDecisionsSchema = z
  .object({
    /** Decision 2 (001 §26.1 vs §29.1): what the 6 days of `deadlines.complaint.close` cover */
    closeClock: z
      .object({
        /** `form_concluded`: the approved decision accepted by the customer stops the clock */
        endsAt: sourced(z.enum(['form_concluded', 'case_closed'])),
        pauseWhileWaitingForCustomer: sourced(z.boolean()),
        /** Decision 5: an open supplier coordination pauses it (`waiting_for_supplier`) */
        pauseWhileWaitingForSupplier: sourced(z.boolean()),
      })
      .strict(),
    /** the close task once execution and improvement are done (outside the 6 days) */
    closeTaskWithin: sourced(durationSchema.strict()),
    /** Decision 3: a store-channel complaint owes its handling result (deadlines.complaint.storeResult) */
    storeChannelResult: sourced(z.boolean()),
    /** Decision 3: no close without a recorded first response */
    firstResponseRequiredToClose: sourced(z.boolean()),
    /** Decision 4 (001 §18): a severe complaint's decision goes to the customer by letter */
    severeDecisionByLetter: sourced(z.boolean()),
    /** Decision 5 (001 §25.7): a CS coordination task when an external party is responsible */
    supplierCoordination: sourced(z.boolean()),
    /** C29 (000 §三.7; 003 §四.3): summary analysis and preventive measure at every close */
    closeSummaryRequired: sourced(z.boolean()),
    /** C11 (001 §20): the CS manager handles personally or names the owner of each complaint */
    ownerAssignment: sourced(z.boolean()),
    /** Decision 10 (001 §25.4 客户投诉罚扣的判定基准): empty rows = free amounts within the approver's limit */
    penaltyBasis: z
      .object({
        rows: z.array(penaltyBasisRowSchema),
        source: z.enum(['seed', 'default']),
        basis: z.string().min(1),
      })
      .strict(),
  })
  .strict();

/**
 * A consignment's standing sales task has no clock of its own (it is due at the period's end);
 * the warehouse takes the unsold goods back within 5 working days of the term's end (default).
 */
const CONSIGNMENT_SALES_DEFAULT = {
  amount: 0,
  unit: 'calendar_hours' as const,
  owner: 'sales' as const,
  basis: '002 ch.12 3 (sales recorded as they happen; the task is due at the period end)',
  escalation: [],
};
const CONSIGNMENT_GOODS_RETURN_DEFAULT = {
  amount: 5,
  unit: 'working_days' as const,
  owner: 'warehouse' as const,
  basis: 'default (002 ch.12: unsold goods returned through the warehouse at the term end)',
  escalation: [
    {
      afterOverdue: { amount: 0, unit: 'calendar_hours' as const },
      to: { role: 'manager' as const, department: 'owner' as const },
    },
  ],
};

/**
 * An improvement measure's stages (F17 003 §四.4). The owner's task is due at the measure's own
 * completion date (its clock set by the workflow, 0 h here is never used): overdue, it goes to
 * the CS manager who tracks the measures (跟踪评估, 004 三.(六)), a working day later to the VP in
 * charge. CS's check of the effect: a default.
 */
const IMPROVEMENT_DEADLINES_DEFAULT = {
  measure: {
    amount: 0,
    unit: 'calendar_hours' as const,
    owner: 'cs' as const,
    basis: '003 §四.4 明确改进目标、责任人及完成时间 (due at the measure’s completion date)',
    source: 'seed' as const,
    escalation: [
      {
        afterOverdue: { amount: 0, unit: 'calendar_hours' as const },
        to: { role: 'manager' as const, department: 'owner' as const },
      },
      { afterOverdue: { amount: 1, unit: 'working_days' as const }, to: { role: 'vp' as const } },
    ],
  },
  check: {
    amount: 3,
    unit: 'working_days' as const,
    owner: 'cs' as const,
    basis: 'default (003 §四.4 对改进措施的实施效果进行跟踪评估)',
    source: 'default' as const,
    escalation: [
      { afterOverdue: { amount: 1, unit: 'working_days' as const }, to: { role: 'vp' as const } },
    ],
  },
};

/**
 * The monthly review's stages (001 §28; Decision 6). The review task's due instant is the
 * decision's (18:00 on the last working day before the 10th): its stage clock starts there and
 * lasts 0 h, so a missed review escalates to the GM at once. HR's announcement, the GM's approval
 * and applying the deductions: defaults.
 */
const REVIEW_DEADLINES_DEFAULT = {
  review: {
    amount: 0,
    unit: 'calendar_hours' as const,
    owner: 'gm_office' as const,
    basis: '001 §28.1 每月10日前 (Decision 6: 18:00 on the last working day before the 10th)',
    escalation: [
      { afterOverdue: { amount: 0, unit: 'calendar_hours' as const }, to: { role: 'gm' as const } },
    ],
  },
  announcement: {
    amount: 2,
    unit: 'working_days' as const,
    owner: 'hr' as const,
    basis: 'default (001 §28.1 送人力资源部提报人事公布单并公布)',
    escalation: [
      {
        afterOverdue: { amount: 0, unit: 'calendar_hours' as const },
        to: { role: 'manager' as const, department: 'owner' as const },
      },
      { afterOverdue: { amount: 1, unit: 'working_days' as const }, to: { role: 'gm' as const } },
    ],
  },
  noticeApproval: {
    amount: 2,
    unit: 'working_days' as const,
    owner: 'gm_office' as const,
    basis: 'default (001 §28.2 呈总经理核准)',
    escalation: [],
  },
  deduction: {
    amount: 3,
    unit: 'working_days' as const,
    owner: 'hr' as const,
    basis: 'default (001 §28.2 执行罚扣)',
    escalation: [
      {
        afterOverdue: { amount: 0, unit: 'calendar_hours' as const },
        to: { role: 'manager' as const, department: 'owner' as const },
      },
    ],
  },
};

export const approvalRowSchema = z
  .object({
    id: z.string().min(1),
    action: z.enum(APPROVAL_ACTIONS),
    /** inclusive upper bound of the bracket in fen; null = no upper bound */
    upToFen: fen.nullable(),
    chain: z.array(approverSpecSchema).min(1),
    basis: z.string().min(1),
  })
  .strict();

export const approvalMatrixSchema = z
  .object({
    rows: z.array(approvalRowSchema).min(1),
    /** approvers an action always needs on top of its bracket (e.g. the sales VP on return slips) */
    mandatory: z.array(
      z
        .object({
          action: z.enum(APPROVAL_ACTIONS),
          approver: approverSpecSchema,
          basis: z.string().min(1),
        })
        .strict(),
    ),
    /** the most each role may approve; a missing entry means the role may not approve amounts */
    limits: z.array(
      z.object({ role, department: department.optional(), maxFen: fen.nullable() }).strict(),
    ),
  })
  .strict();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm');
// Repair additions (issue 10) carry defaults, so policy documents stored before them still parse.
const REPAIR_DISPATCH_DEFAULT = {
  cutOff: '18:00',
  basis: '001 §11 当天未派修工作,于次日优先派工 (cut-off = end of working hours 001 篇3: default)',
};
const REPAIR_OUT_OF_TOWN_DEFAULT = {
  requiresApproval: true,
  serviceCostKinds: ['travel', 'allowance'],
  basis: '001 §12 由部门经理核准后方能外出服务,差旅费、补贴费等列入服务成本',
};
const REPAIR_EXTERNAL_DEFAULT = {
  remindEvery: { amount: 30, unit: 'calendar_days' as const },
  escalateTo: { role: 'manager' as const, department: 'cs' as const },
  basis: '002 ch.10 2 维修时间为1—6个月 (reminder cadence and escalation: default)',
};
const REPAIR_FEES_DEFAULT = {
  collectWithin: { amount: 30, unit: 'calendar_days' as const },
  basis: '001 §9 由财务部开具发票,以便另行前往收费 (30 days: default)',
};

/** 004 四.(五) (complaint customers: result, process, handler) and 004 三.(二): default wording. */
export const FOLLOW_UP_SCRIPTS_DEFAULT = {
  complaint: [
    { code: 'result', text: '您对投诉的处理结果是否满意?' },
    { code: 'process', text: '您对处理过程(速度、沟通)是否满意?' },
    { code: 'handler', text: '您对处理人员的态度是否满意?' },
  ],
  repair: [
    { code: 'resolved', text: '故障是否已经排除、使用是否正常?' },
    { code: 'service', text: '服务人员是否按约定时间到达并说明收费?' },
  ],
  return: [{ code: 'settled', text: '退换货(退款或换货)是否已经办妥?' }],
  plan: [
    { code: 'usage', text: '产品的使用情况如何?' },
    { code: 'needs', text: '您对我们的产品和服务有什么意见或需求?' },
  ],
};
/**
 * F14 004 六 回访话术规范: the standard opening (一) and closing (五) said around the questions;
 * `{customer}` is the customer's name (先生/女士 as the caller sees fit). Seed wording, simplified.
 */
export const FOLLOW_UP_CALL_SCRIPT_DEFAULT = {
  opening:
    '您好,请问是{customer}先生/女士吗?我是本公司门店的客服,打扰您一下,想跟您沟通了解一些情况,不会占用您太多时间的。',
  closing:
    '感谢您抽出时间接听我的电话。如果您后续还有任何问题,欢迎随时拨打我们的客服电话,我们随时为您服务。祝您生活愉快,再见!',
  basis: '004 六.(一) 开场话术, (五) 结束语; 三.(三)4 回访结束时向客户表示感谢',
};
const scriptSchema = z
  .array(z.object({ code: z.string().min(1).max(64), text: z.string().min(1) }).strict())
  .min(1);

const RETURN_PARTS = ['packaging', 'accessories', 'warranty_card', 'unit'] as const;

export const policyDocumentSchema = z
  .object({
    version: z.number().int().positive(),
    name: z.string().min(1),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
    calendar: calendarSettingsSchema,
    deadlines: z
      .object({
        complaint: stagesFor('complaint', COMPLAINT_V2_STAGE_DEFAULTS),
        return: stagesFor('return'),
        repair: stagesFor('repair'),
        /** `sales` and `goodsReturn` are absent from policies published before them: the default */
        consignment: stagesFor('consignment').extend({
          sales: stageDeadlineSchema.default(CONSIGNMENT_SALES_DEFAULT),
          goodsReturn: stageDeadlineSchema.default(CONSIGNMENT_GOODS_RETURN_DEFAULT),
        }),
        followUp: stagesFor('followUp'),
        /** the monthly review (001 §28); absent from policies published before it: the default */
        review: stagesFor('review').default(REVIEW_DEADLINES_DEFAULT),
        /** F17 003 §四.4 improvement measures; absent from policies published before them */
        improvement: stagesFor('improvement').default(IMPROVEMENT_DEADLINES_DEFAULT),
      })
      .strict(),
    approvalMatrix: approvalMatrixSchema,
    complaint: z
      .object({
        /** human negligence is exempt from improvement tracking (人为疏忽免列案追踪, 001 §25.4) */
        humanNegligenceExemptFromTracking: z.boolean(),
        severeReviewer: approverSpecSchema,
        /** the monthly review of closed complaints is due by this day of the next month (001 §28.1) */
        monthlyReviewByDay: z.number().int().min(1).max(28),
        /** the seed decisions (policy v2 on); absent = v1 behaviour */
        decisions: complaintDecisionsSchema.optional(),
      })
      .strict(),
    loss: z
      .object({
        /** which terms of the loss-accounting basis (损失金额核算基准) are counted */
        include: z
          .object({
            productCost: z.boolean(),
            freight: z.boolean(),
            handling: z.boolean(),
            compensation: z.boolean(),
          })
          .strict(),
      })
      .strict(),
    returns: z
      .object({
        noReasonWindow: durationSchema.strict(),
        poweredOnVoidsNoReason: z.boolean(),
        requiredParts: z.array(z.enum(RETURN_PARTS)),
        /** no quality problem → the customer pays shipping both ways (001 篇3 退换货 6) */
        customerPaysShippingWithoutQualityProblem: z.boolean(),
        outsideWindow: z.enum(['may_refuse', 'refuse']),
        wholesaleSelfPickupReturnable: z.boolean(),
        priceDifference: z
          .object({
            beforeCarrierHandover: z.enum(['refund_difference', 'offer_gift']),
            afterCarrierHandover: z.enum(['no_refund_offer_gift', 'refund_difference']),
          })
          .strict(),
      })
      .strict(),
    repair: z
      .object({
        serviceKinds: z
          .object({
            A: z.object({ label: z.string(), fee: z.literal('charged') }).strict(),
            B: z.object({ label: z.string(), fee: z.literal('contract') }).strict(),
            C: z.object({ label: z.string(), fee: z.literal('free') }).strict(),
            D: z.object({ label: z.string(), fee: z.literal('internal') }).strict(),
          })
          .strict(),
        /** a paid-service fee up to this amount is collected on the spot (费用较低者, 001 §9) */
        collectOnSiteUpToFen: fen,
        workshopReturnMonths: z
          .object({ min: z.number().int().positive(), max: z.number().int().positive() })
          .strict(),
        notAcceptedItemClasses: z.array(z.string().min(1)),
        /** 001 §11: not dispatched by the cut-off of its working day → first priority the next */
        dispatch: z
          .object({ cutOff: hhmm, basis: z.string().min(1) })
          .strict()
          .default(REPAIR_DISPATCH_DEFAULT),
        /** 001 §12: the 异地服务申请单 is approved first; travel and allowances are service cost */
        outOfTown: z
          .object({
            requiresApproval: z.boolean(),
            serviceCostKinds: z.array(z.string().min(1)).min(1),
            basis: z.string().min(1),
          })
          .strict()
          .default(REPAIR_OUT_OF_TOWN_DEFAULT),
        /** 002 ch.10 2: reminders while the item is out, escalation once the latest date passed */
        externalRepair: z
          .object({
            remindEvery: durationSchema.strict(),
            escalateTo: z.object({ role, department: department.optional() }).strict(),
            basis: z.string().min(1),
          })
          .strict()
          .default(REPAIR_EXTERNAL_DEFAULT),
        /** 001 §9: finance invoices within deadlines.repair.invoice, then collects within this */
        fees: z
          .object({ collectWithin: durationSchema.strict(), basis: z.string().min(1) })
          .strict()
          .default(REPAIR_FEES_DEFAULT),
      })
      .strict(),
    survey: z
      .object({
        items: z
          .array(z.object({ code: z.string().min(1), label: z.string().min(1) }).strict())
          .min(1),
        grades: z
          .array(
            z
              .object({
                code: z.string().min(1),
                label: z.string().min(1),
                score: z.number().int(),
              })
              .strict(),
          )
          .min(2),
        dissatisfiedGrades: z.array(z.string().min(1)).min(1),
      })
      .strict(),
    followUp: z
      .object({
        afterClose: durationSchema.strict(),
        maxAttempts: z.number().int().positive(),
        retryAfter: durationSchema.strict(),
        /** the script's questions per source (004 四.(五), 三.(二)); default wording */
        scripts: z
          .object({
            complaint: scriptSchema,
            repair: scriptSchema,
            return: scriptSchema,
            plan: scriptSchema,
          })
          .strict()
          .default(FOLLOW_UP_SCRIPTS_DEFAULT),
        /** F14 004 六: the opening and closing said around the questions (seed wording) */
        callScript: z
          .object({
            opening: z.string().min(1).max(1000),
            closing: z.string().min(1).max(1000),
            basis: z.string().min(1),
          })
          .strict()
          .default(FOLLOW_UP_CALL_SCRIPT_DEFAULT),
        /** the record's review by the store head / CS supervisor (004 三.(四)); default */
        reviewWithin: durationSchema.strict().default({ amount: 1, unit: 'working_days' }),
        /** one record in N is re-checked by CS supervision (004 七.(二)); default 10 */
        spotCheckEvery: z.number().int().positive().default(10),
        /** F16 004 七.(二)2: records drawn at random at this rate (the seed sets none: ours) */
        spotCheck: z
          .object({
            rate: z.number().gt(0).max(1),
            source: z.enum(['seed', 'default']),
            basis: z.string().min(1),
          })
          .strict()
          .default(FOLLOW_UP_SPOT_CHECK_DEFAULT),
        /** the CS follow-up plans (F01, F06, F07; 004 三.(一), 五.(一)–(二)); absent: default */
        plans: z
          .object({
            newCustomer: z
              .object({ firstCall: durationSchema.strict(), secondCall: durationSchema.strict() })
              .strict(),
            oldCustomer: z.object({ everyMonths: z.literal(3) }).strict(),
            keyCustomer: z.object({ everyMonths: z.union([z.literal(1), z.literal(2)]) }).strict(),
            source: z.enum(['seed', 'default']),
            basis: z.string().min(1),
          })
          .strict()
          .default(FOLLOW_UP_PLAN_RULES_DEFAULT),
        /** F02 004 三.(一)2: long-inactive customers (no purchase for afterDays); absent: default */
        inactiveCustomers: z
          .object({
            afterDays: z.number().int().positive(),
            callWithin: durationSchema.strict(),
            source: z.enum(['seed', 'default']),
            basis: z.string().min(1),
          })
          .strict()
          .default(INACTIVE_CUSTOMER_RULE_DEFAULT),
      })
      .strict(),
    consignment: z
      .object({
        reportPeriod: z.enum(['monthly', 'quarterly']),
        codePrefixes: z
          .object({
            wholesale: z.string().regex(/^[a-z]{2}$/),
            franchise: z.string().regex(/^[a-z]{2}$/),
          })
          .strict(),
      })
      .strict(),
    numbering: z
      .object({
        prefixes: z
          .object(
            Object.fromEntries(
              CASE_TYPES.map((c) => [
                c,
                // the review's and the improvement's prefixes came later: policies published
                // before them get YS and GJ
                c === 'review' || c === 'improvement'
                  ? z
                      .string()
                      .regex(/^[A-Z]{2}$/)
                      .default(c === 'review' ? 'YS' : 'GJ')
                  : z.string().regex(/^[A-Z]{2}$/),
              ]),
            ) as Record<CaseType, z.ZodString>,
          )
          .strict(),
        seqDigits: z.number().int().min(3).max(8),
      })
      .strict(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });

    // Approval brackets: per action ascending, ending unbounded, level never decreasing.
    for (const action of APPROVAL_ACTIONS) {
      const rows = policy.approvalMatrix.rows
        .map((row, index) => ({ row, index }))
        .filter((r) => r.row.action === action);
      if (rows.length === 0) {
        issue(['approvalMatrix', 'rows'], `no row routes the action "${action}"`);
        continue;
      }
      let previousBound = -1;
      let previousLevel = -1;
      rows.forEach(({ row, index }, i) => {
        const last = i === rows.length - 1;
        if (row.upToFen === null && !last)
          issue(
            ['approvalMatrix', 'rows', index, 'upToFen'],
            `only the last "${action}" row may be unbounded`,
          );
        if (row.upToFen !== null && last)
          issue(
            ['approvalMatrix', 'rows', index, 'upToFen'],
            `the last "${action}" row must be unbounded (null) so every amount routes`,
          );
        if (row.upToFen !== null && row.upToFen <= previousBound)
          issue(['approvalMatrix', 'rows', index, 'upToFen'], `"${action}" brackets must ascend`);
        if (row.upToFen !== null) previousBound = row.upToFen;
        const level = Math.max(...row.chain.map((a) => ROLE_RANK[a.role]));
        if (level < previousLevel)
          issue(
            ['approvalMatrix', 'rows', index, 'chain'],
            `"${action}" approval level must not decrease as the amount grows`,
          );
        previousLevel = level;
      });
    }
    const ids = new Set<string>();
    policy.approvalMatrix.rows.forEach((row, index) => {
      if (ids.has(row.id))
        issue(['approvalMatrix', 'rows', index, 'id'], `duplicate row id "${row.id}"`);
      ids.add(row.id);
    });

    const { min, max } = policy.repair.workshopReturnMonths;
    if (min > max) issue(['repair', 'workshopReturnMonths', 'max'], 'max must not be below min');

    const grades = new Set(policy.survey.grades.map((g) => g.code));
    if (grades.size !== policy.survey.grades.length)
      issue(['survey', 'grades'], 'grade codes must be unique');
    policy.survey.dissatisfiedGrades.forEach((g, i) => {
      if (!grades.has(g)) issue(['survey', 'dissatisfiedGrades', i], `"${g}" is not a grade`);
    });

    policy.complaint.decisions?.penaltyBasis.rows.forEach((row, i) => {
      const path = ['complaint', 'decisions', 'penaltyBasis', 'rows', i];
      const twin = policy.complaint.decisions?.penaltyBasis.rows.findIndex(
        (r) => r.responsibility === row.responsibility && r.severity === row.severity,
      );
      if (twin !== i)
        issue(
          path,
          `a second row for ${row.responsibility} × ${row.severity} (first: row ${twin})`,
        );
      row.penalties.forEach((p, j) => {
        if (p.minFen > p.maxFen)
          issue([...path, 'penalties', j, 'maxFen'], 'maxFen must not be below minFen');
        if (row.penalties.findIndex((q) => q.kind === p.kind) !== j)
          issue([...path, 'penalties', j, 'kind'], `"${p.kind}" is listed twice`);
      });
    });

    const prefixes = Object.values(policy.numbering.prefixes);
    if (new Set(prefixes).size !== prefixes.length)
      issue(['numbering', 'prefixes'], 'case-number prefixes must be unique');
    if (policy.consignment.codePrefixes.wholesale === policy.consignment.codePrefixes.franchise) {
      issue(['consignment', 'codePrefixes'], 'wholesale and franchise prefixes must differ');
    }
  });

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
/** The policy as authored (defaults such as checkLimit may be omitted). */
export type PolicyDocumentInput = z.input<typeof policyDocumentSchema>;
export type ApproverSpec = z.infer<typeof approverSpecSchema>;
export type ApprovalRow = z.infer<typeof approvalRowSchema>;
export type ApprovalMatrix = z.infer<typeof approvalMatrixSchema>;
export type EscalationStep = z.infer<typeof escalationStepSchema>;
export type StageDeadline = z.infer<typeof stageDeadlineSchema>;
export type ComplaintDecisions = z.infer<typeof complaintDecisionsSchema>;
export type PenaltyBasisRow = z.infer<typeof penaltyBasisRowSchema>;
export type ReturnPart = (typeof RETURN_PARTS)[number];
export { RETURN_PARTS };

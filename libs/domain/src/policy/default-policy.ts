import { defaultCalendarSettings } from '../calendar/calendar-settings';
import type { Department } from '../shared/org';
import { parsePolicy } from './parse-policy';
import type { EscalationStep, PolicyDocument, PolicyDocumentInput } from './policy.schema';

/**
 * Version 1: every number DOMAIN.md and the seeds give, with the article it comes from in
 * `basis`. Where the seeds are silent the value is ours and says "default".
 */

// DOMAIN.md "Overdue": on a missed deadline escalate to the department's manager; a further
// (working) day late → the VP in charge.
const departmentLadder: EscalationStep[] = [
  {
    afterOverdue: { amount: 0, unit: 'calendar_hours' },
    to: { role: 'manager', department: 'owner' },
  },
  { afterOverdue: { amount: 1, unit: 'working_days' }, to: { role: 'vp' } },
];
// A VP's own overdue review goes to the GM.
const vpLadder: EscalationStep[] = [
  { afterOverdue: { amount: 0, unit: 'calendar_hours' }, to: { role: 'gm' } },
];

const wd = (amount: number, owner: Department, basis: string, escalation = departmentLadder) =>
  ({ amount, unit: 'working_days', owner, basis, escalation }) as const;
const cd = (amount: number, owner: Department, basis: string, escalation = departmentLadder) =>
  ({ amount, unit: 'calendar_days', owner, basis, escalation }) as const;

export const defaultPolicyInput = {
  version: 1,
  name: 'After-sales policy v1 (001/002/003/004 seeds + DOMAIN.md defaults)',
  effectiveFrom: '2025-01-01',
  calendar: defaultCalendarSettings,
  deadlines: {
    complaint: {
      firstResponse: {
        amount: 24,
        unit: 'calendar_hours',
        owner: 'sales',
        basis: '000 §三.6; 002 投诉处理 回应时间不超过24小时',
        escalation: departmentLadder,
      },
      registration: wd(1, 'cs', 'default (001 §24.3 cs registers)'),
      severeReview: {
        amount: 4,
        unit: 'business_hours',
        owner: 'gm_office',
        basis: '001 §18 应即提呈副总经理 (4 h is our default)',
        escalation: vpLadder,
      },
      investigationReport: wd(3, 'rnd', '001 §25.3 三天内提出报告呈分管副总经理'),
      reportReview: wd(2, 'gm_office', 'default', vpLadder),
      proposal: wd(1, 'cs', 'default (001 §24.3(4))'),
      approval: wd(2, 'cs', 'default (001 §27)'),
      customerResponse: wd(2, 'sales', 'default (001 §24.1(4) 迅速传达处理结果)'),
      execution: wd(5, 'sales', 'default (001 §29)'),
      improvement: cd(30, 'cs', 'default (001 §24.3(5))'),
      close: wd(6, 'cs', '001 §26.1 自受理起六日内结案'),
    },
    return: {
      supervisorApproval: wd(1, 'sales', 'default (001 篇3 退货流程 1)'),
      slipApproval: wd(2, 'sales', 'default (001 §29.1(2))'),
      goodsReceipt: cd(7, 'warehouse', 'default (001 §29.3)'),
      reconciliation: wd(2, 'finance', 'default (001 §29.2)'),
      mismatchResolution: wd(3, 'sales', 'default'),
      refund: wd(3, 'finance', 'default (001 篇3 退货流程 3)'),
      reship: wd(2, 'warehouse', 'default (001 篇3 退货流程 4)'),
    },
    repair: {
      dispatch: wd(1, 'cs', '001 §11 当天未派修工作于次日优先派工'),
      outOfTownApproval: wd(1, 'cs', 'default (001 §12)'),
      onSiteService: wd(3, 'tech', 'default (001 §8)'),
      countersign: wd(2, 'cs', 'default (001 §10)'),
      invoice: wd(5, 'finance', 'default (001 §9)'),
      survey: wd(3, 'cs', 'default (001 §16)'),
    },
    consignment: {
      contractSignature: cd(7, 'sales', 'default (002 ch.12 §2)'),
      salesReport: wd(5, 'sales', 'default (002 ch.12 §3 定期与客户汇报销售情况)'),
      settlement: wd(10, 'finance', 'default'),
    },
    followUp: {
      call: wd(3, 'cs', 'DOMAIN.md §5 default (004 §五 leaves [X] 个工作日)'),
      retry: wd(1, 'cs', 'default'),
    },
    review: {
      review: {
        amount: 0,
        unit: 'calendar_hours',
        owner: 'gm_office',
        basis: '001 §28.1 每月10日前 (Decision 6: 18:00 on the last working day before the 10th)',
        escalation: vpLadder,
      },
      announcement: wd(2, 'hr', 'default (001 §28.1 送人力资源部提报人事公布单并公布)', [
        {
          afterOverdue: { amount: 0, unit: 'calendar_hours' },
          to: { role: 'manager', department: 'owner' },
        },
        { afterOverdue: { amount: 1, unit: 'working_days' }, to: { role: 'gm' } },
      ]),
      noticeApproval: wd(2, 'gm_office', 'default (001 §28.2 呈总经理核准)', []),
      deduction: wd(3, 'hr', 'default (001 §28.2 执行罚扣)', [
        {
          afterOverdue: { amount: 0, unit: 'calendar_hours' },
          to: { role: 'manager', department: 'owner' },
        },
      ]),
    },
  },
  approvalMatrix: {
    rows: [
      {
        id: 'handling-cs-manager',
        action: 'handling_decision',
        upToFen: 500_000,
        chain: [{ role: 'manager', department: 'cs' }],
        basis: '001 §27 (amounts: DOMAIN.md default ≤ ¥5,000)',
      },
      {
        id: 'handling-vp',
        action: 'handling_decision',
        upToFen: 5_000_000,
        chain: [{ role: 'vp' }],
        basis: '001 §27 (amounts: DOMAIN.md default ≤ ¥50,000)',
      },
      {
        id: 'handling-gm',
        action: 'handling_decision',
        upToFen: null,
        chain: [{ role: 'gm' }],
        basis: '001 §27 (DOMAIN.md default: above ¥50,000)',
      },
      {
        id: 'investigation-report-vp',
        action: 'investigation_report',
        upToFen: null,
        chain: [{ role: 'vp', checkLimit: false }],
        basis: '001 §25.3',
      },
      {
        id: 'severe-review-vp',
        action: 'severe_review',
        upToFen: null,
        chain: [{ role: 'vp', checkLimit: false }],
        basis: '001 §18',
      },
      {
        id: 'discount-certificate-sales-vp',
        action: 'discount_certificate',
        upToFen: null,
        chain: [{ role: 'sales_vp', checkLimit: false }],
        basis: '001 §29.1(1)',
      },
      {
        id: 'return-slip-sales-vp',
        action: 'return_slip',
        upToFen: null,
        chain: [{ role: 'sales_vp', checkLimit: false }],
        basis: '001 §29.1(2)',
      },
      {
        id: 'return-request-supervisor',
        action: 'return_request',
        upToFen: null,
        chain: [{ role: 'supervisor', department: 'sales', checkLimit: false }],
        basis: '001 篇3 退货流程 1',
      },
      {
        id: 'individual-penalty-vp',
        action: 'individual_penalty',
        upToFen: null,
        chain: [{ role: 'vp', checkLimit: false }],
        basis: '001 §25.4',
      },
      {
        id: 'bonus-deduction-gm',
        action: 'bonus_deduction_notice',
        upToFen: null,
        chain: [{ role: 'gm', checkLimit: false }],
        basis: '001 §28.2',
      },
      {
        id: 'out-of-town-manager',
        action: 'out_of_town_service',
        upToFen: null,
        chain: [{ role: 'manager', department: 'requester', checkLimit: false }],
        basis: '001 §12',
      },
      {
        id: 'petition-sales-manager',
        action: 'petition',
        upToFen: null,
        chain: [{ role: 'manager', department: 'sales', checkLimit: false }],
        basis: '001 §25.8 签呈给上级',
      },
    ],
    mandatory: [
      {
        action: 'discount_certificate',
        approver: { role: 'sales_vp', checkLimit: false },
        basis: '001 §29.1(1) 呈经销售副总经理核签',
      },
      {
        action: 'return_slip',
        approver: { role: 'sales_vp', checkLimit: false },
        basis: '001 §29.1(2) 呈销售副总经理核示',
      },
    ],
    limits: [
      { role: 'manager', department: 'cs', maxFen: 500_000 },
      { role: 'vp', maxFen: 5_000_000 },
      { role: 'gm', maxFen: null },
    ],
  },
  complaint: {
    humanNegligenceExemptFromTracking: true,
    severeReviewer: { role: 'vp', checkLimit: false },
    monthlyReviewByDay: 10,
  },
  loss: { include: { productCost: true, freight: true, handling: true, compensation: true } },
  returns: {
    noReasonWindow: { amount: 7, unit: 'calendar_days' },
    poweredOnVoidsNoReason: true,
    requiredParts: ['packaging', 'accessories', 'warranty_card', 'unit'],
    customerPaysShippingWithoutQualityProblem: true,
    outsideWindow: 'may_refuse',
    wholesaleSelfPickupReturnable: false,
    priceDifference: {
      beforeCarrierHandover: 'refund_difference',
      afterCarrierHandover: 'no_refund_offer_gift',
    },
  },
  repair: {
    serviceKinds: {
      A: { label: '有偿服务 paid', fee: 'charged' },
      B: { label: '合同服务 contract', fee: 'contract' },
      C: { label: '免费服务 free', fee: 'free' },
      D: { label: '内务服务 internal', fee: 'internal' },
    },
    collectOnSiteUpToFen: 50_000,
    workshopReturnMonths: { min: 1, max: 6 },
    notAcceptedItemClasses: ['thai_silver'],
    dispatch: {
      cutOff: '18:00',
      basis:
        '001 §11 当天未派修工作,于次日优先派工 (cut-off = end of working hours 001 篇3: default)',
    },
    outOfTown: {
      requiresApproval: true,
      serviceCostKinds: ['travel', 'allowance'],
      basis: '001 §12 由部门经理核准后方能外出服务,差旅费、补贴费等列入服务成本',
    },
    externalRepair: {
      remindEvery: { amount: 30, unit: 'calendar_days' },
      escalateTo: { role: 'manager', department: 'cs' },
      basis: '002 ch.10 2 维修时间为1—6个月 (reminder cadence and escalation: default)',
    },
    fees: {
      collectWithin: { amount: 30, unit: 'calendar_days' },
      basis: '001 §9 由财务部开具发票,以便另行前往收费 (30 days: default)',
    },
  },
  survey: {
    items: [
      { code: 'attitude', label: '态度' },
      { code: 'skill', label: '技术' },
      { code: 'arrival_time', label: '到达时间' },
      { code: 'promises_kept', label: '答应事项的办理' },
    ],
    grades: [
      { code: 'very_satisfied', label: '非常满意', score: 4 },
      { code: 'satisfied', label: '满意', score: 3 },
      { code: 'average', label: '一般', score: 2 },
      { code: 'poor', label: '较差', score: 1 },
    ],
    dissatisfiedGrades: ['poor'],
  },
  followUp: {
    afterClose: { amount: 3, unit: 'working_days' },
    maxAttempts: 3,
    retryAfter: { amount: 1, unit: 'working_days' },
  },
  consignment: { reportPeriod: 'monthly', codePrefixes: { wholesale: 'pf', franchise: 'jm' } },
  numbering: {
    prefixes: {
      complaint: 'KS',
      return: 'TH',
      repair: 'WX',
      consignment: 'DX',
      followUp: 'HF',
      review: 'YS',
      improvement: 'GJ',
    },
    seqDigits: 4,
  },
} satisfies PolicyDocumentInput;

/** Validated at module load: a default that does not satisfy its own schema fails every test. */
export const defaultPolicy: PolicyDocument = parsePolicy(defaultPolicyInput);

/**
 * Version 2: version 1 plus DOMAIN.md "Decisions where the seeds disagree or are silent"
 * (issue 12). Each value says whether the seed states it (`source: seed`) or it is our choice for
 * the company to confirm (`source: default`). Cases pinned to v1 keep v1.
 */
const seed = (basis: string) => ({ source: 'seed' as const, basis });
const ours = (basis: string) => ({ source: 'default' as const, basis });
const generalPenalties = [
  { kind: 'warning' as const, minFen: 0, maxFen: 0 },
  { kind: 'fine' as const, minFen: 0, maxFen: 50_000 },
  { kind: 'bonus_deduction' as const, minFen: 0, maxFen: 100_000 },
];
const severePenalties = [
  { kind: 'warning' as const, minFen: 0, maxFen: 0 },
  { kind: 'demerit' as const, minFen: 0, maxFen: 0 },
  { kind: 'fine' as const, minFen: 0, maxFen: 200_000 },
  { kind: 'bonus_deduction' as const, minFen: 0, maxFen: 500_000 },
];
export const policyV2Input = {
  ...defaultPolicyInput,
  version: 2,
  name: 'After-sales policy v2 (v1 + DOMAIN.md seed decisions 2–5, 10; C11, C29)',
  effectiveFrom: '2026-12-01',
  deadlines: {
    ...defaultPolicyInput.deadlines,
    complaint: {
      ...defaultPolicyInput.deadlines.complaint,
      // Decision 2: 6 calendar days (the seed says 日, not 工作日) from CS acceptance until the
      // handling form is concluded; working days stay selectable through `unit`.
      close: {
        ...cd(
          6,
          'cs',
          'Decision 2 001 §26.1 自受理起六日内结案 (日 = calendar days; until the form is concluded, 001 §29.1)',
        ),
        source: 'seed',
      },
      // Execution and improvement tracking have their own deadlines, outside the 6 days.
      execution: {
        ...wd(5, 'sales', 'Decision 2 001 §29 (5 working days: default)'),
        source: 'default',
      },
      improvement: {
        ...cd(30, 'cs', 'Decision 2 001 §24.3(5) (30 days: default)'),
        source: 'default',
      },
      firstResponse: {
        ...defaultPolicyInput.deadlines.complaint.firstResponse,
        basis: 'Decision 3 000 §三.6 首次回应24小时内 (all channels)',
        source: 'seed',
      },
      ownerAssignment: {
        ...wd(
          1,
          'cs',
          'C11 001 §20 由客户服务部经理亲自处理或派员处理 (1 working day: default)',
          vpLadder,
        ),
        source: 'default',
      },
      storeResult: {
        amount: 48,
        unit: 'calendar_hours',
        owner: 'sales',
        basis: 'Decision 3 000 §三.6 门店渠道投诉48小时内将处理结果反馈客户',
        source: 'seed',
        escalation: departmentLadder,
      },
      supplierCoordination: {
        ...wd(5, 'cs', 'Decision 5 001 §25.7 会同其他公司或供应商处理 (5 working days: default)'),
        source: 'default',
      },
    },
  },
  complaint: {
    ...defaultPolicyInput.complaint,
    decisions: {
      closeClock: {
        endsAt: {
          value: 'form_concluded',
          ...seed(
            'Decision 2 001 §26.1 结案 = the handling form concluded (001 §29.1 执行 starts from it)',
          ),
        },
        pauseWhileWaitingForCustomer: {
          value: false,
          ...ours('Decision 2: no pause while waiting for the customer (a switch)'),
        },
        pauseWhileWaitingForSupplier: {
          value: true,
          ...ours('Decision 5: the clocks may pause, reason waiting_for_supplier'),
        },
      },
      closeTaskWithin: {
        value: { amount: 1, unit: 'working_days' },
        ...ours('Decision 2: closing after execution and improvement (1 working day)'),
      },
      storeChannelResult: {
        value: true,
        ...seed('Decision 3 000 §三.6 处理结果48小时内反馈 (store channel)'),
      },
      firstResponseRequiredToClose: {
        value: true,
        ...seed('Decision 3 000 §三.6: no close without a first response'),
      },
      severeDecisionByLetter: { value: true, ...seed('Decision 4 001 §18 函告客户') },
      supplierCoordination: {
        value: true,
        ...seed('Decision 5 001 §25.7 会同其他公司或供应商处理'),
      },
      closeSummaryRequired: {
        value: true,
        ...seed('C29 000 §三.7; 003 §四.3 每次投诉处理后总结分析、提出预防措施'),
      },
      ownerAssignment: { value: true, ...seed('C11 001 §20 客户服务部经理亲自处理或派员处理') },
      penaltyBasis: {
        rows: [
          { responsibility: 'quality', severity: 'general', penalties: generalPenalties },
          { responsibility: 'quality', severity: 'severe', penalties: severePenalties },
          { responsibility: 'non_quality', severity: 'general', penalties: generalPenalties },
          { responsibility: 'non_quality', severity: 'severe', penalties: severePenalties },
          { responsibility: 'human_negligence', severity: 'general', penalties: generalPenalties },
          { responsibility: 'human_negligence', severity: 'severe', penalties: severePenalties },
        ],
        ...ours(
          'Decision 10 001 §25.4 客户投诉罚扣的判定基准 (the seed names the table, not its figures: default)',
        ),
      },
    },
  },
} satisfies PolicyDocumentInput;

export const policyV2: PolicyDocument = parsePolicy(policyV2Input);

/**
 * The versions the product ships, oldest first. An organisation gets every one it lacks above
 * its latest stored version (the API records them on first use): new cases pin the last.
 */
export const BUILT_IN_POLICIES: readonly PolicyDocument[] = [defaultPolicy, policyV2];
/** What a new case of an organisation that never published a version of its own pins. */
export const currentBuiltInPolicy: PolicyDocument = policyV2; // the last of BUILT_IN_POLICIES

/** The built-in version `version`, if the product ships one (a case pinned to it reads it). */
export function builtInPolicy(version: number): PolicyDocument | undefined {
  return BUILT_IN_POLICIES.find((p) => p.version === version);
}

/**
 * The built-in versions an organisation whose latest stored version is `latestStored` (null:
 * none) still lacks, oldest first. Versions are never edited: a version the organisation
 * published itself is never replaced by a built-in of the same number.
 */
export function builtInPoliciesAbove(latestStored: number | null): PolicyDocument[] {
  return BUILT_IN_POLICIES.filter((p) => p.version > (latestStored ?? 0));
}

import type { CaseActor } from '@aso/contracts';
import type { HandlingMethod, InvestigationReport, LossBasis, Severity } from '@aso/domain';
import { people } from './actors';
import type { ComplaintDriver } from './harness';

/** The steps of DOMAIN.md §1 as the people do them, for tests to compose. */
export const report: InvestigationReport = {
  cause: 'product_quality',
  findings: 'cold solder joint on the power board of batch B2611',
  qualityClaimVerified: true,
  responsibleUnit: 'production',
  responsiblePersons: ['p-07'],
  correctiveAction: 'reflow profile corrected; batch B2611 re-inspected',
  externalParty: null,
};

/** ¥1,000 in total: within the CS manager's bracket (≤ ¥5,000) of the default matrix. */
export const smallLoss: LossBasis = {
  unitCostFen: 20_000,
  quantity: 3,
  freightFen: 20_000,
  handlingFen: 20_000,
  compensationFen: 0,
};

export async function firstResponse(c: ComplaintDriver) {
  return c.complete('first_response', people.sales, {
    type: 'RecordFirstResponse',
    channel: 'phone',
    summary: 'apologised, collecting the unit',
  });
}

export async function register(c: ComplaintDriver, severity: Severity = 'general') {
  return c.complete('cs_registration', people.cs, {
    type: 'RegisterComplaint',
    cause: 'product_quality',
    severity,
  });
}

export async function investigate(
  c: ComplaintDriver,
  overrides: Partial<InvestigationReport> = {},
) {
  await c.complete('rnd_investigation', people.rnd, {
    type: 'SubmitInvestigationReport',
    report: { ...report, ...overrides },
  });
  return c.complete('report_approval', people.vp, {
    type: 'ApproveInvestigationReport',
    remarks: 'agreed',
  });
}

export async function propose(
  c: ComplaintDriver,
  method: HandlingMethod,
  options: {
    loss?: LossBasis;
    trackImprovement?: boolean;
    humanNegligence?: boolean;
    approvedReturnQuantity?: number;
    by?: CaseActor;
  } = {},
) {
  const needsQuantity = method === 'return' || method === 'rework' || method === 'exchange';
  return c.complete('resolution_proposal', options.by ?? people.cs, {
    type: 'ProposeResolution',
    responsibleUnit: 'production',
    responsiblePersons: ['p-07'],
    method,
    trackImprovement: options.trackImprovement ?? false,
    humanNegligence: options.humanNegligence ?? false,
    lossBasis: options.loss ?? smallLoss,
    penalties: [],
    ...(needsQuantity ? { approvedReturnQuantity: options.approvedReturnQuantity ?? 3 } : {}),
    notes: `handle by ${method}`,
  });
}

export async function approve(c: ComplaintDriver, approver: CaseActor = people.csManager) {
  return c.complete('resolution_approval', approver, { type: 'ApproveResolution' });
}

export async function customerResponds(c: ComplaintDriver, accepted: boolean) {
  return c.complete('customer_response', people.sales, {
    type: 'RecordCustomerResponse',
    accepted,
    via: 'phone',
    note: accepted ? 'agreed' : 'wants more',
  });
}

/** intake → registration → investigation → approved report: the case waits for CS's proposal. */
export async function toProposal(c: ComplaintDriver, severity: Severity = 'general') {
  await firstResponse(c);
  await register(c, severity);
  await investigate(c);
}

/** … → proposal → approval → customer accepts: the case is executing `method`. */
export async function toExecution(
  c: ComplaintDriver,
  method: HandlingMethod,
  options: Parameters<typeof propose>[2] = {},
) {
  await toProposal(c);
  await propose(c, method, options);
  await approve(c);
  return customerResponds(c, true);
}

export async function close(c: ComplaintDriver) {
  return c.complete('close', people.cs, { type: 'CloseComplaint' });
}

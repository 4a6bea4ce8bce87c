import {
  ACKNOWLEDGE_ESCALATION,
  complaintTaskCommandSchemas,
  followUpTaskCommandSchemas,
  consignmentTaskCommandSchemas,
  parseComplaintTaskCommand,
  parseConsignmentTaskCommand,
  parseFollowUpTaskCommand,
  parseRepairTaskCommand,
  parseReturnTaskCommand,
  parseReviewTaskCommand,
  RECORD_REPAIR_COMPLETED,
  repairTaskCommandSchemas,
  returnTaskCommandSchemas,
  reviewTaskCommandSchemas,
} from '@aso/contracts';
import { isApiError } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { apiTaskCommandSchemas, SERVER_FILLED_BOOKINGS } from './task-commands.dto';
import { completeTaskBodySchema } from './tasks.dto';

/**
 * One source for command payloads: what POST /tasks/:id/complete accepts (the API's DTO) is
 * what the workflow's parser for the case type accepts, with the same output, and what the
 * API refuses the parser refuses naming the same fields.
 */
const report = {
  cause: 'product_quality',
  findings: 'cold solder joint',
  qualityClaimVerified: true,
  responsibleUnit: 'production',
  responsiblePersons: ['p-07'],
  correctiveAction: 'reflow profile corrected',
  externalParty: null,
};
const linkedIntake = {
  customerName: '王先生',
  orderNumber: 'SO-1',
  batchNumber: 'B-1',
  shipDate: '2026-11-01',
  defectiveQuantity: 1,
  demand: '重新处理',
  reasons: 'dissatisfied follow-up',
  channel: 'phone',
  attachments: [],
  salesOpinion: '',
};
const VALID: Record<string, Array<Record<string, unknown>>> = {
  RecordCallAttempt: [{ note: '无人接听' }, { note: '' }],
  RecordCall: [
    {
      identityConfirmed: true,
      purposeStated: true,
      answers: { result: '满意' },
      survey: { attitude: 'satisfied' },
    },
    { identityConfirmed: false, purposeStated: true, answers: {}, remarks: '' },
  ],
  ReviewCallRecord: [
    { approve: true },
    { approve: false, comment: 'redo' },
    // F05 004 三.(五): problems sent to their owners
    {
      approve: true,
      problems: [
        {
          category: '配送',
          description: '送货迟到两天',
          department: 'warehouse',
          ownerId: 'wh-01',
          deadline: '2026-12-09T10:00:00.000Z',
        },
      ],
    },
  ],
  RecordProblemResult: [{ ref: 'P1', result: '已向客户道歉并调整配送路线' }],
  ConfirmCustomerSatisfaction: [{ satisfied: true }, { satisfied: false, note: '仍不满意' }],
  OpenLinkedComplaint: [{ intake: linkedIntake }],
  RecordSpotCheck: [{ consistent: true }, { consistent: false, note: '不一致' }],
  RecordFirstResponse: [{ channel: 'phone', summary: 'called back' }],
  RegisterComplaint: [
    { cause: 'product_quality', severity: 'general' },
    {
      cause: 'transport',
      severity: 'severe',
      formDeadlines: { investigationReport: { amount: 3, unit: 'working_days' } },
    },
  ],
  CompleteSevereReview: [{ remarks: 'reviewed' }],
  SubmitInvestigationReport: [{ report }, { report: { ...report, externalParty: 'carrier' } }],
  ApproveInvestigationReport: [{}, { remarks: 'agreed' }],
  ReturnInvestigationReport: [{ reason: 'incomplete' }],
  ProposeResolution: [
    {
      responsibleUnit: 'production',
      responsiblePersons: ['p-07'],
      method: 'return',
      trackImprovement: true,
      humanNegligence: false,
      lossBasis: {
        unitCostFen: 20000,
        quantity: 3,
        freightFen: 0,
        handlingFen: 100,
        compensationFen: 0,
      },
      penalties: [{ personId: 'p-07', kind: 'fine', amountFen: 5000 }],
      approvedReturnQuantity: 3,
      notes: '',
    },
  ],
  ApproveResolution: [{}],
  SendBackResolution: [{ reason: 'amount too high' }],
  RecordCustomerResponse: [
    { accepted: true, via: 'letter' },
    { accepted: false, via: 'phone', note: 'wants more' },
  ],
  IssueDiscountCertificate: [{ certificateNumber: 'ZK-1', amountFen: 50000 }],
  SignDiscountCertificate: [{}],
  RecordCertificateCustomerSignature: [{}],
  BookDiscountCertificate: [{}],
  RecordReceivableCollected: [{}],
  FilePetition: [{ reason: 'customer insolvent' }],
  DecidePetition: [{ decision: 'waive' }, { decision: 'collect', remarks: 'try again' }],
  RecordResupplyShipped: [{}],
  RegisterRepair: [
    {
      address: '上海市浦东新区世纪大道 1 号',
      productModel: 'DVR-X1',
      spec: '4K',
      purchaseDate: '2026-06-20',
      purchasePlace: '上海门店',
      serviceKind: 'C',
    },
    {
      address: '北京市朝阳区 2 号',
      productModel: 'DVR-X2',
      spec: '1080p',
      purchaseDate: '2025-12-01',
      purchasePlace: '北京门店',
      serviceKind: 'A',
      customerName: '李女士',
      phone: '010-5555 0101',
      problem: 'the display flickers',
    },
  ],
  ConfirmImprovementEffect: [{ effect: 'no recurrence in 3 months' }],
  CloseComplaint: [{}, { summary: 'solder drift', preventiveMeasure: 'weekly solder audit' }],
  AssignComplaintOwner: [{ ownerId: 'cs-01' }],
  RecordStoreResult: [{ channel: 'store', summary: 'told the customer in the store' }],
  RecordSupplierCoordination: [{ outcome: 'the supplier credits three units' }],
  RecordSupervisorAnswer: [{ answer: 'explained the parking mode', resolved: true }],
  ApproveReturnRequest: [{}, { discretionNote: 'long-standing customer' }],
  FillReturnSlip: [{ reason: '外壳开裂', method: 'exchange', basis: 'KS202611-0001 rev 1' }],
  SignOnSiteSlip: [{ customerSignature: '李四' }],
  CountersignOnSiteSlip: [{}],
  RejectReturnRequest: [{ reason: 'outside the return window' }],
  ApproveReturnSlip: [{}],
  ReceiveGoods: [
    { quantity: 3, complete: true, undamaged: true },
    { quantity: 0, complete: false, undamaged: true, mode: 'additional', note: 'one missing' },
  ],
  Reconcile: [{ voucherNumber: 'PZ-1' }],
  ResolveMismatch: [{ resolution: 'recount', note: 'count again' }],
  RecordRefund: [{ amountFen: 60000 }],
  RecordReshipment: [{ shipmentNumber: 'SF-1' }],
  [ACKNOWLEDGE_ESCALATION]: [{}],
  [RECORD_REPAIR_COMPLETED]: [{ outcome: 'repaired' }],
  // repair (DOMAIN.md §3)
  DispatchTechnician: [
    {
      technicianId: 'u-tech-01',
      slot: { start: 1_800_000_000_000, end: 1_800_007_200_000 },
      outOfTown: false,
    },
  ],
  RescheduleVisit: [{ slot: { start: 1_800_000_000_000, end: 1_800_003_600_000 } }],
  ApplyOutOfTown: [{ destination: '苏州', reason: 'customer site', estimatedCostFen: 30_000 }],
  DecideOutOfTown: [{ approve: true }, { approve: false, remarks: 'too far' }],
  StartVisit: [{}],
  RecordVisit: [
    {
      actualStart: 1_800_000_000_000,
      actualEnd: 1_800_003_600_000,
      content: 'replaced the board',
      resolvedOnSite: true,
      feeFen: 30_000,
      collectedOnSiteFen: 30_000,
    },
    { actualStart: 1, actualEnd: 2, content: 'not fixed', resolvedOnSite: false },
  ],
  RecordServiceCost: [
    { kind: 'travel', amountFen: 12_000 },
    { kind: 'allowance', amountFen: 5_000, note: '2 days' },
  ],
  AcceptWorkshopItem: [
    {
      receiptNumber: 'SR-1',
      itemCode: 'IT-1',
      itemClass: 'silver',
      partToRepair: 'clasp',
      customerName: '李',
      photo: 'attachments/it-1.jpg',
    },
  ],
  RecordWorkshopRepair: [{ repaired: true, note: 'soldered', feeFen: 0 }],
  SendToExternalRepair: [
    { repairer: '金工坊', handoverSheetNumber: 'JJ-1', customerInformed: true },
  ],
  RecordExternalReturn: [{ repaired: true, note: 'fixed' }],
  SortReturnedItem: [{}],
  RecordCustomerCalled: [{}, { note: 'will pick up' }],
  RecordItemShipped: [{ shipment: 'SF-2' }],
  RecordCustomerSignature: [{ signedBy: '张先生' }],
  CountersignVoucher: [{}, { remarks: 'ok' }],
  FileVoucher: [{}],
  ConfirmCashAndMailInvoice: [{ receivedFen: 30_000, invoiceNumber: 'FP-1' }],
  IssueInvoice: [{ invoiceNumber: 'FP-2' }],
  RecordFeeCollected: [{ amountFen: 80_000 }],
  CloseRepair: [{}],
  // consignment (DOMAIN.md §4; 002 ch.12)
  RecordSignature: [{ signatory: '李明' }],
  RecordSales: [
    { sales: [{ saleId: 'S-1', code: 'pf012李', quantity: 2 }] },
    {
      sales: [
        { saleId: 'S-2', code: 'pf012李', quantity: 1, soldAt: '2026-12-03T10:00:00+08:00' },
        { saleId: 'S-3', code: 'jm07薛', quantity: 4 },
      ],
    },
  ],
  RequestReturn: [{ reason: 'the consignor ends the term' }],
  MarkReportSent: [{ period: 1, channel: 'email' }],
  SettlePeriod: [{ settlement: 1, voucherRef: 'PZ-9' }],
  RecordReturnReceipt: [
    { lines: [{ code: 'pf012李', quantity: 3 }] },
    { lines: [{ code: 'pf012李', quantity: 0 }], note: 'all sold' },
  ],
  // the monthly review (001 §28)
  ConfirmReview: [
    {
      administrative: [{ ref: 'KS202611-0001#0', confirm: true }],
      deductions: [{ ref: 'KS202611-0002#1', responsibleUnit: '生产部' }],
    },
    {
      administrative: [{ ref: 'KS202611-0003#0', confirm: false, reason: '已撤销' }],
      deductions: [],
    },
  ],
  PublishAnnouncement: [{}, { note: '已公布' }],
  ApproveNotice: [{ approve: true }, { approve: false, reason: '责任单位有误' }],
  ApplyDeductions: [{ payrollRef: 'GZ-2026-12' }],
  // M05 000 §六.2: the annual appraisal of December's review
  IssueAnnualAppraisal: [{ summary: '2026 年度客诉考核: 全年 14 件, 服务评价良好' }],
  // F17 003 §四.4 improvement measures
  RecordImprovementResult: [{ result: '已实行送货前电话确认' }],
  CheckImprovement: [
    { effective: true },
    { effective: false, note: '仍有投诉', newDueDate: '2026-12-25' },
  ],
};
const INVALID: Array<Record<string, unknown>> = [
  { type: 'RecordFirstResponse', channel: 'fax', summary: '' },
  {
    type: 'RegisterComplaint',
    cause: 'product_quality',
    severity: 'general',
    formDeadlines: { nope: {} },
  },
  { type: 'SubmitInvestigationReport', report: { ...report, findings: 'x\u0000y' } },
  { type: 'ProposeResolution', responsibleUnit: 'p' },
  { type: 'IssueDiscountCertificate', certificateNumber: 'ZK-1', amountFen: 0.5 },
  { type: 'RecordRefund', amountFen: 1e20 },
  { type: 'ReceiveGoods', quantity: -1, complete: true, undamaged: true },
  { type: RECORD_REPAIR_COMPLETED, outcome: '' },
  { type: 'DispatchTechnician', technicianId: '', slot: { start: 1, end: 2 }, outOfTown: false },
  { type: 'DispatchTechnician', technicianId: 't', slot: { start: -1, end: 2 }, outOfTown: 'no' },
  {
    type: 'RecordVisit',
    actualStart: 1,
    actualEnd: 2,
    content: 'x',
    resolvedOnSite: true,
    feeFen: -1,
  },
  { type: 'ApplyOutOfTown', destination: 'x', reason: 'y', estimatedCostFen: 1.5 },
  {
    type: 'RegisterRepair',
    address: '',
    productModel: 'DVR-X1',
    spec: '4K',
    purchaseDate: '20.6.2026',
    purchasePlace: '上海门店',
    serviceKind: 'E',
  },
  { type: 'RecordCall', identityConfirmed: 'yes', purposeStated: true, answers: {} },
  { type: 'OpenLinkedComplaint', intake: { ...linkedIntake, defectiveQuantity: 0 } },
  { type: 'NoSuchCommand' },
  { summary: 'no type' },
];

const typeOf = (s: { shape: { type: { value: string } } }) => s.shape.type.value;
const complaintTypes = new Set([
  ...complaintTaskCommandSchemas.map(typeOf),
  ACKNOWLEDGE_ESCALATION,
  RECORD_REPAIR_COMPLETED,
]);
const returnTypes = new Set([...returnTaskCommandSchemas.map(typeOf), ACKNOWLEDGE_ESCALATION]);
const repairTypes = new Set([...repairTaskCommandSchemas.map(typeOf), ACKNOWLEDGE_ESCALATION]);
const followUpTypes = new Set([...followUpTaskCommandSchemas.map(typeOf), ACKNOWLEDGE_ESCALATION]);
const consignmentTypes = new Set([
  ...consignmentTaskCommandSchemas.map(typeOf),
  ACKNOWLEDGE_ESCALATION,
]);
const reviewTypes = new Set([...reviewTaskCommandSchemas.map(typeOf), ACKNOWLEDGE_ESCALATION]);
/** What the workflow receives of an API command: the server adds the technician's bookings. */
const sentOf = (command: unknown): unknown => {
  const c = command as { type: string };
  return SERVER_FILLED_BOOKINGS.has(c.type) ? { ...c, technicianBookings: [] } : c;
};

/** The API's answer to a complete body: the parsed command, or the bad fields' paths. */
function api(command: unknown): { ok: true; command: unknown } | { ok: false; paths: string[] } {
  try {
    return { ok: true, command: parseInput(completeTaskBodySchema, { command }).command };
  } catch (e) {
    if (!isApiError(e)) throw e;
    const issues = (e.details as { issues: Array<{ path: string }> }).issues;
    return { ok: false, paths: issues.map((i) => i.path.replace(/^body\./, '')) };
  }
}

describe('task command payloads: one source for the API and the workflow', () => {
  test('every command type has valid samples here (this table covers the contract)', () => {
    expect(Object.keys(VALID).sort()).toEqual(apiTaskCommandSchemas.map(typeOf).sort());
  });

  test('what the API accepts, the case type’s parser accepts, with the same command', () => {
    for (const [type, samples] of Object.entries(VALID)) {
      for (const sample of samples) {
        const command = { type, ...sample };
        const accepted = api(command);
        expect({ type, accepted: accepted.ok }).toEqual({ type, accepted: true });
        const parsed = { command: accepted.ok ? accepted.command : undefined };
        if (complaintTypes.has(type))
          expect(parseComplaintTaskCommand(command)).toEqual({ ok: true, ...parsed });
        if (returnTypes.has(type))
          expect(parseReturnTaskCommand(command)).toEqual({ ok: true, ...parsed });
        if (followUpTypes.has(type))
          expect(parseFollowUpTaskCommand(command)).toEqual({ ok: true, ...parsed });
        if (consignmentTypes.has(type))
          expect(parseConsignmentTaskCommand(command)).toEqual({ ok: true, ...parsed });
        if (reviewTypes.has(type))
          expect(parseReviewTaskCommand(command)).toEqual({ ok: true, ...parsed });
        if (repairTypes.has(type))
          expect(parseRepairTaskCommand(sentOf(command))).toEqual({
            ok: true,
            command: sentOf(parsed.command),
          });
      }
    }
  });

  test('a command of another case type is refused by the parser, naming command.type', () => {
    expect(parseReturnTaskCommand({ type: 'CloseComplaint' })).toMatchObject({
      ok: false,
      issues: [{ path: 'command.type' }],
    });
    expect(parseReturnTaskCommand({ type: RECORD_REPAIR_COMPLETED, outcome: 'x' })).toMatchObject({
      ok: false,
      issues: [{ path: 'command.type' }],
    });
    expect(parseComplaintTaskCommand({ type: 'RecordRefund', amountFen: 1 })).toMatchObject({
      ok: false,
      issues: [{ path: 'command.type' }],
    });
  });

  test('what the API refuses, the parser refuses, naming the same fields', () => {
    for (const command of INVALID) {
      const refused = api(command);
      const paths = (r: { ok: true } | { ok: false; issues: Array<{ path: string }> }) =>
        r.ok ? [] : r.issues.map((i) => i.path);
      expect({ command, ok: refused.ok }).toEqual({ command, ok: false });
      const followUp =
        followUpTypes.has(String(command.type)) && command.type !== ACKNOWLEDGE_ESCALATION;
      const parse = followUp
        ? parseFollowUpTaskCommand
        : returnTypes.has(String(command.type))
          ? parseReturnTaskCommand
          : repairTypes.has(String(command.type)) && command.type !== ACKNOWLEDGE_ESCALATION
            ? parseRepairTaskCommand
            : parseComplaintTaskCommand;
      expect({ command, paths: paths(parse(sentOf(command))) }).toEqual({
        command,
        paths: refused.ok ? [] : refused.paths,
      });
    }
  });

  test('P16 001 篇3 二.(二)4: a client’s technicianBookings are dropped — the server fills them from its appointment register', () => {
    const dispatch = {
      type: 'DispatchTechnician',
      technicianId: 'u-tech-01',
      slot: { start: 1_800_000_000_000, end: 1_800_007_200_000 },
      outOfTown: false,
    };
    const forged = [{ caseNumber: 'WX202612-0009', technicianId: 'u-tech-01', start: 0, end: 1 }];
    expect(api({ ...dispatch, technicianBookings: forged })).toEqual({
      ok: true,
      command: dispatch,
    });
    expect(
      api({ type: 'RescheduleVisit', slot: { start: 1, end: 2 }, technicianBookings: forged }),
    ).toEqual({
      ok: true,
      command: { type: 'RescheduleVisit', slot: { start: 1, end: 2 } },
    });
    // the workflow's parser still demands them: only the server's filled-in command passes
    expect(parseRepairTaskCommand(dispatch)).toMatchObject({
      ok: false,
      issues: [{ path: 'command.technicianBookings' }],
    });
  });

  test('unknown keys are dropped, as the API drops them', () => {
    const command = { type: 'Reconcile', voucherNumber: 'PZ-1', actor: { userId: 'forged' } };
    expect(parseReturnTaskCommand(command)).toEqual({
      ok: true,
      command: { type: 'Reconcile', voucherNumber: 'PZ-1' },
    });
    expect(api(command)).toEqual({
      ok: true,
      command: { type: 'Reconcile', voucherNumber: 'PZ-1' },
    });
  });
});

import {
  ACKNOWLEDGE_ESCALATION,
  complaintTaskCommandSchemas,
  parseComplaintTaskCommand,
  parseReturnTaskCommand,
  RECORD_REPAIR_COMPLETED,
  returnTaskCommandSchemas,
  taskCommandSchemas,
} from '@aso/contracts';
import { isApiError } from '../common/api-error';
import { parseInput } from '../common/parse-input';
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
const VALID: Record<string, Array<Record<string, unknown>>> = {
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
  ConfirmImprovementEffect: [{ effect: 'no recurrence in 3 months' }],
  CloseComplaint: [{}],
  ApproveReturnRequest: [{}, { discretionNote: 'long-standing customer' }],
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
    expect(Object.keys(VALID).sort()).toEqual(taskCommandSchemas.map(typeOf).sort());
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
      const parse = returnTypes.has(String(command.type))
        ? parseReturnTaskCommand
        : parseComplaintTaskCommand;
      expect({ command, paths: paths(parse(command)) }).toEqual({
        command,
        paths: refused.ok ? [] : refused.paths,
      });
    }
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

import type { ComplaintEvent, ComplaintFormRevision, ComplaintState } from '@aso/domain';
import type { CaseRecord } from '../shared/case-records';
import { complaintRecords } from './complaint.records';

const at = Date.parse('2026-03-02T02:00:00.000Z');
const iso = new Date(at).toISOString();
const explanation = (what: string) => ({ rule: `${what} route`, mandatoryAdded: [] });
const route = (what: string) => ({
  steps: [{ index: 0, role: 'vp' }],
  explanation: explanation(what),
});
const revision = {
  revision: 2,
  route: route('handling_decision'),
} as unknown as ComplaintFormRevision;
const state = {
  caseNumber: 'KS202603-0001',
  intake: { customerName: '王先生', orderNumber: 'SO-1' },
  revisions: [revision],
  approvalRoutes: {
    investigation_report: route('investigation_report'),
    discount_certificate: route('discount_certificate'),
    petition: route('petition'),
  },
} as unknown as ComplaintState;
const ev = (e: Record<string, unknown>) => ({ at, by: 'u-1', ...e }) as unknown as ComplaintEvent;
const records = (e: Record<string, unknown>, s = state): CaseRecord[] =>
  complaintRecords(ev(e), s, 'KS202603-0001');

describe('complaint records: events → audit entries and document changes (data, no Temporal)', () => {
  it('001 §25.3 / §27: the VP’s approval of the report is audited with the route’s explanation from the state', () => {
    expect(records({ type: 'InvestigationReportApproved', remarks: 'ok' })).toEqual([
      {
        kind: 'audit',
        action: 'approval.signed',
        actor: 'u-1',
        at,
        data: {
          action: 'investigation_report',
          remarks: 'ok',
          explanation: explanation('investigation_report'),
        },
      },
    ]);
    expect(records({ type: 'InvestigationReportReturned', reason: 'thin' })).toEqual([
      expect.objectContaining({
        action: 'approval.sent_back',
        data: {
          action: 'investigation_report',
          reason: 'thin',
          explanation: explanation('investigation_report'),
        },
      }),
    ]);
  });

  it('C21 001 §25.5: a proposal files a new revision of the complaint form, linked to the one it supersedes', () => {
    const r = {
      revision: 3,
      supersedes: 2,
      reason: 'customer_rejected',
      responsibleUnit: 'production',
      responsiblePersons: ['p-7'],
      method: 'discount',
      trackImprovement: false,
      humanNegligence: false,
      loss: { totalFen: 100 },
      penalties: [],
      approvedReturnQuantity: null,
      notes: '',
      route: { steps: [{ index: 0, role: 'manager' }] },
    };
    const [create] = records({ type: 'ResolutionProposed', revision: r });
    expect(create).toMatchObject({
      kind: 'document.create',
      actor: 'u-1',
      doc: {
        docType: 'complaint_form',
        docNumber: 'KS202603-0001',
        revision: 3,
        supersedesRevision: 2,
        status: 'proposed',
        content: { reason: 'customer_rejected', approvalRoute: r.route.steps },
        distribution: [{ department: 'cs', copy: 1 }],
        signatures: [{ by: 'u-1', role: 'proposer', at: iso }],
      },
    });
  });

  it('001 §27: each approval signature is audited with the revision’s route explanation, then signs the latest form revision', () => {
    expect(
      records({ type: 'ResolutionApprovalSigned', revision: 2, stepIndex: 0, role: 'manager' }),
    ).toEqual([
      expect.objectContaining({
        action: 'approval.signed',
        data: {
          action: 'handling_decision',
          revision: 2,
          stepIndex: 0,
          role: 'manager',
          explanation: explanation('handling_decision'),
        },
      }),
      {
        kind: 'document.update',
        actor: 'u-1',
        at,
        docType: 'complaint_form',
        docNumber: 'KS202603-0001',
        revision: 2,
        status: 'approving',
        sign: { by: 'u-1', role: 'manager' },
      },
    ]);
    expect(records({ type: 'CustomerRejected' })).toEqual([
      expect.objectContaining({
        kind: 'document.update',
        revision: 2,
        status: 'rejected_by_customer',
      }),
    ]);
    // no revision yet: nothing to change
    expect(records({ type: 'ResolutionApproved' }, { ...state, revisions: [] })).toEqual([]);
  });

  it('C26 001 §29.1(1): the discount certificate is issued, signed by the sales VP and the customer, and booked with its copies', () => {
    expect(
      records({ type: 'DiscountCertificateIssued', certificateNumber: 'ZK-1', amountFen: 500 }),
    ).toEqual([
      expect.objectContaining({
        kind: 'document.create',
        doc: expect.objectContaining({
          docType: 'discount_certificate',
          docNumber: 'ZK-1',
          status: 'issued',
          content: {
            amountFen: 500,
            complaintRevision: 2,
            customerName: '王先生',
            orderNumber: 'SO-1',
          },
        }),
      }),
    ]);
    expect(records({ type: 'DiscountCertificateSigned', certificateNumber: 'ZK-1' })).toEqual([
      expect.objectContaining({
        action: 'approval.signed',
        data: {
          action: 'discount_certificate',
          certificateNumber: 'ZK-1',
          explanation: explanation('discount_certificate'),
        },
      }),
      expect.objectContaining({
        status: 'signed_by_sales_vp',
        sign: { by: 'u-1', role: 'sales_vp' },
      }),
    ]);
    expect(
      records({ type: 'DiscountCertificateCustomerSigned', certificateNumber: 'ZK-1' }),
    ).toEqual([
      expect.objectContaining({
        status: 'signed_by_customer',
        sign: { by: '王先生', role: 'customer' },
      }),
    ]);
    const copies = [
      { holder: 'sales', copy: 1 },
      { holder: 'finance', copy: 2 },
    ];
    expect(
      records({ type: 'DiscountCertificateBooked', certificateNumber: 'ZK-1', copies }),
    ).toEqual([
      expect.objectContaining({
        docType: 'discount_certificate',
        status: 'booked',
        distribution: [
          { department: 'sales', copy: 1 },
          { department: 'finance', copy: 2 },
        ],
        sign: { by: 'u-1', role: 'finance' },
      }),
    ]);
  });

  it('C25 001 §25.8: a petition is filed to the superior the route names, who decides it', () => {
    const petitionRoute = { steps: [{ role: 'manager', department: 'sales' }] };
    expect(records({ type: 'PetitionFiled', reason: 'objects', route: petitionRoute })).toEqual([
      expect.objectContaining({
        doc: expect.objectContaining({
          docType: 'petition',
          docNumber: 'KS202603-0001-P1',
          content: { reason: 'objects', to: [{ role: 'manager', department: 'sales' }] },
        }),
      }),
    ]);
    expect(records({ type: 'PetitionDecided', decision: 'waive', remarks: 'goodwill' })).toEqual([
      expect.objectContaining({
        data: {
          action: 'petition',
          decision: 'waive',
          remarks: 'goodwill',
          explanation: explanation('petition'),
        },
      }),
      expect.objectContaining({
        docNumber: 'KS202603-0001-P1',
        status: 'decided_waive',
        sign: { by: 'u-1', role: 'superior' },
      }),
    ]);
  });

  it('events without documents or approvals record nothing beyond their own audit event', () => {
    for (const type of [
      'ComplaintReported',
      'ComplaintRegistered',
      'ChildCaseStarted',
      'ComplaintClosed',
    ])
      expect(records({ type })).toEqual([]);
  });
});

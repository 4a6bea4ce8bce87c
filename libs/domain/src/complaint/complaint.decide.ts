import { assertMayApprove, nextApprovalStep } from '../approval/four-eyes';
import { type ApprovalRoute, routeApproval } from '../approval/route-approval';
import { isIsoDate, localToInstant } from '../calendar/civil-time';
import { parseCaseNumber } from '../case-number/case-number';
import { DomainError } from '../errors/domain-error';
import { computeLossAmount } from '../loss/loss-amount';
import { formatFen } from '../money/money';
import { serviceRegisterEntry } from '../repair/service-register';
import type { PolicyDocument } from '../policy/policy.schema';
import { assertPenaltiesWithinBasis } from './penalty-basis';
import { STAGES } from '../shared/case-types';
import { type Decision, decideWith, illegal, invalid } from '../shared/decision';
import {
  assertActorIn,
  assertNotSelf,
  assertPinnedPolicy,
  assertRole,
  nonEmpty,
  positiveInt,
} from '../shared/guards';
import { type Instant, toMs } from '../shared/instant';
import { assertActorFits } from '../tasks/task-access';
import {
  COMPLAINT_CAUSES,
  categoryOf,
  improvementTrackingRequired,
  routeSeverity,
} from './classification';
import {
  COMPLAINT_CHANNELS,
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintFormRevision,
  type ComplaintIntake,
  type ComplaintState,
  type ComplaintStatus,
  type ExecutionObligation,
  HANDLING_METHODS,
  type HandlingMethod,
  RECORD_REPAIR_COMPLETED,
} from './complaint.types';

const SYSTEM = { userId: 'system' } as const;

/**
 * The complaint process of DOMAIN.md §1 (001 §21–29) as a pure decider: given the state, a
 * command, the instant and the pinned policy, it returns the events to record or the refusal.
 * The workflow only wires tasks, timers and children around it.
 */
export function decideComplaint(
  state: ComplaintState | null,
  command: ComplaintCommand,
  now: Instant,
  policy: PolicyDocument,
): Decision<ComplaintEvent> {
  return decideWith(() => decide(state, command, toMs(now), policy));
}

function decide(
  state: ComplaintState | null,
  cmd: ComplaintCommand,
  at: number,
  policy: PolicyDocument,
): ComplaintEvent[] {
  const by = cmd.actor.userId;
  if (cmd.type === 'ReportComplaint') {
    if (state !== null) throw illegal('complaint', state.status, cmd.type);
    return [reportComplaint(cmd, at, policy)];
  }
  if (state === null) throw illegal('complaint', 'none', cmd.type, ['ReportComplaint']);
  assertPinnedPolicy(state.policyVersion, policy, state.caseNumber);
  const ctx = { caseNumber: state.caseNumber, command: cmd.type };
  const need = (...statuses: ComplaintStatus[]) => {
    if (!statuses.includes(state.status))
      throw illegal('complaint', state.status, cmd.type, statuses);
  };
  const revision = state.revisions[state.revisions.length - 1];
  const currentRevision = (): ComplaintFormRevision => {
    if (!revision) throw illegal('complaint', state.status, cmd.type);
    return revision;
  };

  switch (cmd.type) {
    case 'RecordFirstResponse': {
      // 000 §三.6: a first response within 24 h; sales or CS may give it, once.
      if (state.status === 'closed' || state.firstResponseAt !== null)
        throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['sales', 'cs'], [], ctx);
      return [
        {
          type: 'FirstResponseRecorded',
          at,
          by,
          channel: cmd.channel,
          summary: nonEmpty(cmd.summary, 'summary'),
        },
      ];
    }
    case 'RegisterComplaint': {
      need('awaiting_registration');
      assertActorIn(cmd.actor, ['cs'], [], ctx);
      if (!COMPLAINT_CAUSES.includes(cmd.cause))
        throw invalid(`cause must be one of ${COMPLAINT_CAUSES.join(', ')}`, {
          field: 'cause',
          value: cmd.cause,
        });
      if (cmd.severity !== 'general' && cmd.severity !== 'severe')
        throw invalid('severity must be general or severe', {
          field: 'severity',
          value: cmd.severity,
        });
      const formDeadlines = cmd.formDeadlines ?? {};
      for (const stage of Object.keys(formDeadlines)) {
        if (!(STAGES.complaint as readonly string[]).includes(stage))
          throw invalid(`"${stage}" is not a complaint stage`, { stage });
      }
      const events: ComplaintEvent[] = [
        {
          type: 'ComplaintRegistered',
          at,
          by,
          cause: cmd.cause,
          category: categoryOf(cmd.cause),
          severity: cmd.severity,
          formDeadlines,
        },
      ];
      const routing = routeSeverity(cmd.severity, policy);
      if (routing.reviewBy)
        events.push({
          type: 'SevereReviewRequested',
          at,
          by,
          reviewerRole: routing.reviewBy.role,
          basis: routing.basis,
        });
      return events;
    }
    case 'CompleteSevereReview': {
      if (state.severeReview !== 'pending' || state.status === 'closed')
        throw illegal('complaint', state.status, cmd.type);
      assertRole(cmd.actor, [policy.complaint.severeReviewer.role], ctx);
      return [{ type: 'SevereReviewCompleted', at, by, remarks: nonEmpty(cmd.remarks, 'remarks') }];
    }
    case 'SubmitInvestigationReport': {
      // 001 §24.2 R&D investigates; jointly with CS when needed (001 §25.2).
      need('investigating');
      assertActorIn(cmd.actor, ['rnd', 'cs'], [], ctx);
      const r = cmd.report;
      nonEmpty(r.findings, 'report.findings');
      nonEmpty(r.responsibleUnit, 'report.responsibleUnit');
      nonEmpty(r.correctiveAction, 'report.correctiveAction');
      const submitted: ComplaintEvent[] = [
        {
          type: 'InvestigationReportSubmitted',
          at,
          by,
          report: r,
          route: routeApproval(policy, 'investigation_report', 0, ctx),
        },
      ];
      // Decision 5 (001 §25.7): another company or a supplier is responsible → CS coordinates.
      const party = r.externalParty?.trim() ?? '';
      if (
        policy.complaint.decisions?.supplierCoordination.value &&
        party !== '' &&
        !state.supplierCoordination
      )
        submitted.push({ type: 'SupplierCoordinationOpened', at, by, party });
      return submitted;
    }
    case 'RecordSupplierCoordination': {
      const sc = state.supplierCoordination;
      if (state.status === 'closed' || !sc || sc.concludedAt !== null)
        throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['cs'], [], ctx);
      return [
        {
          type: 'SupplierCoordinationConcluded',
          at,
          by,
          outcome: nonEmpty(cmd.outcome, 'outcome'),
        },
      ];
    }
    case 'AssignComplaintOwner': {
      // C11 001 §20: the CS manager handles the complaint in person or sends someone.
      if (state.status === 'closed' || !policy.complaint.decisions?.ownerAssignment.value)
        throw illegal('complaint', state.status, cmd.type);
      if (state.owner) throw illegal('complaint', state.status, cmd.type);
      assertActorFits(cmd.actor, 'cs', ['manager'], ctx);
      const ownerId = nonEmpty(cmd.ownerId, 'ownerId');
      return [{ type: 'ComplaintOwnerAssigned', at, by, ownerId, personally: ownerId === by }];
    }
    case 'RecordStoreResult': {
      // Decision 3 (000 §三.6): a store-channel customer hears the handling result within 48 h.
      if (
        state.status === 'closed' ||
        !storeResultOwed(state, policy) ||
        (state.storeResultAt ?? null) !== null
      )
        throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['sales', 'cs'], [], ctx);
      return [
        {
          type: 'StoreResultRecorded',
          at,
          by,
          channel: cmd.channel,
          summary: nonEmpty(cmd.summary, 'summary'),
        },
      ];
    }
    case 'ApproveInvestigationReport':
    case 'ReturnInvestigationReport': {
      // 001 §25.3: the report goes to the VP in charge, who approves it or sends it back.
      need('report_review');
      assertRole(cmd.actor, ['vp'], ctx);
      assertNotSelf(by, state.investigation?.submittedBy ?? null, 'investigation report', ctx);
      return cmd.type === 'ApproveInvestigationReport'
        ? [{ type: 'InvestigationReportApproved', at, by, remarks: cmd.remarks ?? '' }]
        : [{ type: 'InvestigationReportReturned', at, by, reason: nonEmpty(cmd.reason, 'reason') }];
    }
    case 'ProposeResolution': {
      need('proposing');
      assertActorIn(cmd.actor, ['cs'], [], ctx);
      if (state.severeReview === 'pending') {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          'A severe complaint needs the VP review before a resolution is proposed (001 §18)',
          {
            ...ctx,
            status: state.status,
            waitingFor: 'severe_review',
          },
        );
      }
      return [
        { type: 'ResolutionProposed', at, by, revision: proposeRevision(state, cmd, at, policy) },
      ];
    }
    case 'ApproveResolution': {
      need('awaiting_approval');
      const rev = currentRevision();
      const step = nextApprovalStep(rev.route, rev.approvals);
      if (!step) throw illegal('complaint', state.status, cmd.type);
      const approver =
        cmd.personalLimitFen === undefined
          ? cmd.actor
          : { ...cmd.actor, personalLimitFen: cmd.personalLimitFen };
      assertMayApprove({
        policy,
        route: rev.route,
        step,
        approver,
        proposerId: rev.proposedBy,
        approvals: rev.approvals,
      });
      const events: ComplaintEvent[] = [
        {
          type: 'ResolutionApprovalSigned',
          at,
          by,
          revision: rev.revision,
          stepIndex: step.index,
          role: step.role,
        },
      ];
      const remaining = rev.route.steps.filter(
        (s) => s.index !== step.index && !rev.approvals.some((a) => a.stepIndex === s.index),
      );
      if (remaining.length === 0)
        events.push({
          type: 'ResolutionApproved',
          at,
          by,
          revision: rev.revision,
          method: rev.method,
          lossAmountFen: rev.loss.totalFen,
        });
      return events;
    }
    case 'SendBackResolution': {
      need('awaiting_approval');
      const rev = currentRevision();
      const step = nextApprovalStep(rev.route, rev.approvals);
      if (!step) throw illegal('complaint', state.status, cmd.type);
      assertNotSelf(by, rev.proposedBy, 'proposal', ctx);
      assertActorFits(cmd.actor, step.department ?? null, [step.role], ctx);
      return [
        {
          type: 'ResolutionSentBack',
          at,
          by,
          revision: rev.revision,
          stepIndex: step.index,
          reason: nonEmpty(cmd.reason, 'reason'),
        },
      ];
    }
    case 'RecordCustomerResponse': {
      // 001 §25.6: sales relays the decision by letter or phone, never a copy of the form.
      need('awaiting_customer');
      assertActorIn(cmd.actor, ['sales'], [], ctx);
      if (cmd.via !== 'letter' && cmd.via !== 'phone') {
        throw new DomainError(
          'CUSTOMER_CHANNEL_FORBIDDEN',
          'The decision is relayed by letter or phone only; the internal form is never copied to the customer (001 §25.6)',
          {
            ...ctx,
            via: cmd.via,
            allowed: ['letter', 'phone'],
          },
        );
      }
      const rev = currentRevision();
      const note = cmd.note ?? '';
      const decisions = policy.complaint.decisions;
      const severity = state.classification?.severity ?? 'general';
      if (
        decisions?.severeDecisionByLetter.value &&
        severity === 'severe' &&
        cmd.via !== 'letter'
      ) {
        // Decision 4 (001 §18): a severe complaint's decision goes to the customer by letter.
        throw new DomainError(
          'LETTER_REQUIRED',
          'A severe complaint’s decision goes to the customer by letter (函告, 001 §18); phone alone is refused',
          { ...ctx, field: 'command.via', via: cmd.via, allowed: ['letter'], severity },
        );
      }
      const letter =
        decisions && cmd.via === 'letter'
          ? {
              letter: {
                severity,
                method: rev.method,
                lossAmountFen: rev.loss.totalFen,
                reference: `${state.caseNumber}-L${rev.revision}`,
              },
            }
          : {};
      if (!cmd.accepted) {
        // 001 §25.5: CS files a new form with the original attached → back to the proposal.
        return [
          {
            type: 'CustomerRejected',
            at,
            by,
            revision: rev.revision,
            via: cmd.via,
            note,
            nextRevision: rev.revision + 1,
            ...letter,
          },
        ];
      }
      return [
        { type: 'CustomerAccepted', at, by, revision: rev.revision, via: cmd.via, note, ...letter },
        ...startExecution(state, rev, at, by),
      ];
    }
    case 'IssueDiscountCertificate': {
      const ob = obligation(state, 'discount_certificate', cmd.type);
      if (ob.certificateNumber !== null) throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['sales'], [], ctx);
      const approved = currentRevision().loss.totalFen;
      if (!Number.isSafeInteger(cmd.amountFen) || cmd.amountFen <= 0)
        throw invalid('amountFen must be a positive whole number of fen', {
          amountFen: cmd.amountFen,
        });
      if (cmd.amountFen > approved) {
        // 001 §25.6: sales may not promise anything beyond the approved decision.
        throw new DomainError(
          'EXCEEDS_APPROVED_DECISION',
          `${formatFen(cmd.amountFen)} exceeds the approved ${formatFen(approved)}`,
          {
            ...ctx,
            amountFen: cmd.amountFen,
            approvedFen: approved,
          },
        );
      }
      const route = routeApproval(policy, 'discount_certificate', cmd.amountFen, ctx);
      return [
        {
          type: 'DiscountCertificateIssued',
          at,
          by,
          certificateNumber: nonEmpty(cmd.certificateNumber, 'certificateNumber'),
          amountFen: cmd.amountFen,
          route,
        },
      ];
    }
    case 'SignDiscountCertificate': {
      const ob = obligation(state, 'discount_certificate', cmd.type);
      if (ob.certificateNumber === null || ob.salesVpSignedBy !== null)
        throw illegal('complaint', state.status, cmd.type);
      assertRole(cmd.actor, ['sales_vp'], ctx);
      assertNotSelf(by, ob.issuedBy, 'discount certificate', ctx);
      return [
        { type: 'DiscountCertificateSigned', at, by, certificateNumber: ob.certificateNumber },
      ];
    }
    case 'RecordCertificateCustomerSignature': {
      const ob = obligation(state, 'discount_certificate', cmd.type);
      if (ob.certificateNumber === null || ob.salesVpSignedBy === null || ob.customerSigned)
        throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['sales'], [], ctx);
      return [
        {
          type: 'DiscountCertificateCustomerSigned',
          at,
          by,
          certificateNumber: ob.certificateNumber,
        },
      ];
    }
    case 'BookDiscountCertificate': {
      // 001 §29.1(1): one copy stays with sales, one goes to finance, which books it.
      const ob = obligation(state, 'discount_certificate', cmd.type);
      if (ob.certificateNumber === null || !ob.customerSigned || ob.bookedByFinance)
        throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['finance'], [], ctx);
      return [
        {
          type: 'DiscountCertificateBooked',
          at,
          by,
          certificateNumber: ob.certificateNumber,
          copies: [
            { holder: 'sales', copy: 1 },
            { holder: 'finance', copy: 2 },
          ],
        },
        completed(state, at, by),
      ];
    }
    case 'RequestRepairRegistration': {
      // 001 §7 (patch `repair-child`): the repair child is opened with its service register
      // entry; the complaint knows the customer and the problem, CS writes the rest.
      const ob = obligation(state, 'child_case', cmd.type);
      if (ob.childType !== 'repair' || ob.childCaseNumber !== null || ob.repair !== undefined)
        throw illegal('complaint', state.status, cmd.type);
      const { intake } = state;
      return [
        {
          type: 'RepairRegistrationRequested',
          at,
          by,
          known: {
            customerName:
              intake.customerName.trim() !== '' ? intake.customerName : cmd.customer.name,
            phone: cmd.customer.phone ?? '',
            problem: intake.reasons.trim() !== '' ? intake.reasons : intake.demand,
          },
        },
      ];
    }
    case 'RegisterRepair': {
      // 001 §7: CS logs the request in the service register: name, address, phone, model,
      // spec, purchase date and place, service kind (001 §6); then the repair child starts.
      const ob = obligation(state, 'child_case', cmd.type);
      const reg = ob.repair;
      if (ob.childType !== 'repair' || !reg || reg.entry !== null)
        throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['cs'], [], ctx);
      if (cmd.serviceKind === 'D')
        throw invalid(
          'A complaint’s repair serves its customer: service kind A, B or C (D is internal service, without a customer, 001 §6)',
          { ...ctx, field: 'command.serviceKind', value: cmd.serviceKind },
        );
      const entry = serviceRegisterEntry(
        {
          customerName: cmd.customerName ?? reg.known.customerName,
          address: cmd.address,
          phone: cmd.phone ?? reg.known.phone,
          productModel: cmd.productModel,
          spec: cmd.spec,
          purchaseDate: cmd.purchaseDate,
          purchasePlace: cmd.purchasePlace,
          serviceKind: cmd.serviceKind,
          problem: cmd.problem ?? reg.known.problem,
          channel: 'complaint',
        },
        'command.',
      );
      return [
        {
          type: 'RepairRegistered',
          at,
          by,
          entry,
          registeredBy: {
            userId: cmd.actor.userId,
            department: cmd.actor.department,
            roles: [...cmd.actor.roles],
          },
        },
      ];
    }
    case 'RecordChildCaseStarted': {
      const ob = obligation(state, 'child_case', cmd.type);
      if (ob.childCaseNumber !== null || ob.repair?.entry === null)
        throw illegal('complaint', state.status, cmd.type);
      return [
        {
          type: 'ChildCaseStarted',
          at,
          by,
          childCaseNumber: nonEmpty(cmd.childCaseNumber, 'childCaseNumber'),
        },
      ];
    }
    case 'RecordChildCaseCompleted': {
      const ob = obligation(state, 'child_case', cmd.type);
      if (ob.childCaseNumber !== cmd.childCaseNumber || ob.completed) {
        throw invalid(
          `Child case ${cmd.childCaseNumber} is not the open child of ${state.caseNumber}`,
          { ...ctx, expected: ob.childCaseNumber },
        );
      }
      return [
        {
          type: 'ChildCaseCompleted',
          at,
          by,
          childCaseNumber: cmd.childCaseNumber,
          outcome: cmd.outcome,
        },
        completed(state, at, by),
      ];
    }
    case RECORD_REPAIR_COMPLETED: {
      // The CS hand-off of a repair: the child case (its reserved WX number) is completed with
      // the outcome CS reports, as the workflow records a child's result (by `system`).
      if (state.execution?.kind === 'child_case' && state.execution.repair !== undefined)
        throw invalid(
          `The repair runs as a child case (${state.execution.childCaseNumber ?? 'not started yet'}) and reports its own outcome`,
          { ...ctx, childCaseNumber: state.execution.childCaseNumber },
        );
      const outcome = cmd.outcome;
      if (typeof outcome !== 'string' || outcome.trim() === '')
        throw invalid('outcome is required', { field: 'command.outcome' });
      const childCaseNumber =
        state.execution?.kind === 'child_case' ? (state.execution.childCaseNumber ?? '') : '';
      return decide(
        state,
        { type: 'RecordChildCaseCompleted', actor: SYSTEM, childCaseNumber, outcome },
        at,
        policy,
      );
    }
    case 'RecordReceivableCollected': {
      // 001 §25.8: not established → sales collects the receivable on the normal terms.
      const ob = obligation(state, 'receivable', cmd.type);
      if (ob.collected || (ob.petition !== null && ob.petition.decision !== 'collect'))
        throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['sales'], [], ctx);
      return [{ type: 'ReceivableCollected', at, by }, completed(state, at, by)];
    }
    case 'FilePetition': {
      const ob = obligation(state, 'receivable', cmd.type);
      if (ob.collected || ob.petition !== null) throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['sales'], [], ctx);
      return [
        {
          type: 'PetitionFiled',
          at,
          by,
          reason: nonEmpty(cmd.reason, 'reason'),
          route: routeApproval(policy, 'petition', 0, ctx),
        },
      ];
    }
    case 'DecidePetition': {
      const ob = obligation(state, 'receivable', cmd.type);
      if (ob.petition === null || ob.petition.decidedBy !== null)
        throw illegal('complaint', state.status, cmd.type);
      const step = routeApproval(policy, 'petition', 0, ctx).steps[0];
      if (step) assertActorFits(cmd.actor, step.department ?? null, [step.role], ctx);
      assertNotSelf(by, ob.petition.filedBy, 'petition', ctx);
      const events: ComplaintEvent[] = [
        { type: 'PetitionDecided', at, by, decision: cmd.decision, remarks: cmd.remarks ?? '' },
      ];
      if (cmd.decision === 'waive') events.push(completed(state, at, by));
      return events;
    }
    case 'RecordResupplyShipped': {
      const ob = obligation(state, 'resupply', cmd.type);
      if (ob.done) throw illegal('complaint', state.status, cmd.type);
      assertActorIn(cmd.actor, ['warehouse', 'sales'], [], ctx);
      return [{ type: 'ResupplyShipped', at, by }, completed(state, at, by)];
    }
    case 'ConfirmImprovementEffect': {
      // 001 §24.3(5): CS confirms the effect of the improvement before the case may close.
      need('improvement_tracking');
      assertActorIn(cmd.actor, ['cs'], [], ctx);
      return [{ type: 'ImprovementConfirmed', at, by, effect: nonEmpty(cmd.effect, 'effect') }];
    }
    case 'CloseComplaint': {
      need('ready_to_close');
      assertActorIn(cmd.actor, ['cs'], [], ctx);
      const decisions = policy.complaint.decisions;
      let summary: { summary?: string; preventiveMeasure?: string } = {};
      if (decisions) {
        if (decisions.firstResponseRequiredToClose.value && state.firstResponseAt === null)
          // Decision 3: a case cannot close without a recorded first response.
          throw new DomainError(
            'FIRST_RESPONSE_REQUIRED',
            'The customer’s first response is not recorded; the complaint cannot close (000 §三.6)',
            { ...ctx, waitingFor: 'first_response' },
          );
        if (decisions.ownerAssignment.value && !state.owner)
          throw new DomainError(
            'ILLEGAL_TRANSITION',
            'The CS manager has not named the complaint’s owner (001 §20)',
            { ...ctx, status: state.status, waitingFor: 'owner_assignment' },
          );
        const sc = state.supplierCoordination;
        if (sc && sc.concludedAt === null)
          throw new DomainError(
            'ILLEGAL_TRANSITION',
            `The coordination with ${sc.party} is still open (001 §25.7)`,
            { ...ctx, status: state.status, waitingFor: 'supplier_coordination' },
          );
        if (decisions.closeSummaryRequired.value)
          // C29 (000 §三.7; 003 §四.3): a summary analysis and a preventive measure at every close.
          summary = {
            summary: nonEmpty(cmd.summary ?? '', 'command.summary'),
            preventiveMeasure: nonEmpty(cmd.preventiveMeasure ?? '', 'command.preventiveMeasure'),
          };
        else if (cmd.summary !== undefined)
          summary = { summary: cmd.summary, preventiveMeasure: cmd.preventiveMeasure ?? '' };
      }
      return [
        { type: 'ComplaintClosed', at, by, acceptedAt: state.acceptedAt, ...summary },
        // 003 §四.3 / DOMAIN §5: a follow-up call (its own HF case) within the policy's time after close.
        {
          type: 'FollowUpRequested',
          at,
          by,
          parentCaseNumber: state.caseNumber,
          within: policy.followUp.afterClose,
        },
      ];
    }
  }
}

/**
 * The intake fields 001 §25.1 requires, whoever opens the complaint (Decision 1). With the
 * report instant, the occurrence time (C02) is also held to it: never after the report.
 */
export function assertComplaintIntake(i: ComplaintIntake, reportedAt?: number): void {
  nonEmpty(i.customerName, 'intake.customerName');
  nonEmpty(i.orderNumber, 'intake.orderNumber');
  nonEmpty(i.batchNumber, 'intake.batchNumber');
  nonEmpty(i.demand, 'intake.demand');
  if (!isIsoDate(i.shipDate))
    throw invalid('intake.shipDate must be a date YYYY-MM-DD', {
      field: 'intake.shipDate',
      value: i.shipDate,
    });
  if (!COMPLAINT_CHANNELS.includes(i.channel))
    throw invalid(`intake.channel must be one of ${COMPLAINT_CHANNELS.join(', ')}`, {
      field: 'intake.channel',
    });
  positiveInt(i.defectiveQuantity, 'intake.defectiveQuantity');
  if (i.productSpec !== undefined) nonEmpty(i.productSpec, 'intake.productSpec');
  if (i.occurredAt !== undefined) assertOccurredAt(i.occurredAt, i.shipDate, reportedAt);
}

/**
 * C02 (001 §24.1(1)): the problem occurred at an instant between the ship day (Asia/Shanghai,
 * from its start: a unit fails the day it ships) and the report (a problem cannot be reported
 * before it happens).
 */
function assertOccurredAt(occurredAt: string, shipDate: string, reportedAt?: number): void {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(occurredAt) ? Date.parse(occurredAt) : Number.NaN;
  const refuse = (why: string) =>
    invalid(`intake.occurredAt ${why}`, { field: 'intake.occurredAt', value: occurredAt });
  if (Number.isNaN(ms)) throw refuse('must be an ISO-8601 instant');
  if (reportedAt !== undefined && ms > reportedAt) throw refuse('must not be in the future');
  if (ms < localToInstant(`${shipDate} 00:00`).getTime())
    throw refuse(`must not be before the ship date ${shipDate}`);
}

function reportComplaint(
  cmd: Extract<ComplaintCommand, { type: 'ReportComplaint' }>,
  at: number,
  policy: PolicyDocument,
): ComplaintEvent {
  // Decision 1: anyone who works takes a complaint (002 ch.14); the opener's department owns
  // the 24 h first response when it is sales or CS, otherwise CS does.
  const firstResponder = firstResponderFor(cmd.actor.department);
  const parsed = parseCaseNumber(cmd.caseNumber);
  if (!parsed || parsed.prefix !== policy.numbering.prefixes.complaint) {
    throw new DomainError(
      'CASE_NUMBER_INVALID',
      `"${cmd.caseNumber}" is not a complaint number (${policy.numbering.prefixes.complaint}yyyymm-seq)`,
      { caseNumber: cmd.caseNumber },
    );
  }
  const i = cmd.intake;
  assertComplaintIntake(i, at);
  return {
    type: 'ComplaintReported',
    at,
    by: cmd.actor.userId,
    caseNumber: cmd.caseNumber,
    policyVersion: policy.version,
    intake: i,
    // absent = sales, as every complaint reported before Decision 1 (their events stay as they were)
    ...(firstResponder === 'sales' ? {} : { firstResponder }),
  };
}

/** Decision 3: a store-channel complaint owes its handling result within the policy's 48 h. */
export const storeResultOwed = (state: ComplaintState, policy: PolicyDocument): boolean =>
  (policy.complaint.decisions?.storeChannelResult.value ?? false) &&
  state.intake.channel === 'store';

/** Decision 1: who owes the first response of a complaint the actor opens. */
export const firstResponderFor = (department: string): 'sales' | 'cs' =>
  department === 'sales' ? 'sales' : 'cs';

function proposeRevision(
  state: ComplaintState,
  cmd: Extract<ComplaintCommand, { type: 'ProposeResolution' }>,
  at: number,
  policy: PolicyDocument,
): ComplaintFormRevision {
  if (!HANDLING_METHODS.includes(cmd.method))
    throw invalid(`method must be one of ${HANDLING_METHODS.join(', ')}`, { field: 'method' });
  nonEmpty(cmd.responsibleUnit, 'responsibleUnit');
  const needsQuantity =
    cmd.method === 'return' || cmd.method === 'rework' || cmd.method === 'exchange';
  const approvedReturnQuantity = needsQuantity
    ? positiveInt(cmd.approvedReturnQuantity ?? 0, 'approvedReturnQuantity')
    : null;
  const loss = computeLossAmount(cmd.lossBasis, policy);
  const ctx = { caseNumber: state.caseNumber, method: cmd.method };
  // Decision 10 (001 §25.4): penalties follow the policy's penalty basis table.
  assertPenaltiesWithinBasis(policy, cmd.penalties, {
    category: state.classification?.category ?? 'non_quality',
    severity: state.classification?.severity ?? 'general',
    humanNegligence: cmd.humanNegligence,
    caseNumber: state.caseNumber,
  });
  // 001 §27 by amount; 001 §25.4 individual penalties also need the VP in charge.
  const route = withPenaltyApproval(
    routeApproval(policy, 'handling_decision', loss.totalFen, ctx),
    cmd.penalties.length > 0,
    policy,
    ctx,
  );
  const last = state.revisions[state.revisions.length - 1];
  return {
    revision: (last?.revision ?? 0) + 1,
    supersedes: last?.revision ?? null,
    reason: !last
      ? 'initial'
      : last.outcome === 'rejected_by_customer'
        ? 'customer_rejected'
        : 'sent_back',
    proposedBy: cmd.actor.userId,
    proposedAt: at,
    responsibleUnit: cmd.responsibleUnit,
    responsiblePersons: cmd.responsiblePersons,
    method: cmd.method,
    trackImprovement: improvementTrackingRequired(
      cmd.trackImprovement,
      cmd.humanNegligence,
      policy,
    ),
    humanNegligence: cmd.humanNegligence,
    loss,
    penalties: cmd.penalties,
    approvedReturnQuantity,
    notes: cmd.notes ?? '',
    route,
    approvals: [],
    outcome: 'pending',
  };
}

function withPenaltyApproval(
  route: ApprovalRoute,
  hasPenalties: boolean,
  policy: PolicyDocument,
  ctx: Record<string, unknown>,
): ApprovalRoute {
  if (!hasPenalties) return route;
  const penalty = routeApproval(policy, 'individual_penalty', 0, ctx);
  const extra = penalty.steps.filter(
    (p) => !route.steps.some((s) => s.role === p.role && s.department === p.department),
  );
  const steps = [
    ...route.steps,
    ...extra.map((s, i) => ({ ...s, index: route.steps.length + i, source: 'mandatory' as const })),
  ];
  return {
    ...route,
    steps,
    requiredLevel: Math.max(route.requiredLevel, penalty.requiredLevel),
    explanation: {
      ...route.explanation,
      mandatoryAdded: [
        ...route.explanation.mandatoryAdded,
        ...extra.map((s) => ({ role: s.role, basis: s.basis })),
      ],
    },
  };
}

const CHILD_OF: Partial<Record<HandlingMethod, 'return' | 'repair'>> = {
  return: 'return',
  rework: 'return',
  exchange: 'return',
  repair: 'repair',
};

function startExecution(
  state: ComplaintState,
  rev: ComplaintFormRevision,
  at: number,
  by: string,
): ComplaintEvent[] {
  const child = CHILD_OF[rev.method];
  let obligation: ExecutionObligation;
  if (rev.method === 'discount' || rev.method === 'compensation') {
    obligation = {
      kind: 'discount_certificate',
      certificateNumber: null,
      amountFen: null,
      issuedBy: null,
      salesVpSignedBy: null,
      customerSigned: false,
      bookedByFinance: false,
    };
  } else if (child) {
    obligation = {
      kind: 'child_case',
      childType: child,
      childCaseNumber: null,
      completed: false,
      outcome: null,
    };
  } else if (rev.method === 'not_established') {
    obligation = { kind: 'receivable', collected: false, petition: null };
  } else if (rev.method === 'resupply') {
    obligation = { kind: 'resupply', done: false };
  } else {
    obligation = { kind: 'none' };
  }
  const events: ComplaintEvent[] = [
    { type: 'ExecutionStarted', at, by, revision: rev.revision, obligation },
  ];
  if (child)
    events.push({
      type: 'ChildCaseRequested',
      at,
      by,
      childType: child,
      method: rev.method,
      approvedQuantity: rev.approvedReturnQuantity,
      parentCaseNumber: state.caseNumber,
    });
  if (obligation.kind === 'none')
    events.push({ type: 'ExecutionCompleted', at, by, improvementRequired: rev.trackImprovement });
  return events;
}

function obligation<K extends ExecutionObligation['kind']>(
  state: ComplaintState,
  kind: K,
  command: string,
): Extract<ExecutionObligation, { kind: K }> {
  const ob = state.execution;
  if (state.status !== 'executing' || !ob || ob.kind !== kind) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `${command} needs an open ${kind.replace('_', ' ')} execution`,
      {
        caseNumber: state.caseNumber,
        status: state.status,
        command,
        execution: ob?.kind ?? null,
      },
    );
  }
  return ob as Extract<ExecutionObligation, { kind: K }>;
}

function completed(state: ComplaintState, at: number, by: string): ComplaintEvent {
  const rev = state.revisions[state.revisions.length - 1];
  return {
    type: 'ExecutionCompleted',
    at,
    by,
    improvementRequired: rev?.trackImprovement ?? false,
  };
}

import { defaultPayloadConverter } from '@temporalio/common';
import {
  type CaseActor,
  RETURN_WORKFLOW_TYPE,
  type ReturnOutcome,
  type ReturnWorkflowInput,
  type StandaloneReturnRequest,
} from '@aso/contracts';
import { type PolicyDocument, type ReturnState, caseNumberAt, defaultPolicy } from '@aso/domain';
import { people } from './actors';
import { eventually } from './poll';
import type { CaseDriver, Harness } from './harness';

/** The sales supervisor (销售主管) who answers after-sales requests first (001 篇3 一般售后 1). */
export const salesSupervisor = {
  userId: 'sales-s',
  department: 'sales',
  roles: ['supervisor'],
} satisfies CaseActor;

export type StandaloneReturnDriver = CaseDriver<ReturnState>;

let seq = 0;

/**
 * A customer's own request, recorded by sales (001 篇3 退货流程 1–2): a retail no-reason return of
 * one recorder delivered `deliveredAt`, asked for `requestedAt`, unless `standalone` says otherwise.
 */
export async function startStandaloneReturn(
  h: Harness,
  over: {
    deliveredAt: Date;
    requestedAt: Date;
    openedAt?: Date;
    standalone?: (s: StandaloneReturnRequest) => StandaloneReturnRequest;
    policy?: PolicyDocument;
    openedBy?: CaseActor;
  },
): Promise<StandaloneReturnDriver> {
  const openedAt = over.openedAt ?? (await h.now());
  const caseNumber = caseNumberAt('TH', openedAt, 900 + ++seq);
  const base: StandaloneReturnRequest = {
    request: {
      orderNumber: 'TB-20261201-1',
      serialNumber: 'SN-DVR-0001',
      reason: '不想要了',
      customerAccount: 'wangwang:li_si',
      quantity: 1,
      method: 'refund',
      kind: 'return',
      channel: 'online',
      customerKind: 'retail',
      requestedAt: over.requestedAt.toISOString(),
    },
    eligibility: {
      customerKind: 'retail',
      reason: 'no_reason',
      requestType: 'return',
      deliveredAt: over.deliveredAt.getTime(),
      requestedAt: over.requestedAt.getTime(),
      qualityProblemConfirmed: false,
      poweredOn: false,
      partsReturned: ['packaging', 'accessories', 'warranty_card', 'unit'],
    },
    customerPhone: '13900000000',
  };
  const standalone = over.standalone ? over.standalone(base) : base;
  const input: ReturnWorkflowInput = {
    organisationId: 'org-test',
    storeId: null,
    caseNumber,
    parentCaseNumber: null,
    openedAt: openedAt.toISOString(),
    openedBy: over.openedBy ?? people.sales,
    approvedQuantity: null,
    method: standalone.request.method,
    orderNumber: standalone.request.orderNumber,
    customerName: '李四',
    reason: standalone.request.reason,
    policy: over.policy ?? defaultPolicy,
    standalone,
  };
  await h.env.client.workflow.start(RETURN_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: h.taskQueue,
    args: [input],
  });
  return h.driver<ReturnState>(caseNumber);
}

/** The supervisor's answer did not settle it (R10): the request goes to approval. */
export async function answerUnresolved(r: StandaloneReturnDriver): Promise<void> {
  await r.complete('return_supervisor_answer', salesSupervisor, {
    type: 'RecordSupervisorAnswer',
    answer: '解释了停车监控的设置, 客户仍要退货',
    resolved: false,
  });
}

/** The outcome, decoded from the completed history (see repairResult for why not result()). */
export async function returnResult(r: StandaloneReturnDriver): Promise<ReturnOutcome> {
  const completed = await eventually(async () => {
    const history = await r.handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes)
      ?.workflowExecutionCompletedEventAttributes;
  }, `${r.caseNumber} to complete`);
  const [payload] = completed.result?.payloads ?? [];
  return defaultPayloadConverter.fromPayload(payload!) as ReturnOutcome;
}

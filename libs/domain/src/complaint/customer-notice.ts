import { formatLocal } from '../calendar/civil-time';
import type { ComplaintChannel, ComplaintStatus } from './complaint.types';

/**
 * C33 (002 服务流程 3; 003 §四.3; 000 §三.7): tell the customer how the complaint is handled
 * and how long it takes, and keep them informed. A notice is what was said to the customer at
 * acceptance and at each later stage change, on the channel the complaint came in by. Its
 * text is customer-facing: the stage in plain words, never the internal form (loss amounts,
 * penalties, responsible persons; 002 ch.4).
 */
export interface CustomerNotice {
  stage: CustomerNoticeStage;
  channel: ComplaintChannel;
  message: string;
  /** when the case is expected to be concluded (the closing clock's due), if it runs */
  expectedBy: string | null;
}

export type CustomerNoticeStage =
  'accepted' | 'investigation_done' | 'decision_ready' | 'executing' | 'closed';

/** 001 §25 / 003 §四.3: the handling process the customer is told at acceptance. */
export const COMPLAINT_PROCESS_FOR_CUSTOMER =
  '受理 → 调查核实 → 提出处理方案 → 审批 → 答复您 → 执行处理 → 回访';

const STAGE_OF: Partial<Record<ComplaintStatus, CustomerNoticeStage>> = {
  investigating: 'accepted',
  proposing: 'investigation_done',
  awaiting_customer: 'decision_ready',
  executing: 'executing',
  closed: 'closed',
};

/** "2026-12-08 18:00" in the company's zone (Asia/Shanghai) */
const localDay = (iso: string): string =>
  formatLocal(Date.parse(iso)).slice(0, 16).replace('T', ' ');

/**
 * The notice a change of the complaint's status owes the customer, or null (statuses internal
 * to the company — report review, approval, improvement tracking — say nothing new).
 */
export function customerNoticeFor(
  previous: ComplaintStatus | null,
  status: ComplaintStatus,
  channel: ComplaintChannel,
  expectedBy: string | null,
): CustomerNotice | null {
  if (previous === status) return null;
  const stage = STAGE_OF[status];
  if (!stage) return null;
  const by = expectedBy ? `预计 ${localDay(expectedBy)} 前给出处理结果。` : '';
  const message = {
    accepted: `您的投诉已受理。处理流程:${COMPLAINT_PROCESS_FOR_CUSTOMER}。${by}`,
    investigation_done: `调查核实已完成,我们正在制定处理方案。${by}`,
    decision_ready: '处理方案已确定,销售人员将以电话或书面方式向您答复。',
    executing: '处理方案已获您同意,正在执行。',
    closed: '您的投诉已处理完毕并结案,我们将回访了解您的满意度。',
  }[stage];
  return { stage, channel, message, expectedBy };
}

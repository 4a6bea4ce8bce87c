import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_TYPES, STAGES } from '@aso/domain';
import {
  consignmentTaskCommandSchemas,
  followUpTaskCommandSchemas,
  improvementTaskCommandSchemas,
  repairTaskCommandSchemas,
  reviewTaskCommandSchemas,
  taskCommandSchemas,
} from '@aso/contracts';
import {
  COMMAND_LABELS,
  DOC_STATUS_LABELS,
  DOC_TYPE_LABELS,
  STAGE_LABELS,
  TASK_TYPE_LABELS,
} from '../../../web/src/i18n/labels';

/**
 * The web app's labels (apps/web/src/i18n/labels.ts) cover every stage of the domain's STAGES,
 * every task type the domain's work items create (and the workflows' `escalation`) and every
 * task command of the contracts, and every document type and status of the workflows' records,
 * each in zh-CN and en-US — like the error-code message table
 * (error-messages.spec.ts).
 */
const commands = [
  ...new Set(
    [
      ...taskCommandSchemas,
      ...repairTaskCommandSchemas,
      ...consignmentTaskCommandSchemas,
      ...followUpTaskCommandSchemas,
      ...reviewTaskCommandSchemas,
      ...improvementTaskCommandSchemas,
    ].map((s) => s.shape.type.value as string),
  ),
];
const stages: string[] = [...new Set(CASE_TYPES.flatMap((t): string[] => [...STAGES[t]]))];

/**
 * Task types are string literals of the domain's work-item tables (`item('cs_registration', …)`,
 * `type: 'monthly_review'`, `item(`resolution_approval:r…`, …, 2, 'resolution_approval')`): read from those sources, so a new work item is seen here.
 */
const domainSrc = join(__dirname, '..', '..', '..', '..', 'libs', 'domain', 'src');
const workItemSources = readdirSync(domainSrc, { recursive: true, encoding: 'utf8' })
  .filter((f) => /work-items\.ts$/.test(f))
  .map((f) => readFileSync(join(domainSrc, f), 'utf8'));
const taskTypes = [
  ...new Set([
    'escalation',
    ...workItemSources.flatMap((s) => [
      ...[...s.matchAll(/\bitem\(\s*'([a-z_]+)'/g)].map((m) => m[1] as string),
      ...[...s.matchAll(/\btype: '([a-z_]+)'/g)].map((m) => m[1] as string),
      // the complaint's item(key, …, priority, type) when the key is not the type
      ...[...s.matchAll(/\d,\s*'([a-z_]+)',?\s*\)/g)].map((m) => m[1] as string),
    ]),
  ]),
].sort();

/**
 * Document types and statuses are string literals of the workflows' records
 * (`docType: 'consignment_list'`, `status: 'counted'`, `status: e.customerPresent ? 'drafted' :
 * 'awaiting_signature'`): read from those sources (and review.links.ts), so a new one is seen.
 * Statuses a helper sets (`slip('countersigned')`) are labelled too but not found by the scan,
 * so the status table is not checked for extras.
 */
const workflowsSrc = join(__dirname, '..', '..', '..', '..', 'workflows', 'src');
const recordSources = readdirSync(workflowsSrc, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(records|links)\.ts$/.test(f))
  .map((f) => readFileSync(join(workflowsSrc, f), 'utf8'));
const docTypes = [
  ...new Set(
    recordSources.flatMap((s) => [...s.matchAll(/\bdocType: '([a-z_]+)'/g)].map((m) => m[1]!)),
  ),
].sort();
const docStatuses = [
  ...new Set(
    recordSources.flatMap((s) =>
      [...s.matchAll(/\bstatus:\s*(?:[^'\n,]*\?\s*)?'([a-z_]+)'(?:\s*:\s*'([a-z_]+)')?/g)].flatMap(
        (m) => [m[1]!, ...(m[2] ? [m[2]] : [])],
      ),
    ),
  ),
].sort();

const hasBoth = (table: Record<string, readonly [string, string]>, value: string) => {
  const pair = table[value];
  expect({ value, zh: pair?.[0]?.trim() || null, en: pair?.[1]?.trim() || null }).toEqual({
    value,
    zh: expect.stringMatching(/[\u4e00-\u9fff]/),
    en: expect.stringMatching(/^[A-Za-z]/),
  });
};

describe('web labels (apps/web/src/i18n/labels.ts)', () => {
  it('finds the lists it checks (no vacuous pass)', () => {
    expect(commands).toEqual(
      expect.arrayContaining(['RegisterComplaint', 'ApproveResolution', 'DispatchTechnician']),
    );
    expect(stages).toEqual(expect.arrayContaining(['registration', 'refund', 'dispatch', 'call']));
    expect(taskTypes).toEqual(
      expect.arrayContaining(['cs_registration', 'goods_receipt', 'monthly_review', 'escalation']),
    );
    expect(workItemSources.length).toBeGreaterThanOrEqual(5);
    expect(docTypes).toEqual(
      expect.arrayContaining(['complaint_form', 'consignment_list', 'reward_penalty_notice']),
    );
    expect(docStatuses).toEqual(
      expect.arrayContaining(['counted', 'awaiting_signature', 'settled', 'published', 'applied']),
    );
  });

  it.each(stages)('stage %s has a zh-CN and an en-US label', (s) => hasBoth(STAGE_LABELS, s));
  it.each(taskTypes)('task type %s has a zh-CN and an en-US label', (t) =>
    hasBoth(TASK_TYPE_LABELS, t),
  );
  it.each(commands)('command %s has a zh-CN and an en-US label', (c) => hasBoth(COMMAND_LABELS, c));

  it.each(docTypes)('document type %s has a zh-CN and an en-US label', (d) =>
    hasBoth(DOC_TYPE_LABELS, d),
  );
  it.each(docStatuses)('document status %s has a zh-CN and an en-US label', (d) =>
    hasBoth(DOC_STATUS_LABELS, d),
  );

  it('labels only commands the contracts list and stages the domain lists', () => {
    expect(Object.keys(COMMAND_LABELS).filter((c) => !commands.includes(c))).toEqual([]);
    expect(Object.keys(STAGE_LABELS).filter((s) => !stages.includes(s))).toEqual([]);
    expect(Object.keys(TASK_TYPE_LABELS).filter((t) => !taskTypes.includes(t))).toEqual([]);
    expect(Object.keys(DOC_TYPE_LABELS).filter((d) => !docTypes.includes(d))).toEqual([]);
  });
});

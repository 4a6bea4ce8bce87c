import { Tag } from 'antd';
import type { Schemas } from '../../api/client';

export const DEPARTMENTS = [
  'sales',
  'rnd',
  'cs',
  'finance',
  'warehouse',
  'tech',
  'gm_office',
  'hr',
] as const;
export const ROLES = [
  'staff',
  'supervisor',
  'manager',
  'vp',
  'sales_vp',
  'gm',
  'auditor',
  'admin',
] as const;

export const COMPANY_LEADS = ['vp', 'gm'];

/** The route of an approval (routeApproval in the domain), as the live state keeps it. */
export interface ApprovalRouteView {
  action: string;
  amountFen: number;
  requiredLevel: number;
  steps: Array<{ index: number; role: string; department?: string; source: string; basis: string }>;
  explanation: {
    policyVersion: number;
    matchedRow: Record<string, unknown> & { upToFen?: number | null };
    bracket: { aboveFen: number | null; upToFen: number | null };
    mandatoryAdded: Array<{ role: string; basis: string }>;
  };
}

/**
 * The approval route the task asks about, from the case's live state: the handling form's
 * pending revision for ApproveResolution, the investigation report's route for its approval,
 * else the routes the state keeps beside the revisions.
 */
export function routeOf(
  task: Schemas['TaskView'],
  c: Schemas['CaseView'] | undefined,
): ApprovalRouteView | null {
  const state = (c?.live?.state ?? {}) as {
    revisions?: Array<{ outcome: string; route?: ApprovalRouteView }>;
    approvalRoutes?: Record<string, ApprovalRouteView | undefined>;
  };
  if (task.commands.includes('ApproveResolution')) {
    const revs = state.revisions ?? [];
    const pending =
      [...revs].reverse().find((r) => r.outcome === 'pending') ?? revs[revs.length - 1];
    return pending?.route ?? null;
  }
  if (task.commands.includes('ApproveInvestigationReport'))
    return state.approvalRoutes?.investigation_report ?? null;
  const routes = Object.values(state.approvalRoutes ?? {}).filter(Boolean);
  return routes[routes.length - 1] ?? null;
}

export const isApproval = (t: Schemas['TaskView']) =>
  t.commands.some((c) => c.startsWith('Approve'));

export const isEscalation = (t: Schemas['TaskView']) =>
  t.escalationLevel > 0 || t.escalatesTaskId !== null;

export function EscalationTag({ level }: { level: number }) {
  return level > 0 ? <Tag color="volcano">↑{level}</Tag> : null;
}

import { proxyActivities } from '@temporalio/workflow';
import type { ReviewActivities } from '@aso/contracts';
import type { ReviewState } from '@aso/domain';
import type { CaseLoop } from '../shared/case-definition';
import { sourcesOf } from './review.records';

const activities = proxyActivities<Pick<ReviewActivities, 'linkReviewDocument'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

interface Review {
  current(): ReviewState;
}

interface Link {
  docType: string;
  docNumber: string;
  complaints: string[];
  by: string;
  at: number;
}

/** The documents the state holds, in issue order. */
function documentsOf(s: ReviewState): Link[] {
  const links: Link[] = [];
  const a = s.announcement;
  if (a && s.reviewedBy !== null)
    links.push({
      docType: 'personnel_announcement',
      docNumber: a.docNumber,
      complaints: sourcesOf(a.lines),
      by: s.reviewedBy,
      at: s.reviewedAt ?? s.openedAt,
    });
  const n = s.notice;
  if (n)
    links.push({
      docType: 'reward_penalty_notice',
      docNumber: n.docNumber,
      complaints: sourcesOf(n.lines),
      by: n.issuedBy,
      at: s.reviewedAt ?? s.openedAt,
    });
  return links;
}

/**
 * 001 §28 / issue 13: each document is linked in the audit trail of every complaint it came
 * from. The loop's extension: a turn that finds an issued document not yet linked awaits the
 * (idempotent) activity that appends the link to each complaint's own trail.
 */
export class ReviewLinks implements CaseLoop {
  private readonly linked = new Set<string>();
  private linking = false;

  constructor(
    private readonly input: { organisationId: string; caseNumber: string; policyVersion: number },
    private readonly review: Review,
  ) {}

  wakes(): boolean {
    return !this.linking && this.pending().length > 0;
  }

  turn(): Promise<void> | undefined {
    return !this.linking && this.pending().length > 0 ? this.link() : undefined;
  }

  private pending(): Link[] {
    return documentsOf(this.review.current()).filter((l) => !this.linked.has(l.docNumber));
  }

  private async link(): Promise<void> {
    this.linking = true;
    try {
      for (const l of this.pending()) {
        await activities.linkReviewDocument({
          organisationId: this.input.organisationId,
          reviewCaseNumber: this.input.caseNumber,
          docType: l.docType,
          docNumber: l.docNumber,
          complaints: l.complaints,
          actor: l.by,
          at: new Date(l.at).toISOString(),
          policyVersion: this.input.policyVersion,
        });
        this.linked.add(l.docNumber);
      }
    } finally {
      this.linking = false;
    }
  }
}

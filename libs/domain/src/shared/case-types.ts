/** Case types, named like the case-number prefixes (CASE_PREFIXES) so one key serves both. */
export const CASE_TYPES = [
  'complaint',
  'return',
  'repair',
  'consignment',
  'followUp',
  'review',
  'improvement',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/**
 * Stages that carry a deadline, per case type. Stage names are stable identifiers: policies,
 * SLA ledgers and audit events refer to them.
 */
export const STAGES = {
  complaint: [
    'firstResponse',
    'registration',
    'severeReview',
    'investigationReport',
    'reportReview',
    'proposal',
    'approval',
    'customerResponse',
    'execution',
    'improvement',
    'close',
    // policy v2 (issue 12, the seed decisions): absent from v1 documents, filled by the schema
    /** C11 001 §20: the CS manager handles the complaint personally or names its owner */
    'ownerAssignment',
    /** Decision 3 000 §三.6: a store-channel complaint's handling result within 48 h */
    'storeResult',
    /** Decision 5 001 §25.7: CS coordinates with the responsible supplier / other company */
    'supplierCoordination',
  ],
  return: [
    'supervisorApproval',
    'slipApproval',
    'goodsReceipt',
    'reconciliation',
    'mismatchResolution',
    'refund',
    'reship',
  ],
  repair: ['dispatch', 'outOfTownApproval', 'onSiteService', 'countersign', 'invoice', 'survey'],
  consignment: ['contractSignature', 'salesReport', 'settlement', 'sales', 'goodsReturn'],
  followUp: ['call', 'retry'],
  /** the monthly review of 001 §28 (M01–M03) */
  review: ['review', 'announcement', 'noticeApproval', 'deduction'],
  /** F17 003 §四.4: an improvement measure with its owner (`measure`), then CS's check of it */
  improvement: ['measure', 'check'],
} as const satisfies Record<CaseType, readonly string[]>;

export type StageOf<T extends CaseType> = (typeof STAGES)[T][number];
export type AnyStage = StageOf<CaseType>;

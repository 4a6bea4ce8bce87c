/** Command payloads of the complaint steps (DOMAIN.md §1), as people send them over HTTP. */
export const register = {
  type: 'RegisterComplaint',
  cause: 'product_quality',
  severity: 'general',
};

export const report = {
  type: 'SubmitInvestigationReport',
  report: {
    cause: 'product_quality',
    findings: '电池触点虚焊',
    qualityClaimVerified: true,
    responsibleUnit: '装配车间',
    responsiblePersons: ['worker-17'],
    correctiveAction: '加强焊接检验',
    externalParty: null,
  },
};

/** 3 × ¥300 + ¥20 freight + ¥10 handling = ¥930: within the CS manager's bracket (≤ ¥5,000). */
export const proposal = (method: string, extra: Record<string, unknown> = {}) => ({
  type: 'ProposeResolution',
  responsibleUnit: '装配车间',
  responsiblePersons: ['worker-17'],
  method,
  trackImprovement: false,
  humanNegligence: false,
  lossBasis: {
    unitCostFen: 30_000,
    quantity: 3,
    freightFen: 2_000,
    handlingFen: 1_000,
    compensationFen: 0,
  },
  penalties: [],
  ...extra,
});

/** 24 h first response (000 §三.6); policy v2 refuses a close without it (Decision 3). */
export const firstResponse = {
  type: 'RecordFirstResponse',
  channel: 'phone',
  summary: '已致电客户, 说明处理流程',
};

/** C11 001 §20 (policy v2): the CS manager names the complaint's owner (themself = in person). */
export const assignOwner = (ownerId: string) => ({ type: 'AssignComplaintOwner', ownerId });

/** Decision 3 (policy v2): the store-channel customer hears the handling result within 48 h. */
export const storeResult = {
  type: 'RecordStoreResult',
  channel: 'store',
  summary: '门店告知客户处理结果',
};

/** C29 000 §三.7 (policy v2): every close records a summary analysis and a preventive measure. */
export const close = {
  type: 'CloseComplaint',
  summary: '电池触点虚焊, 批次 B2611 抽检',
  preventiveMeasure: '焊接工序每班首件检验',
};

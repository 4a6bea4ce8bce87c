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

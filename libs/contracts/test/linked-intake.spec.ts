import { parseFollowUpTaskCommand } from '@aso/contracts';

const intake = {
  customerName: '王先生',
  orderNumber: 'SO-1001',
  batchNumber: 'B2611',
  shipDate: '2026-11-01',
  defectiveQuantity: 1,
  demand: '重新处理',
  reasons: '回访: 到达时间 较差',
  channel: 'phone',
  attachments: [],
  salesOpinion: '',
};

describe('the follow-up’s linked complaint intake (Decision 11)', () => {
  it('C02 001 §24.1(1): the product spec (规格) and the occurrence time (发生时间) are carried, not dropped', () => {
    const parsed = parseFollowUpTaskCommand({
      type: 'OpenLinkedComplaint',
      intake: { ...intake, productSpec: 'R-300 32GB', occurredAt: '2026-11-20T10:00:00+08:00' },
    });
    expect(parsed).toEqual({
      ok: true,
      command: {
        type: 'OpenLinkedComplaint',
        intake: { ...intake, productSpec: 'R-300 32GB', occurredAt: '2026-11-20T10:00:00+08:00' },
      },
    });
  });

  it('C02 001 §24.1(1): both stay optional (earlier clients), and an occurrence time that is no instant is refused by its path', () => {
    expect(parseFollowUpTaskCommand({ type: 'OpenLinkedComplaint', intake })).toMatchObject({
      ok: true,
    });
    const bad = parseFollowUpTaskCommand({
      type: 'OpenLinkedComplaint',
      intake: { ...intake, occurredAt: 'last Tuesday' },
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.map((i) => i.path)).toEqual(['command.intake.occurredAt']);
  });
});

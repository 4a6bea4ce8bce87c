/**
 * The service request of the repair suites (001 §7): a paid (A) service taken by phone, as CS
 * writes it into the service register 服务登记簿.
 */
export const serviceRequest = {
  entry: {
    customerName: '张先生',
    address: '上海市浦东新区世纪大道 1 号',
    phone: '13800000000',
    productModel: 'DVR-X1',
    spec: '4K',
    purchaseDate: '2026-06-20',
    purchasePlace: '上海门店',
    serviceKind: 'A',
    problem: '录音笔无法开机',
    channel: 'phone',
  },
};

export const withEntry = (patch: Record<string, unknown>) => ({
  ...serviceRequest,
  entry: { ...serviceRequest.entry, ...patch },
});

const HOUR = 3_600_000;
/** A slot `fromHours` ahead, `hours` long (epoch ms; the API takes what the domain takes). */
export const slotIn = (fromHours: number, hours = 2) => {
  const start = Math.ceil(Date.now() / HOUR) * HOUR + fromHours * HOUR;
  return { start, end: start + hours * HOUR };
};

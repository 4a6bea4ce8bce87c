/**
 * 001 §29.2: finance compares the return quantity approved on the complaint form (第四联) with the
 * quantity actually returned on the return slip; only a match may be booked (voucher, transfer,
 * refund). A mismatch blocks booking and goes back to sales.
 */
export interface Reconciliation {
  approvedQuantity: number;
  returnedQuantity: number;
  matched: boolean;
  difference: number;
  next: 'book_voucher_and_refund' | 'back_to_sales';
}

export function reconcileReturnQuantities(
  approvedQuantity: number,
  returnedQuantity: number,
): Reconciliation {
  const difference = returnedQuantity - approvedQuantity;
  const matched = difference === 0;
  return {
    approvedQuantity,
    returnedQuantity,
    matched,
    difference,
    next: matched ? 'book_voucher_and_refund' : 'back_to_sales',
  };
}

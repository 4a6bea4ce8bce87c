import { DomainError } from '../errors/domain-error';

/**
 * Money is an integer number of fen (分, 1/100 yuan). Binary floats never hold money: 0.1 + 0.2
 * is not 0.3, and an approval limit compared against a float can be off by one fen.
 */
export type Fen = number;

const YUAN_PATTERN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

export function assertFen(value: number, field = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError(
      'MONEY_INVALID',
      `${field} must be an integer number of fen, got ${value}`,
      { field, value },
    );
  }
  return value;
}

/** Parse a decimal yuan string ("1234.5", "-3", "0.07") exactly into fen. */
export function yuanToFen(yuan: string): Fen {
  const m = YUAN_PATTERN.exec(yuan.trim());
  if (!m) {
    throw new DomainError(
      'MONEY_INVALID',
      `"${yuan}" is not a yuan amount with at most two decimals`,
      { value: yuan },
    );
  }
  const whole = Number(m[2]);
  const cents = Number((m[3] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + cents;
  return assertFen(m[1] ? -fen : fen);
}

/** "1234.50" — the inverse of yuanToFen, for storage and forms. */
export function fenToYuan(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "¥1,234.50" — display form; grouping is done by hand so no Intl locale data is needed. */
export function formatFen(fen: Fen): string {
  const plain = fenToYuan(fen);
  const sign = plain.startsWith('-') ? '-' : '';
  const [whole = '0', frac = '00'] = plain.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${frac}`;
}

export function addFen(...amounts: Fen[]): Fen {
  return assertFen(
    amounts.reduce((sum, a) => sum + assertFen(a), 0),
    'sum',
  );
}

/** Unit price × quantity; quantity is a whole number of items. */
export function multiplyFen(unit: Fen, quantity: number): Fen {
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new DomainError(
      'QUANTITY_INVALID',
      `Quantity must be a non-negative integer, got ${quantity}`,
      { quantity },
    );
  }
  return assertFen(assertFen(unit, 'unit') * quantity, 'product');
}

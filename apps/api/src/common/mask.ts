/**
 * Lists show a phone number as 138****8000 (DOMAIN.md "Confidentiality"): enough to tell two
 * customers apart, not enough to call one. Short numbers keep only their last two digits.
 */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (/^\d{0,3}\*+\d{0,4}$/.test(phone)) return phone; // already masked: masking twice must not lose more
  const all = phone.replace(/\D/g, '');
  const digits = all.length === 13 && all.startsWith('86') ? all.slice(2) : all;
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

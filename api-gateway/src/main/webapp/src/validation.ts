/** The services' field rules, checked as people type so that most mistakes never reach a service. */

export const VAT_NUMBER = /^[A-Z]{2}[0-9A-Z]{2,13}$/;
export const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
export const COUNTRY = /^[A-Z]{2}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const CHARGE_POINT_ID = /^[A-Za-z0-9._:-]+$/;
export const USER_TYPE = /^[A-Z][A-Z_]{1,29}$/;
export const SEPA_TEXT = /^[A-Za-z0-9+?/:().,' -]+$/;
export const INVOICE_PREFIX = /^[A-Z0-9]{1,10}$/;
export const CHAMBER_OF_COMMERCE = /^[0-9.]{8,12}$/;
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An IBAN, checked to its check digits (ISO 13616, mod 97). */
export function isIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.substring(4) + iban.substring(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** A decimal with at most this many decimals, 0 or more. */
export function isDecimal(value: string | number | null | undefined, decimals: number): boolean {
  if (value === null || value === undefined || value === '') return false;
  const s = String(value).trim().replace(',', '.');
  return new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(s);
}

export function toDecimal(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(String(value).trim().replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

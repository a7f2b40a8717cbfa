/** Money, energy and time as people read them: in their language, times in the operator's zone. */
import type { Money } from './api/types';

export const DEFAULT_ZONE = 'Europe/Amsterdam';

/** The BCP 47 tag the Intl formatters take for a portal language. */
export function intlLocale(lang: string): string {
  switch (lang) {
    case 'nl':
      return 'nl-NL';
    case 'fr':
      return 'fr-FR';
    default:
      return 'en-GB';
  }
}

const toNumber = (v: Money | null | undefined): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

export function formatMoney(amount: Money | null | undefined, lang: string, currency = 'EUR', digits?: number): string {
  const n = toNumber(amount);
  if (n === null) return '—';
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'currency',
    currency,
    minimumFractionDigits: digits ?? 2,
    maximumFractionDigits: digits ?? 2,
  }).format(n);
}

/** A unit price, with up to 5 decimals as tariffs carry them (at least 2). */
export function formatUnitPrice(amount: Money | null | undefined, lang: string, currency = 'EUR'): string {
  const n = toNumber(amount);
  if (n === null) return '—';
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 5,
  }).format(n);
}

export function formatNumber(v: Money | null | undefined, lang: string, maxDigits = 3, minDigits = 0): string {
  const n = toNumber(v);
  if (n === null) return '—';
  return new Intl.NumberFormat(intlLocale(lang), { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits }).format(n);
}

/** Energy in kWh with 3 decimals, from kWh or from Wh. */
export function formatKwh(kwh: Money | null | undefined, lang: string): string {
  const n = toNumber(kwh);
  if (n === null) return '—';
  return `${formatNumber(n, lang, 3, 3)} kWh`;
}

export function whToKwh(wh: number | null | undefined): number | null {
  return wh === null || wh === undefined ? null : wh / 1000;
}

export function formatPercent(fraction: Money | null | undefined, lang: string): string {
  const n = toNumber(fraction);
  if (n === null) return '—';
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 2 }).format(n);
}

export function formatDateTime(instant: string | null | undefined, lang: string, zone = DEFAULT_ZONE): string {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** An instant with its weekday, for a sentence: "Friday 04/12/2026, 18:00". */
export function formatWeekdayTime(instant: string | null | undefined, lang: string, zone = DEFAULT_ZONE): string {
  if (!instant) return '—';
  return new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A calendar date (2026-03-01) as the language writes it; no zone shift, it is a date already. */
export function formatDate(date: string | null | undefined, lang: string): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** "2026-03" as "Mar 2026" in the language. */
export function formatMonth(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'UTC', year: 'numeric', month: 'short' })
    .format(new Date(Date.UTC(y, m - 1, 1)));
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}`;
}

/** The offset of a zone at an instant, in minutes east of UTC. */
function offsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** A local date-time in a zone ("2026-03-06T18:00") as an ISO instant in UTC. */
export function zonedToInstant(local: string, zone = DEFAULT_ZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let guess = naive - offsetMinutes(zone, new Date(naive)) * 60000;
  guess = naive - offsetMinutes(zone, new Date(guess)) * 60000;
  return new Date(guess).toISOString().replace('.000Z', 'Z');
}

/** An instant as the local date-time in a zone, the form a datetime-local field takes ("2026-03-06T18:00"). */
export function instantToZoned(instant: string | null | undefined, zone = DEFAULT_ZONE): string {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  const local = new Date(d.getTime() + offsetMinutes(zone, d) * 60000);
  return local.toISOString().substring(0, 16);
}

/** Today's date in a zone, as 2026-03-01. */
export function todayIn(zone = DEFAULT_ZONE, now = new Date()): string {
  return instantToZoned(now.toISOString(), zone).substring(0, 10);
}

/** The first day of the month n months before the month of the date (2026-03-15, 2 -> 2026-01-01). */
export function monthStart(date: string, monthsBack = 0): string {
  const [y, m] = date.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - monthsBack, 1));
  return d.toISOString().substring(0, 10);
}

/** The last day of the month of a date. */
export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().substring(0, 10);
}

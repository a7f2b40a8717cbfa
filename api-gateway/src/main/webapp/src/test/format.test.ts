import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatKwh, formatMoney, instantToZoned, monthStart, zonedToInstant } from '../format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('is written as the language writes it', () => {
    expect(plain(formatMoney('1234.56', 'nl'))).toBe('€ 1.234,56');
    expect(plain(formatMoney(1234.56, 'en'))).toBe('€1,234.56');
    expect(plain(formatMoney(1234.56, 'fr'))).toBe('1 234,56 €');
    expect(formatMoney(null, 'nl')).toBe('—');
  });

  it('rounds to cents', () => {
    expect(plain(formatMoney('0.005', 'nl'))).toBe('€ 0,01');
  });
});

describe('energy', () => {
  it('is kWh with 3 decimals', () => {
    expect(plain(formatKwh('12.34', 'nl'))).toBe('12,340 kWh');
    expect(plain(formatKwh(1234.5, 'en'))).toBe('1,234.500 kWh');
  });
});

describe('time', () => {
  it('is shown in the operator zone, not the browser zone', () => {
    expect(formatDateTime('2026-03-01T17:00:00Z', 'nl', 'Europe/Amsterdam')).toBe('01-03-2026, 18:00');
    expect(formatDateTime('2026-07-01T17:00:00Z', 'en', 'Europe/Amsterdam')).toBe('01/07/2026, 19:00');
    expect(formatDateTime('2026-07-01T17:00:00Z', 'en', 'Europe/London')).toBe('01/07/2026, 18:00');
  });

  it('writes calendar dates without shifting them', () => {
    expect(formatDate('2026-03-01', 'nl')).toBe('01-03-2026');
    expect(formatDate('2026-03-01', 'fr')).toBe('01/03/2026');
  });

  it('turns a local time of the zone into an instant, across DST', () => {
    expect(zonedToInstant('2026-01-16T18:00', 'Europe/Amsterdam')).toBe('2026-01-16T17:00:00Z');
    expect(zonedToInstant('2026-07-03T18:00', 'Europe/Amsterdam')).toBe('2026-07-03T16:00:00Z');
    expect(zonedToInstant('2026-03-29T03:30', 'Europe/Amsterdam')).toBe('2026-03-29T01:30:00Z');
    expect(instantToZoned('2026-10-25T00:30:00Z', 'Europe/Amsterdam')).toBe('2026-10-25T02:30');
    expect(instantToZoned('2026-10-25T01:30:00Z', 'Europe/Amsterdam')).toBe('2026-10-25T02:30');
  });

  it('counts months back', () => {
    expect(monthStart('2026-03-15', 2)).toBe('2026-01-01');
    expect(monthStart('2026-01-31', 1)).toBe('2025-12-01');
  });
});

/** What the portal's page tests answer for the calls every page makes: who is logged in and their operator. */
import { mockFetch } from './render';

type Routes = Parameters<typeof mockFetch>[0];

export const OPERATOR = {
  id: 'op-1', revision: 3, legalName: 'Woonstichting De Linde', address: { street: 'Lindelaan 12', postalCode: '3581 AB', city: 'Utrecht', countryCode: 'NL' },
  vatNumber: 'NL001234567B01', chamberOfCommerceNumber: '12345678', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', contactEmail: 'facturen@delinde.example',
  timeZone: 'Europe/Amsterdam', currency: 'EUR', billingInterval: 'MONTHLY', graceDays: 5, paymentTermDays: 14, invoiceNumberPrefix: 'LINDE',
  userTypes: ['RESIDENT', 'EMPLOYEE', 'GUEST'], dunning: { blockCards: false, blockAfterDaysOverdue: 14 }, issuesStatements: false,
  acceptsUnknownChargers: false, cardsValidAt: [], acceptsCardsOf: [],
};

export const EMPTY = { items: [] };

const REPORT = {
  operator: { operatorId: 'op-1', name: 'Woonstichting De Linde', timeZone: 'Europe/Amsterdam', currency: 'EUR' },
  period: { from: '2026-01-01', to: '2026-12-31', timeZone: 'Europe/Amsterdam', rule: '' }, filters: {}, groupBy: 'month', generatedAt: '',
  totals: { sessions: 0, energyWh: 0, energyKwh: 0, connectedSeconds: 0, chargingSeconds: 0, idleSeconds: 0, cost: { currency: 'EUR', netAmount: 0, vatAmount: 0, grossAmount: 0 }, unpricedSessions: 0 },
  groups: [],
};

/** An operator admin of op-1; the routes given first win, every other list answers empty. */
export function asOperatorAdmin(routes: Routes = []) {
  return mockFetch([
    ...routes,
    { match: (u) => u === '/auth/me', body: { username: 'demo-operator', name: 'Olga Operator', email: 'o@example.org', roles: ['operator-admin'], operatorId: 'op-1', driverId: null, locale: 'en' } },
    { match: (u) => u === '/api/users/operators/op-1', body: OPERATOR },
    { match: (u) => u.startsWith('/api/sessions/reports/sessions'), body: REPORT },
    { match: (u) => u.includes('?'), body: EMPTY },
  ]);
}

/** Driver d-1 of op-1; the routes given first win, every other list answers empty. */
export function asDriver(routes: Routes = []) {
  return mockFetch([
    ...routes,
    { match: (u) => u === '/auth/me', body: { username: 'demo-driver', name: 'Dirk', email: 'd@example.org', roles: ['driver'], operatorId: 'op-1', driverId: 'd-1', locale: 'en' } },
    { match: (u) => u.startsWith('/api/sessions/me/reports/sessions'), body: REPORT },
    { match: (u) => u.includes('?'), body: EMPTY },
  ]);
}

/** The query of a call's URL, to read one parameter. */
export function queryOf(url: string): URLSearchParams {
  return new URLSearchParams(url.includes('?') ? url.substring(url.indexOf('?') + 1) : '');
}

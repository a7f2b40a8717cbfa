import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import App from '../App';
import { mockFetch, renderUi } from './render';

const OPERATOR = {
  id: 'op-1', revision: 3, legalName: 'Woonstichting De Linde', address: { street: 'Lindelaan 12', postalCode: '3581 AB', city: 'Utrecht', countryCode: 'NL' },
  vatNumber: 'NL001234567B01', chamberOfCommerceNumber: '12345678', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', contactEmail: 'facturen@delinde.example',
  timeZone: 'Europe/Amsterdam', currency: 'EUR', billingInterval: 'MONTHLY', graceDays: 5, paymentTermDays: 14, invoiceNumberPrefix: 'LINDE',
  userTypes: ['RESIDENT', 'EMPLOYEE', 'GUEST'], dunning: { blockCards: false, blockAfterDaysOverdue: 14 }, issuesStatements: false,
  acceptsUnknownChargers: false, cardsValidAt: [], acceptsCardsOf: [],
};
const EMPTY = { items: [] };

function operatorAdmin(locale: string | null = null, extra: Parameters<typeof mockFetch>[0] = []) {
  return mockFetch([
    ...extra,
    { match: (u) => u === '/auth/me', body: { username: 'demo-operator', name: 'Olga Operator', email: 'o@example.org', roles: ['operator-admin'], operatorId: 'op-1', driverId: null, locale } },
    { match: (u) => u === '/api/users/operators/op-1', body: OPERATOR },
    { match: (u) => u.startsWith('/api/sessions/reports/sessions'), body: { operator: { operatorId: 'op-1', name: 'x', timeZone: 'Europe/Amsterdam', currency: 'EUR' }, period: { from: '2026-01-01', to: '2026-12-31', timeZone: 'Europe/Amsterdam', rule: '' }, filters: {}, groupBy: 'month', generatedAt: '', totals: { sessions: 0, energyWh: 0, energyKwh: 0, connectedSeconds: 0, chargingSeconds: 0, idleSeconds: 0, cost: { currency: 'EUR', netAmount: 0, vatAmount: 0, grossAmount: 0 }, unpricedSessions: 0 }, groups: [] } },
    { match: (u) => u.startsWith('/api/invoices/operators/op-1/receivables'), body: { operatorId: 'op-1', asOf: '2026-12-02', totals: [] } },
    { match: (u) => u.includes('?') || u.includes('/chargers') || u.includes('/invoices'), body: EMPTY },
  ]);
}

async function seriousViolations() {
  const result = await axe.run(document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] }, rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('the portal', () => {
  it('shows an operator admin the operator pages, with stable test hooks', async () => {
    operatorAdmin();
    renderUi(<App />);
    for (const id of ['nav-dashboard', 'nav-chargers', 'nav-drivers', 'nav-tariffs', 'nav-sessions', 'nav-report', 'nav-billing', 'nav-reimbursements', 'nav-settings']) {
      expect(await screen.findByTestId(id)).toBeInTheDocument();
    }
    expect(screen.queryByTestId('nav-my-sessions')).not.toBeInTheDocument();
    expect(screen.queryByTestId('nav-operators')).not.toBeInTheDocument();
    expect(screen.getByTestId('logout')).toHaveAccessibleName('Log out');
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' }, { timeout: 8000 })).toBeInTheDocument();
    expect(await screen.findByTestId('energy-chart')).toBeInTheDocument();
  });

  it('takes the language of the account, and keeps the one chosen in the header', async () => {
    const user = userEvent.setup();
    operatorAdmin('nl');
    renderUi(<App />);
    expect(await screen.findByTestId('nav-drivers')).toHaveTextContent('Bestuurders');
    await user.selectOptions(screen.getByTestId('language'), 'fr');
    expect(screen.getByTestId('nav-drivers')).toHaveTextContent('Conducteurs');
    expect(localStorage.getItem('evsettle.language')).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('shows a driver the own pages', async () => {
    mockFetch([
      { match: (u) => u === '/auth/me', body: { username: 'demo-driver', name: 'Dirk', email: 'd@example.org', roles: ['driver'], operatorId: 'op-1', driverId: 'd-1', locale: 'en' } },
      { match: (u) => u.startsWith('/api/sessions/me/reports/sessions'), body: { operator: { operatorId: 'op-1', name: 'x', timeZone: 'Europe/Amsterdam', currency: 'EUR' }, period: { from: '', to: '', timeZone: '', rule: '' }, filters: {}, generatedAt: '', totals: { sessions: 0, energyWh: 0, energyKwh: 0, connectedSeconds: 0, chargingSeconds: 0, idleSeconds: 0, cost: { currency: 'EUR', netAmount: 0, vatAmount: 0, grossAmount: 0 }, unpricedSessions: 0 }, groups: [] } },
      { match: () => true, body: EMPTY },
    ]);
    renderUi(<App />);
    for (const id of ['nav-my-sessions', 'nav-my-invoices', 'nav-my-cards']) expect(await screen.findByTestId(id)).toBeInTheDocument();
    expect(screen.queryByTestId('nav-dashboard')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'My sessions' }, { timeout: 8000 })).toBeInTheDocument();
    expect(await screen.findByTestId('my-usage-chart')).toBeInTheDocument();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    operatorAdmin();
    renderUi(<App />);
    await screen.findByTestId('energy-chart', {}, { timeout: 8000 });
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(await seriousViolations()).toEqual([]);
  });

  it('lists every rejected row of a driver import, and says nothing was imported', async () => {
    const user = userEvent.setup();
    const { calls } = operatorAdmin(null, [
      {
        match: (u, m) => m === 'POST' && u === '/api/users/operators/op-1/imports/drivers',
        status: 422,
        body: {
          type: 'urn:evsettle:problem:unprocessable', status: 422, title: 'The request breaks a business rule', detail: '2 rows were rejected; nothing was imported',
          violations: [{ field: 'line[2].email', message: 'must be a well-formed email address' }, { field: 'line[3].cardIdTag', message: 'is already a card of this operator' }],
        },
      },
    ]);
    renderUi(<App />, 'en', '/drivers');
    await user.click(await screen.findByTestId('tab-import', {}, { timeout: 8000 }));
    expect(screen.getByTestId('download-import-template')).toHaveAttribute('href', '/api/users/operators/op-1/imports/drivers/template');
    const file = new File(['name;email\nAnna;anna@\n'], 'drivers.csv', { type: 'text/csv' });
    await user.upload(document.querySelector('input[type=file]') as HTMLInputElement, file);
    await user.click(screen.getByTestId('run-import'));
    const table = await screen.findByTestId('import-errors');
    expect(table).toHaveTextContent('Line 2, column email');
    expect(table).toHaveTextContent('must be a well-formed email address');
    expect(table).toHaveTextContent('Line 3, column cardIdTag');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was imported');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers['Content-Type']).toBe('text/csv');
    expect(post.body).toBe('name;email\nAnna;anna@\n');
  });
});

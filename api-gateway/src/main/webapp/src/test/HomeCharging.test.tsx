import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import App from '../App';
import { tariffs } from '../api/endpoints';
import { EnergyContractForm } from '../components/EnergyContractForm';
import { asDriver, queryOf } from './fixtures';
import { mockFetch, renderUi } from './render';

const RATE = { rateId: 'rate-1', version: 2, effectiveFrom: '2026-01-01', basis: 'CONTRACT', pricePerKwh: null, capPerKwh: 0.35, monthlyCap: 60,
  contract: { id: 'ec-1', driverId: 'd-1', supplier: 'Vattenfall', validFrom: '2025-07-01', validTo: null, dayPricePerKwh: 0.31, nightPricePerKwh: 0.24,
    nightStart: '23:00', nightEnd: '07:00', weekendsAtNightPrice: true } };
const STATEMENT = { id: 'inv-9', kind: 'REIMBURSEMENT', operatorId: 'op-1', driverId: 'd-1', status: 'ISSUED', number: 'LINDE-R-2026-0003',
  periodStart: '2026-02-01', periodEnd: '2026-02-28', issueDate: '2026-03-06', dueDate: null, currency: 'EUR', lineCount: 9,
  netAmount: '41.27', vatAmount: '0.00', grossAmount: '41.27', paidAmount: '0.00', creditedAmount: '0.00', outstandingAmount: '41.27' };
const HOME_SESSION = { sessionId: 's-home', status: 'COMPLETED', chargePointId: 'HOME-ANNA', transactionId: 7, siteKind: 'HOME',
  startedAt: '2026-02-10T19:00:00Z', energyWh: 11200, energyKwh: 11.2, connectedSeconds: 7200, correctionRevision: 0, anomalies: [] };

async function seriousViolations() {
  const result = await axe.run(document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] }, rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('home charging of an employee', () => {
  it('shows the rate in effect, the contracts, the statements with their PDF and the sessions at home', async () => {
    const { calls } = asDriver([
      { match: (u) => u === '/api/tariffs/me/reimbursement-rate', body: RATE },
      { match: (u) => u.startsWith('/api/tariffs/me/energy-contracts'), body: { items: [RATE.contract] } },
      { match: (u) => u.startsWith('/api/invoices/me/invoices'), body: { items: [STATEMENT] } },
      { match: (u) => u.startsWith('/api/sessions/me/sessions') && queryOf(u).get('siteKind') === 'HOME', body: { items: [HOME_SESSION] } },
    ]);
    renderUi(<App />, 'en', '/my/home');
    expect(await screen.findByRole('heading', { level: 1, name: 'Home charging' }, { timeout: 15000 })).toBeInTheDocument();
    expect(await screen.findByTestId('nav-my-home')).toHaveAttribute('href', '/my/home');

    expect(await screen.findByTestId('my-rate-basis')).toHaveTextContent('Energy contract');
    expect(screen.getByTestId('my-rate-cap')).toHaveTextContent('€0.35');
    expect(screen.getByTestId('my-rate-monthly-cap')).toHaveTextContent('€60.00');
    expect(screen.getByTestId('my-rate-contract')).toHaveTextContent('Reimbursed at the prices of your contract with Vattenfall: €0.31 by day, €0.24 by night.');

    const contracts = await screen.findByTestId('contracts-table');
    expect(within(contracts).getByTestId('row-ec-1')).toHaveTextContent('Vattenfall');
    expect(within(contracts).getByTestId('row-ec-1')).toHaveTextContent('23:00 to 07:00');

    expect(await screen.findByTestId('invoice-pdf-inv-9')).toHaveAttribute('href', '/api/invoices/invoices/inv-9/pdf');
    expect(screen.getByTestId('row-inv-9')).toHaveTextContent('Reimbursement statement');
    expect(await screen.findByTestId('home-s-home')).toHaveTextContent('Home charger');
    expect(calls.some((c) => c.url.startsWith('/api/invoices/me/invoices?') && queryOf(c.url).get('kind') === 'REIMBURSEMENT')).toBe(true);
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(await seriousViolations()).toEqual([]);
  });

  it('says plainly that no rate applies when the service answers 404, and keeps the page out of the navigation', async () => {
    asDriver([
      { match: (u) => u === '/api/tariffs/me/reimbursement-rate', status: 404, body: { status: 404, title: 'Not Found', detail: 'No reimbursement rate applies' } },
    ]);
    renderUi(<App />, 'en', '/my/home');
    expect(await screen.findByText('No reimbursement rate applies to you', {}, { timeout: 15000 })).toBeInTheDocument();
    expect(screen.queryByTestId('problem')).not.toBeInTheDocument();
    expect(screen.getByText('No energy contract yet')).toBeInTheDocument();
    expect(screen.getByTestId('nav-my-sessions')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-my-home')).not.toBeInTheDocument();
  });

  it('shows the page in the navigation to a driver who has a reimbursement statement, without a rate', async () => {
    asDriver([
      { match: (u) => u === '/api/tariffs/me/reimbursement-rate', status: 404, body: { status: 404 } },
      { match: (u) => u.startsWith('/api/invoices/me/invoices'), body: { items: [STATEMENT] } },
    ]);
    renderUi(<App />, 'en', '/my/sessions');
    expect(await screen.findByTestId('nav-my-home', {}, { timeout: 15000 })).toHaveTextContent('Home charging');
  });
});

describe('the energy contract form', () => {
  it('checks the fields as they are typed and does not send an invalid contract', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderUi(<EnergyContractForm onSubmit={onSubmit} />);
    await user.click(screen.getByTestId('save-contract'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect((await screen.findAllByText('Required')).length).toBe(3);

    await user.type(screen.getByLabelText(/^Day price per kWh/), '0,3x');
    expect(await screen.findByText('Enter a price of 0 or more with at most 5 decimals')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Night price from/)).toBeDisabled();

    await user.type(screen.getByLabelText(/^Night price per kWh/), '0.24');
    const end = screen.getByLabelText(/^Night price until/);
    await user.clear(end);
    await user.type(end, '23:00');
    expect(await screen.findByText('The end time must differ from the start time')).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Valid from/), '2026-03-01');
    await user.type(screen.getByLabelText(/^Valid until/), '2026-02-01');
    expect(await screen.findByText('The end date is before the start date')).toBeInTheDocument();
  });

  it('sends the employee\'s contract and puts the service\'s violations next to their fields', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      {
        match: (u, m) => m === 'POST' && u === '/api/tariffs/me/energy-contracts',
        status: 400,
        body: { type: 'urn:evsettle:problem:validation', status: 400, detail: 'validFrom overlaps the contract of Vattenfall from 2025-07-01',
          violations: [{ field: 'validFrom', message: 'overlaps the contract of Vattenfall from 2025-07-01' }, { field: 'dayPricePerKwh', message: 'must be at most 2.00000' }] },
      },
    ]);
    renderUi(<EnergyContractForm onSubmit={(body) => tariffs.addMyContract(body)} />);
    await user.type(screen.getByLabelText(/^Energy supplier/), ' Eneco ');
    await user.type(screen.getByLabelText(/^Valid from/), '2026-03-01');
    await user.type(screen.getByLabelText(/^Day price per kWh/), '0,32150');
    await user.type(screen.getByLabelText(/^Night price per kWh/), '0.2455');
    await user.click(screen.getByLabelText('Weekends are charged at the night price'));
    await user.click(screen.getByTestId('save-contract'));

    expect(await screen.findByText('overlaps the contract of Vattenfall from 2025-07-01')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Valid from/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Day price per kWh/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('The energy contract was not saved');
    expect(calls[0].body).toEqual({
      supplier: 'Eneco', validFrom: '2026-03-01', validTo: null, dayPricePerKwh: 0.3215, nightPricePerKwh: 0.2455,
      nightStart: '23:00', nightEnd: '07:00', weekendsAtNightPrice: true,
    });
    expect(calls[0].headers['X-Requested-With']).toBe('JavaScript');
  });

  it('is in French when the portal is', async () => {
    renderUi(<EnergyContractForm onSubmit={vi.fn()} />, 'fr');
    expect(screen.getByLabelText(/^Fournisseur d’énergie/)).toBeInTheDocument();
    expect(screen.getByTestId('save-contract')).toHaveTextContent('Ajouter un contrat d’énergie');
  });
});

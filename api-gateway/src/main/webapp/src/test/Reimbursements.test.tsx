import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import App from '../App';
import { asOperatorAdmin, queryOf } from './fixtures';
import { renderUi } from './render';

const ANNA = { id: 'd-anna', revision: 1, operatorId: 'op-1', name: 'Anna de Vries', email: 'anna@example.org', status: 'ACTIVE', userType: 'EMPLOYEE',
  billingAddress: { street: 'Kerkstraat 1', postalCode: '3581 AB', city: 'Utrecht', countryCode: 'NL' }, employerId: 'd-acme', payoutIban: 'NL91ABNA0417164300' };
const DRIVERS = { items: [ANNA] };
const RATE = {
  id: 'rate-1', operatorId: 'op-1', driverId: 'd-anna', userType: null,
  versions: [
    { version: 1, effectiveFrom: '2026-01-01', basis: 'FIXED', pricePerKwh: 0.25, capPerKwh: null, monthlyCap: null, vatRate: 0, createdAt: '2025-12-20T10:00:00Z', reason: null, correction: false },
  ],
};
const RATES = { items: [RATE, { id: 'rate-2', operatorId: 'op-1', driverId: null, userType: 'EMPLOYEE',
  versions: [{ version: 1, effectiveFrom: '2026-01-01', basis: 'CONTRACT', pricePerKwh: null, capPerKwh: 0.4, monthlyCap: 75, vatRate: 0, createdAt: '2025-12-20T10:00:00Z', reason: null, correction: false }] }] };
const BATCH = { id: 'pb-1', operatorId: 'op-1', messageId: 'LINDE-PAY-0001', status: 'CREATED', createdAt: '2026-03-06T09:00:00Z', executedOn: null,
  transactionCount: 2, controlSum: '83.10', currency: 'EUR' };

async function seriousViolations() {
  const result = await axe.run(document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] }, rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('the reimbursements page', () => {
  it('lists the rates per employee and per user type, and creates one for an employee', async () => {
    const user = userEvent.setup();
    const { calls } = asOperatorAdmin([
      { match: (u, m) => m === 'POST' && u === '/api/tariffs/operators/op-1/reimbursement-rates', status: 201, body: RATE },
      { match: (u) => u.startsWith('/api/tariffs/operators/op-1/reimbursement-rates'), body: RATES },
      { match: (u) => u.startsWith('/api/users/operators/op-1/drivers'), body: DRIVERS },
    ]);
    renderUi(<App />, 'en', '/reimbursements');
    const table = await screen.findByTestId('rates-table', {}, { timeout: 15000 });
    await waitFor(() => expect(within(table).getByTestId('row-rate-1')).toHaveTextContent('Anna de Vries'));
    expect(within(table).getByTestId('row-rate-1')).toHaveTextContent('€0.25');
    expect(within(table).getByTestId('row-rate-2')).toHaveTextContent('Every Employee');
    expect(within(table).getByTestId('row-rate-2')).toHaveTextContent('Per contract');
    expect(screen.getByTestId('nav-reimbursements')).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(await seriousViolations()).toEqual([]);

    await user.click(screen.getByTestId('create-rate'));
    await user.click(await screen.findByTestId('save-rate'));
    expect((await screen.findAllByText('Required')).length).toBe(2);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.selectOptions(screen.getByLabelText(/^Employee/), 'd-anna');
    await user.type(screen.getByLabelText(/^Price per kWh/), '0,23');
    await user.type(screen.getByLabelText(/^Cap per month/), '50');
    await user.click(screen.getByTestId('save-rate'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({ driverId: 'd-anna', userType: null, basis: 'FIXED', pricePerKwh: 0.23, capPerKwh: null, monthlyCap: 50, vatRate: 0 });
    expect((post.body as { effectiveFrom: string }).effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('creates a rate for a user type on the energy contract, without a price', async () => {
    const user = userEvent.setup();
    const { calls } = asOperatorAdmin([
      { match: (u, m) => m === 'POST' && u === '/api/tariffs/operators/op-1/reimbursement-rates', status: 201, body: RATE },
      { match: (u) => u.startsWith('/api/users/operators/op-1/drivers'), body: DRIVERS },
    ]);
    renderUi(<App />, 'en', '/reimbursements');
    await user.click(await screen.findByTestId('create-rate', {}, { timeout: 15000 }));
    await user.selectOptions(await screen.findByTestId('rate-scope'), 'userType');
    await user.selectOptions(screen.getByTestId('rate-user-type'), 'EMPLOYEE');
    await user.selectOptions(screen.getByTestId('rate-basis'), 'CONTRACT');
    expect(screen.queryByTestId('rate-price')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('rate-cap'), '0.40');
    await user.click(screen.getByTestId('save-rate'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ driverId: null, userType: 'EMPLOYEE', basis: 'CONTRACT', pricePerKwh: null, capPerKwh: 0.4, monthlyCap: null });
  });

  it('adds a correcting version only with a reason, and shows the service\'s violation next to its field', async () => {
    const user = userEvent.setup();
    const { calls } = asOperatorAdmin([
      {
        match: (u, m) => m === 'POST' && u === '/api/tariffs/reimbursement-rates/rate-1/versions',
        status: 400,
        body: { status: 400, detail: 'effectiveFrom a correction must start on the date of a version', violations: [{ field: 'effectiveFrom', message: 'a correction must start on the date of a version' }] },
      },
      { match: (u) => u.startsWith('/api/tariffs/operators/op-1/reimbursement-rates'), body: { items: [RATE] } },
      { match: (u) => u.startsWith('/api/users/operators/op-1/drivers'), body: DRIVERS },
    ]);
    renderUi(<App />, 'en', '/reimbursements');
    await user.click(await screen.findByTestId('new-rate-version-rate-1', {}, { timeout: 15000 }));
    expect(await screen.findByTestId('rate-versions')).toHaveTextContent('Fixed price');
    expect(screen.getByLabelText(/^Price per kWh/)).toHaveValue('0.25');
    const price = screen.getByLabelText(/^Price per kWh/);
    await user.clear(price);
    await user.type(price, '0.27');
    await user.click(screen.getByLabelText(/^This version corrects a mistake/));
    await user.click(screen.getByTestId('save-rate'));
    expect(await screen.findByText('Give a reason: it is kept in the audit trail')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(screen.getByLabelText(/^Reason/), 'Price of the contract was typed wrong');
    await user.click(screen.getByTestId('save-rate'));
    expect(await screen.findByText('a correction must start on the date of a version')).toBeInTheDocument();
    expect(screen.getByLabelText(/^In effect from/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ basis: 'FIXED', pricePerKwh: 0.27, correction: true, reason: 'Price of the contract was typed wrong' });
  });

  it('shows the totals per employee and month for the chosen months, with the CSV for the payroll', async () => {
    const user = userEvent.setup();
    const { calls } = asOperatorAdmin([
      {
        match: (u) => u.startsWith('/api/invoices/operators/op-1/reimbursements?'),
        body: { items: [
          { driverId: 'd-anna', driverName: 'Anna de Vries', month: '2026-02', sessions: 9, energyWh: 123456, amount: '30.86', currency: 'EUR' },
          { driverId: 'd-anna', driverName: 'Anna de Vries', month: '2026-03', sessions: 4, energyWh: 40000, amount: '10.01', currency: 'EUR' },
        ] },
      },
    ]);
    renderUi(<App />, 'en', '/reimbursements');
    await user.click(await screen.findByTestId('tab-totals', {}, { timeout: 15000 }));
    const from = await screen.findByTestId('totals-from');
    await user.clear(from);
    await user.type(from, '2026-02');
    const to = screen.getByTestId('totals-to');
    await user.clear(to);
    await user.type(to, '2026-03');
    expect(screen.getByTestId('download-reimbursements-csv')).toHaveAttribute('href', '/api/invoices/operators/op-1/reimbursements.csv?from=2026-02&to=2026-03');
    await user.click(screen.getByTestId('show-totals'));
    const row = await screen.findByTestId('row-d-anna-2026-02');
    expect(row).toHaveTextContent('123.456 kWh');
    expect(row).toHaveTextContent('€30.86');
    expect(screen.getByTestId('reimbursements-total')).toHaveTextContent('€40.87');
    const asked = calls.find((c) => c.url.startsWith('/api/invoices/operators/op-1/reimbursements?'))!;
    expect([queryOf(asked.url).get('from'), queryOf(asked.url).get('to')]).toEqual(['2026-02', '2026-03']);
  });

  it('creates a payout batch, links its pain.001 and marks it executed on a date', async () => {
    const user = userEvent.setup();
    const { calls } = asOperatorAdmin([
      { match: (u, m) => m === 'POST' && u === '/api/invoices/operators/op-1/payouts', status: 201, body: BATCH },
      { match: (u, m) => m === 'POST' && u === '/api/invoices/operators/op-1/payouts/pb-1/execution', body: { ...BATCH, status: 'EXECUTED', executedOn: '2026-03-09' } },
      { match: (u) => u.startsWith('/api/invoices/operators/op-1/payouts'), body: { items: [BATCH] } },
    ]);
    renderUi(<App />, 'en', '/reimbursements');
    await user.click(await screen.findByTestId('tab-payouts', {}, { timeout: 15000 }));
    await user.click(await screen.findByTestId('create-payout'));
    expect(await screen.findByTestId('payout-result')).toHaveTextContent('2 statements to pay out, €83.10 in total.');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({});
    expect(await screen.findByTestId('pain001-pb-1')).toHaveAttribute('href', '/api/invoices/operators/op-1/payouts/pb-1/pain.001');

    await user.click(screen.getByTestId('execute-pb-1'));
    const date = await screen.findByTestId('executed-on');
    await user.clear(date);
    await user.click(screen.getByTestId('confirm-execution'));
    expect(calls.filter((c) => c.url.endsWith('/execution'))).toHaveLength(0);
    await user.type(date, '2026-03-09');
    await user.click(screen.getByTestId('confirm-execution'));
    await waitFor(() => expect(screen.getByTestId('row-pb-1')).toHaveTextContent('Executed on'));
    expect(calls.find((c) => c.url.endsWith('/execution'))!.body).toEqual({ executedOn: '2026-03-09' });
    expect(screen.queryByTestId('execute-pb-1')).not.toBeInTheDocument();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import App from '../App';
import { SiteForm } from '../pages/Chargers';
import { asOperatorAdmin } from './fixtures';
import { mockFetch, renderUi } from './render';

const ANNA = { id: 'd-anna', revision: 1, operatorId: 'op-1', name: 'Anna de Vries', email: 'anna@example.org', status: 'ACTIVE' as const, userType: 'EMPLOYEE',
  billingAddress: { street: 'Kerkstraat 1', postalCode: '3581 AB', city: 'Utrecht', countryCode: 'NL' } };
const GONE = { ...ANNA, id: 'd-gone', name: 'Gone Driver', email: 'gone@example.org', status: 'INACTIVE' as const };

async function fillAddress(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByTestId('site-name'), 'Thuis Anna');
  await user.type(screen.getByLabelText(/^Street and number/), 'Kerkstraat 1');
  await user.type(screen.getByLabelText(/^Postal code/), '3581 AB');
  await user.type(screen.getByLabelText(/^City/), 'Utrecht');
}

describe('the site form', () => {
  it('sends a shared site without an owner', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ match: (u, m) => m === 'POST' && u === '/api/users/operators/op-1/sites', status: 201, body: { id: 'site-9' } }]);
    const onSaved = vi.fn();
    renderUi(<SiteForm operatorId="op-1" drivers={[ANNA]} onSaved={onSaved} />);
    expect(screen.queryByTestId('site-owner')).not.toBeInTheDocument();
    await fillAddress(user);
    await user.click(screen.getByTestId('save-site'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0].body).toEqual({
      name: 'Thuis Anna', address: { street: 'Kerkstraat 1', postalCode: '3581 AB', city: 'Utrecht', countryCode: 'NL' }, kind: 'SHARED', ownerDriverId: null,
      loadLimit: null,
    });
  });

  it('asks the owner of a home charger among the active drivers, and sends it', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ match: (u, m) => m === 'POST' && u === '/api/users/operators/op-1/sites', status: 201, body: { id: 'site-9' } }]);
    const onSaved = vi.fn();
    renderUi(<SiteForm operatorId="op-1" drivers={[ANNA, GONE]} onSaved={onSaved} />);
    await fillAddress(user);
    await user.selectOptions(screen.getByLabelText(/^Kind of site/), 'HOME');
    const owner = screen.getByLabelText(/^Employee at home/);
    expect(screen.queryByRole('option', { name: /Gone Driver/ })).not.toBeInTheDocument();
    await user.click(screen.getByTestId('save-site'));
    expect(await screen.findByText('Choose whose home charger it is')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.selectOptions(owner, 'd-anna');
    await user.click(screen.getByTestId('save-site'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0].body).toMatchObject({ kind: 'HOME', ownerDriverId: 'd-anna' });
  });

  it('puts the service\'s rule on the owner next to the owner', async () => {
    const user = userEvent.setup();
    mockFetch([{
      match: () => true, status: 422,
      body: { status: 422, detail: 'ownerDriverId must be an active driver of the operator', violations: [{ field: 'ownerDriverId', message: 'must be an active driver of the operator' }] },
    }]);
    renderUi(<SiteForm operatorId="op-1" drivers={[ANNA]} onSaved={vi.fn()} />);
    await fillAddress(user);
    await user.selectOptions(screen.getByLabelText(/^Kind of site/), 'HOME');
    await user.selectOptions(screen.getByLabelText(/^Employee at home/), 'd-anna');
    await user.click(screen.getByTestId('save-site'));
    expect(await screen.findByText('must be an active driver of the operator')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Employee at home/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows whose home a home site is in the list of sites', async () => {
    asOperatorAdmin([
      { match: (u) => u.startsWith('/api/users/operators/op-1/sites'), body: { items: [
        { id: 'site-1', revision: 1, operatorId: 'op-1', name: 'Garage', address: ANNA.billingAddress, kind: 'SHARED', ownerDriverId: null },
        { id: 'site-2', revision: 1, operatorId: 'op-1', name: 'Thuis Anna', address: ANNA.billingAddress, kind: 'HOME', ownerDriverId: 'd-anna' },
      ] } },
      { match: (u) => u.startsWith('/api/users/operators/op-1/drivers'), body: { items: [ANNA] } },
    ]);
    renderUi(<App />, 'en', '/chargers');
    const home = await screen.findByTestId('row-site-2', {}, { timeout: 15000 });
    await waitFor(() => expect(home).toHaveTextContent('Home of Anna de Vries'));
    expect(screen.getByTestId('row-site-1')).toHaveTextContent('Shared');
  });
  it('sends a garage\'s load limit and refuses one no car could charge at', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ match: (u, m) => m === 'POST' && u === '/api/users/operators/op-1/sites', status: 201, body: { id: 'site-9' } }]);
    const onSaved = vi.fn();
    renderUi(<SiteForm operatorId="op-1" drivers={[ANNA]} onSaved={onSaved} />);
    await fillAddress(user);
    await user.type(screen.getByTestId('site-load-limit'), '5');
    await user.click(screen.getByTestId('save-site'));
    expect(await screen.findByText('Between 6 and 10000 A')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.clear(screen.getByTestId('site-load-limit'));
    await user.type(screen.getByTestId('site-load-limit'), '32');
    await user.click(screen.getByTestId('save-site'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0].body).toMatchObject({ loadLimit: { unit: 'A', value: 32 } });
  });

  it('shows how a garage\'s limit is shared among the sessions charging there', async () => {
    const user = userEvent.setup();
    asOperatorAdmin([
      { match: (u) => u.startsWith('/api/users/operators/op-1/sites'), body: { items: [
        { id: 'site-1', revision: 1, operatorId: 'op-1', name: 'Garage', address: ANNA.billingAddress, kind: 'SHARED', loadLimit: { unit: 'A', value: 32 } },
      ] } },
      { match: (u) => u.startsWith('/api/users/operators/op-1/drivers'), body: { items: [ANNA] } },
      { match: (u) => u === '/api/ocpp/sites/site-1/load', body: { siteId: 'site-1', limit: { unit: 'A', value: 32 }, allocated: 19.8,
        sessions: [
          { chargePointId: 'VVE-1', connectorId: 1, transactionId: 11, unit: 'A', limit: 19.8, outcome: 'Accepted', sentAt: '2026-12-01T10:00:00Z' },
          { chargePointId: 'VVE-2', connectorId: 1, transactionId: 12, unit: 'A', limit: 0, outcome: 'Accepted', sentAt: '2026-12-01T10:00:00Z' },
        ], balancingThemselves: ['ZCS-1'] } },
    ]);
    renderUi(<App />, 'en', '/chargers');
    await user.click(await screen.findByTestId('load-site-1', {}, { timeout: 15000 }));
    expect(await screen.findByTestId('site-load-summary')).toHaveTextContent('19.8 of 32 A shared out');
    const sessions = screen.getByTestId('site-load-sessions');
    expect(sessions).toHaveTextContent('VVE-1');
    expect(sessions).toHaveTextContent('19.8 A');
    expect(sessions).toHaveTextContent('Paused (waits for a share)');
    expect(screen.getByTestId('site-load')).toHaveTextContent('ZCS-1');
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App';
import { asDriver, asOperatorAdmin, queryOf } from './fixtures';
import { renderUi } from './render';

const SITES = { items: [{ id: 'site-1', revision: 1, operatorId: 'op-1', name: 'Parkeergarage Lindelaan', address: {} }] };
const CARDS = {
  items: [
    { id: 'card-1', revision: 1, operatorId: 'op-1', driverId: 'd-1', idTag: '04A2B3C4D5E680', label: 'Key fob', status: 'ACTIVE' },
    { id: 'card-2', revision: 1, operatorId: 'op-1', driverId: 'd-1', idTag: '04A2B3C4D5E681', label: null, status: 'ACTIVE' },
  ],
};

describe('the session lists', () => {
  it('filter an operator\'s sessions by site, card and user type on the server', async () => {
    const user = userEvent.setup();
    const { calls } = asOperatorAdmin([
      { match: (u) => u.startsWith('/api/users/operators/op-1/sites'), body: SITES },
      { match: (u) => u.startsWith('/api/users/operators/op-1/cards'), body: CARDS },
    ]);
    renderUi(<App />, 'en', '/sessions');
    const site = await screen.findByTestId('filter-site', {}, { timeout: 15000 });
    await waitFor(() => expect(site).toHaveTextContent('Parkeergarage Lindelaan'), { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId('filter-card')).toHaveTextContent('04A2B3C4D5E680 (Key fob)'), { timeout: 5000 });

    await user.selectOptions(site, 'site-1');
    await user.selectOptions(screen.getByTestId('filter-card'), 'card-2');
    await user.selectOptions(screen.getByTestId('filter-user-type'), 'GUEST');

    await waitFor(() => {
      const lists = calls.filter((c) => c.url.startsWith('/api/sessions/sessions?'));
      const last = queryOf(lists[lists.length - 1].url);
      expect([last.get('operatorId'), last.get('siteId'), last.get('cardId'), last.get('userType')]).toEqual(['op-1', 'site-1', 'card-2', 'GUEST']);
    }, { timeout: 5000 });
    await user.selectOptions(screen.getByTestId('filter-site'), '');
    await waitFor(() => {
      const lists = calls.filter((c) => c.url.startsWith('/api/sessions/sessions?'));
      expect(queryOf(lists[lists.length - 1].url).has('siteId')).toBe(false);
    }, { timeout: 5000 });
  });

  it('filter a driver\'s own sessions by card on the server', async () => {
    const user = userEvent.setup();
    const { calls } = asDriver([{ match: (u) => u.startsWith('/api/users/me/cards'), body: CARDS }]);
    renderUi(<App />, 'en', '/my/sessions');
    const card = await screen.findByTestId('filter-card', {}, { timeout: 15000 });

    await user.selectOptions(card, 'card-1');

    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/sessions/me/sessions?') && queryOf(c.url).get('cardId') === 'card-1')).toBe(true), { timeout: 5000 });
    expect(await screen.findByText('No sessions', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('filter an operator\'s sessions and the charge report by the kind of site', async () => {
    const user = userEvent.setup();
    const { calls } = asOperatorAdmin([
      { match: (u) => u.startsWith('/api/sessions/sessions?') && queryOf(u).get('siteKind') === 'HOME', body: { items: [
        { sessionId: 's-home', status: 'COMPLETED', chargePointId: 'HOME-ANNA', transactionId: 7, siteKind: 'HOME', startedAt: '2026-02-10T19:00:00Z', energyKwh: 11.2, correctionRevision: 0, anomalies: [] },
      ] } },
    ]);
    renderUi(<App />, 'en', '/sessions');
    await user.selectOptions(await screen.findByTestId('filter-site-kind', {}, { timeout: 15000 }), 'HOME');
    expect(await screen.findByTestId('home-s-home', {}, { timeout: 5000 })).toHaveTextContent('Home charger');
    const lists = calls.filter((c) => c.url.startsWith('/api/sessions/sessions?'));
    expect(queryOf(lists[lists.length - 1].url).get('siteKind')).toBe('HOME');

    await user.click(screen.getByTestId('nav-report'));
    await user.selectOptions(await screen.findByTestId('report-site-kind', {}, { timeout: 15000 }), 'SHARED');
    expect(screen.getByTestId('download-report-csv').getAttribute('href')).toContain('siteKind=SHARED');
    await user.click(screen.getByTestId('show-report'));
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/sessions/reports/sessions?') && queryOf(c.url).get('siteKind') === 'SHARED')).toBe(true), { timeout: 5000 });
  });
});

import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../App';
import { SIGNED_IN_DATA } from '../auth/session';
import { dashboardAnswer, startDashboard } from '../pages/dashboardData';
import { asOperatorAdmin } from './fixtures';
import { renderUi } from './render';

const OLGA = { username: 'demo-operator', name: 'Olga Operator', email: 'o@example.org', roles: ['operator-admin'], operatorId: 'op-1', driverId: null, locale: 'en' };

function pageCarries(signedIn: unknown) {
  const data = document.createElement('script');
  data.type = 'application/json';
  data.id = SIGNED_IN_DATA;
  data.textContent = JSON.stringify(signedIn);
  document.head.appendChild(data);
}

afterEach(() => document.getElementById(SIGNED_IN_DATA)?.remove());

describe('the first page', () => {
  it('draws for the user the gateway wrote into the page, without asking /auth/me', async () => {
    pageCarries(OLGA);
    const { calls } = asOperatorAdmin();
    renderUi(<App />);
    expect(await screen.findByTestId('nav-dashboard')).toBeInTheDocument();
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/sessions/reports/sessions'))).toBe(true));
    expect(calls.map((c) => c.url)).not.toContain('/auth/me');
  });

  it('asks /auth/me when the page carries no user', async () => {
    const { calls } = asOperatorAdmin();
    renderUi(<App />);
    expect(await screen.findByTestId('nav-dashboard')).toBeInTheDocument();
    expect(calls.map((c) => c.url)).toContain('/auth/me');
  });

  it('hands the dashboard each answer asked for early once, and asks again after that', async () => {
    const { calls } = asOperatorAdmin();
    const reports = () => calls.filter((c) => c.url.startsWith('/api/sessions/reports/sessions')).length;
    startDashboard('op-1', '2026-12-03');
    expect(reports()).toBe(1);

    await dashboardAnswer('op-1', '2026-12-14', 'report');
    expect(reports()).toBe(1);
    await dashboardAnswer('op-1', '2026-12-14', 'report');
    expect(reports()).toBe(2);

    startDashboard('op-1', '2026-12-03');
    await dashboardAnswer('op-2', '2026-12-03', 'report');
    expect(calls.filter((c) => c.url.includes('operatorId=op-2')).length).toBe(1);
  });
});

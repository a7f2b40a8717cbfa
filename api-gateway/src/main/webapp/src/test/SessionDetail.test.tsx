import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import App from '../App';
import { asOperatorAdmin } from './fixtures';
import { renderUi } from './render';

const SESSION = {
  sessionId: 's-1', status: 'COMPLETED', chargePointId: 'CP-0042', transactionId: 17, connectorId: 1, operatorId: 'op-1',
  startedAt: '2026-03-10T08:00:00Z', stoppedAt: '2026-03-10T09:00:00Z', meterStartWh: 1_000_000, meterStopWh: 1_006_000,
  energyWh: 6_000, energyKwh: 6.0, correctionRevision: 0, anomalies: [],
};
const CURVE = {
  sessionId: 's-1',
  samples: [
    { at: '2026-03-10T08:00:00Z', registerWh: 1_000_000, energyWh: 0 },
    { at: '2026-03-10T08:20:00Z', registerWh: 1_002_000, energyWh: 2_000 },
    { at: '2026-03-10T08:40:00Z', registerWh: 1_004_000, energyWh: 4_000 },
    { at: '2026-03-10T09:00:00Z', registerWh: 1_006_000, energyWh: 6_000 },
  ],
};

function session(overrides: Record<string, unknown>, curve: { status?: number; body: unknown } = { body: CURVE }) {
  return asOperatorAdmin([
    { match: (u) => u === '/api/sessions/sessions/s-1/meter-values', ...curve },
    { match: (u) => u === '/api/sessions/sessions/s-1/corrections', body: [] },
    { match: (u) => u === '/api/sessions/sessions/s-1', body: { ...SESSION, ...overrides } },
  ]);
}

describe('the session page', () => {
  it('draws the meter values session-service reported for the session', async () => {
    const { calls } = session({});
    renderUi(<App />, 'en', '/sessions/s-1');

    const chart = await screen.findByTestId('meter-curve-chart', {}, { timeout: 15000 });
    expect(chart).toHaveAccessibleName('Energy delivered over the session: 6.000 kWh');
    expect(chart).toHaveTextContent('As the charger reported it: register 1,000,000 Wh to 1,006,000 Wh, 4 readings.');
    expect(chart).not.toHaveTextContent('Corrected');
    expect(calls.some((c) => c.url === '/api/sessions/sessions/s-1/meter-values')).toBe(true);
  });

  it('keeps the charger\'s curve of a corrected session and names what the session counts', async () => {
    session({ meterStopWh: 1_005_000, energyWh: 5_000, energyKwh: 5.0, correctionRevision: 1 });
    renderUi(<App />, 'en', '/sessions/s-1');

    const chart = await screen.findByTestId('meter-curve-chart', {}, { timeout: 15000 });
    expect(chart).toHaveAccessibleName('Energy delivered over the session: 6.000 kWh');
    expect(chart).toHaveTextContent('Corrected: the session counts from meter start 1,000,000 Wh to meter stop 1,005,000 Wh.');
  });

  it('says so when the charger sent no reading since the start', async () => {
    session({ status: 'AWAITING_START', startedAt: null, meterStartWh: null }, { body: { sessionId: 's-1', samples: [{ at: '2026-03-10T09:00:00Z', registerWh: 1_006_000, energyWh: null }] } });
    renderUi(<App />, 'en', '/sessions/s-1');

    expect(await screen.findByText('No meter readings yet.', {}, { timeout: 15000 })).toBeInTheDocument();
    expect(screen.queryByTestId('meter-curve-chart')).not.toBeInTheDocument();
  });

  it('shows why the meter values could not be read', async () => {
    session({}, { status: 503, body: { status: 503, title: 'Service Unavailable', detail: 'session-service is not answering' } });
    renderUi(<App />, 'en', '/sessions/s-1');

    const curve = await screen.findByRole('region', { name: 'Meter curve' }, { timeout: 15000 });
    expect(await within(curve).findByTestId('problem', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId('meter-curve-chart')).not.toBeInTheDocument();
  });

  it('says which messages of a charging station never arrived, and that the energy stands', async () => {
    session({ stationTransactionId: 'c1a5e-77', missingEventSeqNos: [2, 3] });
    renderUi(<App />, 'en', '/sessions/s-1');

    const missing = await screen.findByTestId('missing-events', {}, { timeout: 15000 });
    expect(missing).toHaveTextContent('2 messages of the charging station never arrived');
    expect(missing).toHaveTextContent('numbers 2, 3 never reached EV Settle');
    expect(screen.getByText('c1a5e-77')).toBeInTheDocument();
  });

  it('shows no such notice for a session whose messages all arrived', async () => {
    session({ missingEventSeqNos: [] });
    renderUi(<App />, 'en', '/sessions/s-1');

    await screen.findByTestId('meter-curve-chart', {}, { timeout: 15000 });
    expect(screen.queryByTestId('missing-events')).not.toBeInTheDocument();
  });
});

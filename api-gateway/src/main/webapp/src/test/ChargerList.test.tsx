import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import App from '../App';
import { asOperatorAdmin } from './fixtures';
import { renderUi } from './render';

const PENDING = {
  id: 'ch-1', revision: 2, operatorId: 'op-1', siteId: null, chargePointId: 'ZCS000143', connectorCount: 1,
  vendor: 'Zaptec', model: 'Go2', serialNumber: 'ZCS000143', firmwareVersion: '2.4.2.4', status: 'PENDING_APPROVAL',
  ocppPasswordOrigin: 'ENROLLMENT_KEY', ocppPasswordProblem: 'ChangeConfiguration AuthorizationKey answered Rejected (2026-03-29T02:10:00Z)',
};
const OWN = { ...PENDING, id: 'ch-2', chargePointId: 'ZCS000144', ocppPasswordOrigin: 'ISSUED', ocppPasswordProblem: null };

describe('the charger list', () => {
  it('says why a pending charger still on the enrollment key cannot be approved yet', async () => {
    asOperatorAdmin([{ match: (u) => u.startsWith('/api/users/operators/op-1/chargers'), body: { items: [PENDING, OWN] } }]);
    renderUi(<App />, 'en', '/chargers');
    const problem = await screen.findByTestId('password-problem-ZCS000143', {}, { timeout: 15000 });
    expect(problem).toHaveTextContent('Still on the enrollment key (ChangeConfiguration AuthorizationKey answered Rejected');
    expect(screen.queryByTestId('password-problem-ZCS000144')).not.toBeInTheDocument();
  });

  it('shows how the billing configuration of a connected charger stands after its boot', async () => {
    const active = { ...OWN, id: 'ch-3', chargePointId: 'ZCS000145', status: 'ACTIVE', firmwareVersion: '3.2.1.0' };
    const key = (k: string, result: string) => ({ key: k, profile: 'zaptec-go2-native', wantedValue: '60', reportedValue: '0',
      result, detail: null, checkedAt: '2026-03-29T02:10:01Z', sentAt: '2026-03-29T02:10:01Z' });
    asOperatorAdmin([
      { match: (u) => u.startsWith('/api/users/operators/op-1/chargers'), body: { items: [active] } },
      { match: (u) => u.startsWith('/api/ocpp/chargers/connections'), body: [{ chargePointId: 'ZCS000145', connected: true,
        connectors: [], configuration: [key('MeterValueSampleInterval', 'ACCEPTED'), key('HeartbeatInterval', 'REJECTED'),
          key('LocalPreAuthorize', 'UNCHANGED')] }] },
    ]);
    renderUi(<App />, 'en', '/chargers');
    const configuration = await screen.findByTestId('configuration-ZCS000145', {}, { timeout: 15000 });
    expect(configuration).toHaveTextContent('Billing configuration: HeartbeatInterval (refused)');
    expect(configuration).not.toHaveTextContent('MeterValueSampleInterval');
  });
});

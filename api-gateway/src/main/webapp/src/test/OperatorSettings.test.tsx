import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Operator } from '../api/types';
import { OperatorForm } from '../components/OperatorForm';
import { OPERATOR } from './fixtures';
import { renderUi } from './render';

const operator = { ...OPERATOR, language: 'nl', languageIsDefault: true, invoiceMail: { enabled: true, bcc: null }, userTypes: ['RESIDENT', 'EMPLOYEE', 'GUEST', 'LEASE'] } as unknown as Operator;

describe('the operator settings', () => {
  it('keep and change which user types may be billed to an employer', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderUi(<OperatorForm operator={{ ...operator, employerBilledUserTypes: ['EMPLOYEE'] }} onSubmit={onSubmit} submitLabel="Save" />);
    expect(screen.getByRole('checkbox', { name: 'Employee' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'LEASE' }));
    await user.click(screen.getByTestId('save-operator'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0].employerBilledUserTypes).toEqual(['EMPLOYEE', 'LEASE']);
  });

  it('start from EMPLOYEE when the operator has set nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderUi(<OperatorForm operator={operator} onSubmit={onSubmit} submitLabel="Save" />);
    await user.click(screen.getByTestId('save-operator'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0].employerBilledUserTypes).toEqual(['EMPLOYEE']);
  });
  it('keep the charger settings the operator chose on every save, and can keep chargers on OCPP 1.6', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    const chargerSettings = { meterValueSampleInterval: 120, authorizeRemoteTxRequests: false, localPreAuthorize: true, ocpp201Allowed: true };
    renderUi(<OperatorForm operator={{ ...operator, chargerSettings }} onSubmit={onSubmit} submitLabel="Save" />);
    await user.click(screen.getByTestId('operator-ocpp201'));
    await user.click(screen.getByTestId('save-operator'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0].chargerSettings).toEqual({ ...chargerSettings, ocpp201Allowed: false });
  });
});

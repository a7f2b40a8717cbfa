import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { users } from '../api/endpoints';
import { DriverForm } from '../components/DriverForm';
import { mockFetch, renderUi } from './render';

const TYPES = ['RESIDENT', 'EMPLOYEE', 'GUEST'];

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Name/), 'Anna de Vries');
  await user.type(screen.getByLabelText(/^E-mail/), 'anna@example.org');
  await user.type(screen.getByLabelText(/^Street and number/), 'Lindelaan 12');
  await user.type(screen.getByLabelText(/^Postal code/), '3581 AB');
  await user.type(screen.getByLabelText(/^City/), 'Utrecht');
}

describe('the driver form', () => {
  it('checks the fields as they are typed', async () => {
    const user = userEvent.setup();
    renderUi(<DriverForm driver={null} userTypes={TYPES} onSubmit={vi.fn()} />);
    const email = screen.getByLabelText(/^E-mail/);
    await user.type(email, 'anna@');
    expect(await screen.findByText('Enter an e-mail address such as anna@example.org')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    await user.type(email, 'example.org');
    await waitFor(() => expect(screen.queryByText('Enter an e-mail address such as anna@example.org')).not.toBeInTheDocument());

    await user.type(screen.getByLabelText(/^Company VAT number/), 'NL001234567B01');
    expect(await screen.findByText('A VAT number needs a company name')).toBeInTheDocument();

    const country = screen.getByLabelText(/^Country code/);
    await user.clear(country);
    await user.type(country, 'N');
    expect(await screen.findByText('Enter a two-letter country code such as NL or BE')).toBeInTheDocument();
  });

  it('does not send an invalid driver', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderUi(<DriverForm driver={null} userTypes={TYPES} onSubmit={onSubmit} />);
    await user.click(screen.getByTestId('save-driver'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect((await screen.findAllByText('Required')).length).toBeGreaterThanOrEqual(4);
  });

  it('sends the driver and shows the service problem in words, next to the field', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      {
        match: (url, method) => method === 'POST' && url === '/api/users/operators/op-1/drivers',
        status: 409,
        body: { type: 'urn:evsettle:problem:conflict', title: 'Conflicts with the current state', status: 409, detail: 'A driver with e-mail anna@example.org already exists for this operator' },
      },
    ]);
    renderUi(<DriverForm driver={null} userTypes={TYPES} onSubmit={(body) => users.createDriver('op-1', body)} />);
    await fillValid(user);
    await user.click(screen.getByTestId('save-driver'));
    expect(await screen.findByText('A driver with e-mail anna@example.org already exists for this operator')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The driver was not saved');
    expect(calls[0].body).toEqual({
      name: 'Anna de Vries',
      email: 'anna@example.org',
      billingAddress: { street: 'Lindelaan 12', postalCode: '3581 AB', city: 'Utrecht', countryCode: 'NL' },
      userType: 'RESIDENT',
      companyName: null,
      companyVatNumber: null,
      status: 'ACTIVE',
      sepaMandate: null,
    });
  });

  it('puts a field violation of the service next to its field', async () => {
    const user = userEvent.setup();
    mockFetch([
      {
        match: () => true,
        status: 400,
        body: { type: 'urn:evsettle:problem:validation', status: 400, detail: 'billingAddress.postalCode is not a postal code of NL', violations: [{ field: 'billingAddress.postalCode', message: 'is not a postal code of NL' }] },
      },
    ]);
    renderUi(<DriverForm driver={null} userTypes={TYPES} onSubmit={(body) => users.createDriver('op-1', body)} />);
    await fillValid(user);
    await user.click(screen.getByTestId('save-driver'));
    await screen.findByText('billingAddress.postalCode is not a postal code of NL');
    expect(screen.getByLabelText(/^Postal code/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('is not a postal code of NL')).toBeInTheDocument();
  });

  it('is in Dutch when the portal is', async () => {
    const user = userEvent.setup();
    renderUi(<DriverForm driver={null} userTypes={TYPES} onSubmit={vi.fn()} />, 'nl');
    await user.type(screen.getByLabelText(/^E-mail/), 'x');
    expect(await screen.findByText('Vul een e-mailadres in, zoals anna@example.org')).toBeInTheDocument();
    expect(screen.getByTestId('save-driver')).toHaveTextContent('Bestuurder aanmaken');
  });
});

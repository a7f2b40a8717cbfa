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
      language: null,
      companyRegistrationNumber: null,
      employerId: null,
      payoutIban: null,
      sepaMandate: null,
    });
  });

  it('checks the registration number by the rule of the billing country', async () => {
    const user = userEvent.setup();
    renderUi(<DriverForm driver={null} userTypes={TYPES} onSubmit={vi.fn()} />);
    await user.type(screen.getByLabelText(/^Company name/), 'Jansen BV');
    const number = screen.getByLabelText(/^Company registration number/);
    await user.type(number, '1234567');
    expect(await screen.findByText('Enter a KvK number of 8 digits')).toBeInTheDocument();
    await user.type(number, '8');
    await waitFor(() => expect(number).not.toHaveAttribute('aria-invalid'));

    const country = screen.getByLabelText(/^Country code/);
    await user.clear(country);
    await user.type(country, 'BE');
    await user.clear(number);
    await user.type(number, '0123.456.748');
    expect(await screen.findByText('Enter an enterprise number of 10 digits such as 0123.456.749 (check the digits)')).toBeInTheDocument();
    await user.clear(number);
    await user.type(number, '0123.456.749');
    await waitFor(() => expect(number).not.toHaveAttribute('aria-invalid'));

    await user.clear(screen.getByLabelText(/^Company name/));
    await user.type(number, ' ');
    expect(await screen.findByText('A registration number needs a company name')).toBeInTheDocument();
  });

  it('sends the chosen language and the registration number, and keeps an edited driver\'s', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderUi(<DriverForm driver={null} userTypes={TYPES} onSubmit={onSubmit} />);
    await fillValid(user);
    const language = screen.getByLabelText(/^Language of invoices/);
    expect(language).toHaveValue('');
    expect(screen.getByRole('option', { name: "The operator's language" })).toBeInTheDocument();
    await user.selectOptions(language, 'fr');
    await user.type(screen.getByLabelText(/^Company name/), 'De Vries Consultancy');
    await user.type(screen.getByLabelText(/^Company registration number/), ' 1234 5678 ');
    await user.click(screen.getByTestId('save-driver'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      companyName: 'De Vries Consultancy',
      companyRegistrationNumber: '1234 5678',
      language: 'fr',
    });
  });

  it('shows an edited driver\'s language and number, and the language in Dutch when the portal is', async () => {
    renderUi(
      <DriverForm
        driver={{
          id: 'd-1', revision: 3, operatorId: 'op-1', name: 'Jan', email: 'jan@example.org', status: 'ACTIVE', userType: 'RESIDENT',
          billingAddress: { street: 'Kerkstraat 1', postalCode: '1000', city: 'Brussel', countryCode: 'BE' },
          companyName: 'Jansen BV', language: 'de', companyRegistrationNumber: '0123456749',
        }}
        userTypes={TYPES}
        onSubmit={vi.fn()}
      />,
      'nl',
    );
    expect(screen.getByLabelText(/^Taal van facturen/)).toHaveValue('de');
    expect(screen.getByRole('option', { name: 'Duits' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Registratienummer van het bedrijf/)).toHaveValue('0123456749');
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

  it('bills an employee to the chosen employer and sends the payout IBAN', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    const employer = {
      id: 'd-acme', revision: 1, operatorId: 'op-1', name: 'Fleet desk', email: 'fleet@acme.example', status: 'ACTIVE' as const, userType: 'RESIDENT',
      billingAddress: { street: 'Stationsplein 1', postalCode: '3511 AA', city: 'Utrecht', countryCode: 'NL' }, companyName: 'Acme BV',
    };
    renderUi(<DriverForm driver={null} userTypes={TYPES} employers={[employer]} employerBilledUserTypes={['EMPLOYEE']} onSubmit={onSubmit} />);
    await fillValid(user);
    await user.selectOptions(screen.getByLabelText(/^Employer/), 'd-acme');
    expect(await screen.findByText('Only Employee can be billed to an employer')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(/^User type/), 'EMPLOYEE');
    await waitFor(() => expect(screen.queryByText('Only Employee can be billed to an employer')).not.toBeInTheDocument());

    const iban = screen.getByLabelText(/^IBAN for reimbursements/);
    await user.type(iban, 'NL91 ABNA 0417 1643 01');
    expect(await screen.findByText('This is not a valid IBAN (check the digits)')).toBeInTheDocument();
    await user.clear(iban);
    await user.type(iban, 'nl91 abna 0417 1643 00');
    await user.click(screen.getByTestId('save-driver'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ userType: 'EMPLOYEE', employerId: 'd-acme', payoutIban: 'NL91ABNA0417164300' });
  });

  it('shows an edited employee\'s employer and IBAN', () => {
    const employer = {
      id: 'd-acme', revision: 1, operatorId: 'op-1', name: 'Fleet desk', email: 'fleet@acme.example', status: 'ACTIVE' as const, userType: 'RESIDENT',
      billingAddress: { street: 'Stationsplein 1', postalCode: '3511 AA', city: 'Utrecht', countryCode: 'NL' }, companyName: 'Acme BV',
    };
    renderUi(
      <DriverForm
        driver={{ id: 'd-2', revision: 1, operatorId: 'op-1', name: 'Anna', email: 'anna@example.org', status: 'ACTIVE', userType: 'EMPLOYEE',
          billingAddress: { street: 'Kerkstraat 1', postalCode: '3581 AB', city: 'Utrecht', countryCode: 'NL' }, employerId: 'd-acme', payoutIban: 'NL91ABNA0417164300' }}
        userTypes={TYPES}
        employers={[employer]}
        onSubmit={vi.fn()}
      />,
    );
    expect(screen.getByLabelText(/^Employer/)).toHaveValue('d-acme');
    expect(screen.getByRole('option', { name: 'Acme BV (Fleet desk)' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^IBAN for reimbursements/)).toHaveValue('NL91ABNA0417164300');
  });
});

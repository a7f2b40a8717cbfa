import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { tariffs } from '../api/endpoints';
import type { Tariff } from '../api/types';
import { TariffEditor } from '../components/TariffEditor';
import { mockFetch, renderUi } from './render';

const TYPES = ['RESIDENT', 'EMPLOYEE', 'GUEST'];

function editor(onSave = vi.fn().mockResolvedValue(undefined), tariff: Tariff | null = null) {
  renderUi(<TariffEditor tariff={tariff} userTypes={TYPES} sites={[]} chargers={[]} zone="Europe/Amsterdam" onSave={onSave} />);
  return onSave;
}

describe('the tariff editor', () => {
  it('checks prices and restrictions as they are typed', async () => {
    const user = userEvent.setup();
    editor();
    await user.type(screen.getByTestId('component-0-price'), '0.123456');
    expect(await screen.findByText('Enter a price of 0 or more with at most 5 decimals')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('component-0-start-time'), { target: { value: '17:00' } });
    expect(await screen.findByText('Give both a start and an end time, or neither')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('component-0-end-time'), { target: { value: '17:00' } });
    expect(await screen.findByText('The end time must differ from the start time')).toBeInTheDocument();
  });

  it('does not save a tariff with a broken rule', async () => {
    const user = userEvent.setup();
    const onSave = editor();
    await user.click(screen.getByTestId('save-tariff'));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Required')).toBeInTheDocument();
  });

  it('sends components with restrictions as tariff-service reads them', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ match: (url, method) => method === 'POST' && url === '/api/tariffs/operators/op-1/tariffs', status: 201, body: {} }]);
    const onSave = vi.fn((form) => tariffs.create('op-1', form));
    editor(onSave);
    await user.type(screen.getByTestId('tariff-name'), 'Standaard laden');
    await user.type(screen.getByTestId('component-0-price'), '0,35');
    fireEvent.change(screen.getByTestId('component-0-start-time'), { target: { value: '17:00' } });
    fireEvent.change(screen.getByTestId('component-0-end-time'), { target: { value: '21:00' } });
    await user.click(screen.getByTestId('component-0-day-FRIDAY'));
    await user.click(screen.getByTestId('component-0-day-MONDAY'));

    await user.click(screen.getByTestId('add-component'));
    await user.selectOptions(screen.getByTestId('component-1-type'), 'START_FEE');
    await user.type(screen.getByTestId('component-1-price'), '1');
    await user.type(screen.getByTestId('component-1-max-kwh'), '10');

    await user.click(screen.getByTestId('save-tariff'));
    expect(onSave).toHaveBeenCalledOnce();
    expect(calls[0].body).toEqual({
      name: 'Standaard laden',
      userTypes: [],
      siteId: null,
      chargerId: null,
      vatRate: '0.2100',
      effectiveFrom: null,
      components: [
        { type: 'ENERGY', unitPrice: '0.35', restrictions: { startTime: '17:00', endTime: '21:00', daysOfWeek: ['MONDAY', 'FRIDAY'] } },
        { type: 'START_FEE', unitPrice: '1', restrictions: { maxKwh: '10' } },
      ],
    });
  });

  it('shows the service rule next to the component field it names', async () => {
    const user = userEvent.setup();
    mockFetch([
      {
        match: () => true,
        status: 400,
        body: { type: 'urn:evsettle:problem:validation', status: 400, detail: 'components[0].restrictions.daysOfWeek: two ENERGY components would apply at the same moment', violations: [{ field: 'components[0].restrictions.daysOfWeek', message: 'two ENERGY components would apply at the same moment' }] },
      },
    ]);
    editor(vi.fn((form) => tariffs.create('op-1', form)));
    await user.type(screen.getByTestId('tariff-name'), 'Dubbel');
    await user.type(screen.getByTestId('component-0-price'), '0.30');
    await user.click(screen.getByTestId('save-tariff'));
    expect(await screen.findByText('two ENERGY components would apply at the same moment')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The tariff was not saved');
  });

  it('edits the next version of a tariff from its latest one, keeping its scope', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockResolvedValue(undefined);
    const tariff: Tariff = {
      id: 't-1', operatorId: 'op-1', name: 'Bewoners', userTypes: ['RESIDENT'], siteId: null, chargerId: null, currency: 'EUR',
      versions: [
        { version: 1, effectiveFrom: '2026-01-01T00:00:00Z', vatRate: '0.21', timeZone: 'Europe/Amsterdam', components: [{ type: 'ENERGY', unitPrice: '0.30000' }] },
        { version: 2, effectiveFrom: '2026-06-01T00:00:00Z', vatRate: '0.09', timeZone: 'Europe/Amsterdam', components: [{ type: 'IDLE_FEE', unitPrice: '0.10000', graceMinutes: 30, cap: '10.00' }] },
      ],
    };
    editor(onSave, tariff);
    expect(screen.getByTestId('tariff-vat')).toHaveValue('9');
    expect(screen.getByTestId('component-0-price')).toHaveValue('0.1');
    const from = screen.getByTestId('tariff-effective-from');
    fireEvent.change(from, { target: { value: '2027-01-01T00:00' } });
    await user.click(screen.getByTestId('save-tariff'));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({
      name: 'Bewoners',
      userTypes: ['RESIDENT'],
      vatRate: '0.0900',
      effectiveFrom: '2026-12-31T23:00:00Z',
      components: [{ type: 'IDLE_FEE', unitPrice: '0.1', graceMinutes: 30, cap: '10.00' }],
    }));
  });
});

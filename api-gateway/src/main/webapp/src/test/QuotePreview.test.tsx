import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QuotePreview, nextFridayEvening } from '../components/QuotePreview';
import { mockFetch, renderUi } from './render';

const QUOTE = {
  chargePointId: 'CP-1', userType: 'GUEST', tariffId: 't-1', tariffName: 'Gasten', tariffVersion: 2,
  startAt: '2026-12-04T17:00:00Z', stopAt: '2026-12-04T20:00:00Z', energyKwh: 20, durationMinutes: 180, idleMinutes: 0,
  currency: 'EUR', netAmount: '8.10', vatRate: '0.21', vatAmount: '1.70', grossAmount: '1234.56',
  lines: [{ component: 'ENERGY', description: 'Energy', quantity: '20.000', unit: 'kWh', unitPrice: '0.35000', amount: '7.00' }],
};

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('the quote preview', () => {
  it('starts on the next Friday evening in the operator zone', () => {
    expect(nextFridayEvening('Europe/Amsterdam', new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-04T18:00');
    expect(nextFridayEvening('Europe/Amsterdam', new Date('2026-12-04T10:00:00Z'))).toBe('2026-12-11T18:00');
  });

  it('asks the quote endpoint and says what the session costs', async () => {
    const { calls } = mockFetch([{ match: (url, method) => method === 'POST' && url === '/api/tariffs/chargers/CP-1/quote', body: QUOTE }]);
    renderUi(<QuotePreview chargePointId="CP-1" zone="Europe/Amsterdam" debounceMs={0} />, 'nl');
    const sentence = await screen.findByTestId('quote-sentence');
    expect(plain(sentence.textContent)).toContain('Een sessie van 3 uur en 20 kWh');
    expect(plain(sentence.textContent)).toContain('kost € 1.234,56.');
    const body = calls[0].body as Record<string, unknown>;
    expect(body).toMatchObject({ energyKwh: 20, durationMinutes: 180, idleMinutes: 0 });
    const start = new Date(body.startAt as string);
    expect(start.getUTCDay()).toBe(5);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(start)).toBe('18:00');
  });

  it('asks again as the plan changes, and not while a field is wrong', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ match: () => true, body: QUOTE }]);
    renderUi(<QuotePreview chargePointId="CP-1" zone="Europe/Amsterdam" debounceMs={0} />);
    await screen.findByTestId('quote-sentence');
    const energy = screen.getByTestId('quote-energy');
    await user.clear(energy);
    await user.type(energy, '12.3456');
    expect(await screen.findByText('Enter 0 to 1000 kWh with at most 3 decimals')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('quote-sentence')).not.toBeInTheDocument());
    await user.clear(energy);
    await user.type(energy, '12.5');
    await screen.findByTestId('quote-sentence');
    expect(calls.at(-1)?.body).toMatchObject({ energyKwh: 12.5 });
  });

  it('shows why there is no price', async () => {
    mockFetch([{ match: () => true, status: 404, body: { type: 'urn:evsettle:problem:not-found', status: 404, title: 'Not found', detail: 'No tariff applies at charger CP-1 for GUEST' } }]);
    renderUi(<QuotePreview chargePointId="CP-1" zone="Europe/Amsterdam" debounceMs={0} />);
    expect(await screen.findByText('No tariff applies at charger CP-1 for GUEST')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('No price available');
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App';
import { asOperatorAdmin, queryOf } from './fixtures';
import { renderUi } from './render';

const driver = (id: string, name: string, email: string) => ({
  id, revision: 1, operatorId: 'op-1', name, email, billingAddress: { street: 'Lindelaan 12', postalCode: '3581 AB', city: 'Utrecht', countryCode: 'NL' },
  userType: 'RESIDENT', status: 'ACTIVE',
});

describe('the drivers page', () => {
  it('searches the operator\'s drivers on the server once two characters are typed', async () => {
    const user = userEvent.setup();
    const { calls } = asOperatorAdmin([
      // user-service found them by e-mail: the page shows what it answers, filtering nothing itself
      { match: (u) => u.startsWith('/api/users/operators/op-1/drivers?') && queryOf(u).get('q') === 'jan', body: { items: [driver('d-2', 'Daan Visser', 'd.jansen@example.org')], next: 'c2' } },
      { match: (u) => u.startsWith('/api/users/operators/op-1/drivers?') && queryOf(u).has('q'), body: { items: [] } },
      { match: (u) => u.startsWith('/api/users/operators/op-1/drivers?'), body: { items: [driver('d-1', 'Anna de Vries', 'anna@example.org')] } },
    ]);
    renderUi(<App />, 'en', '/drivers');
    expect(await screen.findByTestId('row-d-1', {}, { timeout: 15000 })).toBeInTheDocument();
    const searches = () => calls.filter((c) => c.url.startsWith('/api/users/operators/op-1/drivers?') && queryOf(c.url).has('q'));

    await user.type(screen.getByTestId('driver-search'), 'j');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(searches()).toEqual([]);

    await user.type(screen.getByTestId('driver-search'), 'an');
    expect(await screen.findByTestId('row-d-2', {}, { timeout: 5000 })).toHaveTextContent('Daan Visser');
    expect(screen.queryByTestId('row-d-1')).not.toBeInTheDocument();
    // typed quickly, one request: the text as it stood when typing paused
    expect(searches().map((c) => queryOf(c.url).get('q'))).toEqual(['jan']);
    expect(screen.getByTestId('load-more')).toBeInTheDocument();

    await user.type(screen.getByTestId('driver-search'), 'zz');
    expect(await screen.findByText('No driver matches the search', {}, { timeout: 5000 })).toBeInTheDocument();
    await user.clear(screen.getByTestId('driver-search'));
    expect(await screen.findByTestId('row-d-1', {}, { timeout: 5000 })).toBeInTheDocument();
  });
});

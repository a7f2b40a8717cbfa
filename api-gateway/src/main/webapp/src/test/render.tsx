import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { I18nProvider, type Lang } from '../i18n';
import { Themed } from '../Themed';

export function renderUi(ui: ReactElement, lang: Lang = 'en', path = '/') {
  return render(
    <I18nProvider initial={lang}>
      <Themed env="test">
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </Themed>
    </I18nProvider>,
  );
}

export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Replaces fetch: each call is answered by the first route whose test matches; the calls are kept. */
export function mockFetch(routes: { match: (url: string, method: string) => boolean; status?: number; body?: unknown; contentType?: string }[]) {
  const calls: Call[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const raw = init?.body;
    calls.push({ url, method, headers, body: typeof raw === 'string' && headers['Content-Type'] === 'application/json' ? JSON.parse(raw) : raw });
    const route = routes.find((r) => r.match(url, method));
    if (!route) return new Response(JSON.stringify({ status: 404, title: 'Not found', detail: `no mock for ${method} ${url}` }), { status: 404 });
    const status = route.status ?? 200;
    return new Response(route.body === undefined ? '' : JSON.stringify(route.body), {
      status,
      headers: { 'Content-Type': route.contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json') },
    });
  });
  return { calls, spy };
}

import { describe, expect, it, vi } from 'vitest';
import { ApiError, api, session } from '../api/client';
import { mockFetch } from './render';

describe('the api client', () => {
  it('sends the CSRF token on a change and says it is JavaScript', async () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123';
    const { calls } = mockFetch([{ match: () => true, body: { ok: true } }]);
    await api.post('/api/users/cards/1/block', { reason: 'x' });
    await api.get('/api/users/me/cards');
    expect(calls[0].headers['X-XSRF-TOKEN']).toBe('abc=123');
    expect(calls[0].headers['X-Requested-With']).toBe('JavaScript');
    expect(calls[1].headers['X-XSRF-TOKEN']).toBeUndefined();
    expect(calls[1].headers['X-Requested-With']).toBe('JavaScript');
  });

  it.each([401, 499])('reloads the page when the login expired (%i)', async (status) => {
    const expired = vi.spyOn(session, 'expired').mockImplementation(() => undefined);
    mockFetch([{ match: () => true, status, body: {} }]);
    await expect(api.get('/api/sessions/me/sessions')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('keeps the problem+json with its field violations', async () => {
    mockFetch([{ match: () => true, status: 400, body: { type: 'urn:evsettle:problem:validation', title: 'The request is not valid', status: 400, detail: 'email must be a well-formed email address', violations: [{ field: 'email', message: 'must be a well-formed email address' }] } }]);
    const error = (await api.post('/api/users/operators/o/drivers', {}).catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem.detail).toBe('email must be a well-formed email address');
    expect(error.fieldErrors).toEqual({ email: 'must be a well-formed email address' });
  });
});

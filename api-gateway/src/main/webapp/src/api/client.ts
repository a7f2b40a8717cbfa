/**
 * The one way the portal talks to the api-gateway: every request says it is JavaScript (so an expired
 * login answers 401/499 instead of a redirect), every change carries the CSRF token from the
 * XSRF-TOKEN cookie, and every error becomes an ApiError holding the service's problem+json.
 */

export interface Violation {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  violations?: Violation[];
  errors?: Violation[];
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The broken rules by field (a JSON path such as billingAddress.postalCode). */
  get fieldErrors(): Record<string, string> {
    const all = [...(this.problem.violations ?? []), ...(this.problem.errors ?? [])];
    const out: Record<string, string> = {};
    for (const v of all) {
      if (v && v.field) out[v.field] = out[v.field] ? `${out[v.field]}; ${v.message}` : v.message;
    }
    return out;
  }
}

export interface Page<T> {
  items: T[];
  next?: string | null;
}

/** Called when the login has expired; replaced in tests. */
export const session = {
  expired: () => window.location.reload(),
};

export function csrfToken(): string | undefined {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : undefined;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

interface RequestOptions {
  method?: string;
  query?: Query;
  body?: unknown;
  /** A raw body (CSV text) and its content type instead of JSON. */
  text?: { body: string; contentType: string };
  signal?: AbortSignal;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'JavaScript',
  };
  let body: BodyInit | undefined;
  if (options.text) {
    headers['Content-Type'] = options.text.contentType;
    body = options.text.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Network error', detail: (e as Error).message });
  }
  if (response.status === 401 || response.status === 499) {
    session.expired();
    throw new ApiError({ status: response.status, title: 'Session expired' });
  }
  const text = await response.text();
  if (!response.ok) {
    let problem: Problem = { status: response.status, title: response.statusText };
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object') problem = { ...problem, ...parsed, status: response.status };
    } catch {
      if (text) problem.detail = text.substring(0, 500);
    }
    throw new ApiError(problem);
  }
  if (!text) return undefined as T;
  return JSON.parse(text) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>(path, { method: 'POST', body: body ?? {}, query }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  del: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
  postText: <T>(path: string, text: string, contentType = 'text/csv') =>
    request<T>(path, { method: 'POST', text: { body: text, contentType } }),
};

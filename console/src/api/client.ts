// A small typed client for the Flotilla REST API: same origin, session cookie, CSRF token echoed
// from the XSRF-TOKEN cookie, RFC 9457 problem+json errors turned into ApiError.

/** One invalid field named by the server (`errors` of a problem). */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem as the server answers it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
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

  /** The message the server gave for one field (matched on the field path or its last segment). */
  fieldError(field: string): string | undefined {
    const errors = this.problem.errors ?? [];
    const exact = errors.find((e) => e.field === field);
    if (exact) return exact.message;
    return errors.find((e) => e.field.endsWith('.' + field) || field.endsWith('.' + e.field))?.message;
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};

/** Called on every 401 (the session is lost): the app sends the user to the login page. */
export function setUnauthorizedListener(listener: UnauthorizedListener): void {
  onUnauthorized = listener;
}

export function csrfToken(): string | undefined {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : undefined;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Send the body as-is with this content type (YAML) instead of JSON. */
  contentType?: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Do not report a 401 to the unauthorized listener (the login call itself). */
  quiet401?: boolean;
}

export function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (options.contentType) {
      headers['Content-Type'] = options.contentType;
      body = options.body as string;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response: Response;
  try {
    response = await fetch(url(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Network error', detail: 'The server cannot be reached: ' + (e as Error).message });
  }
  if (response.status === 401 && !options.quiet401) onUnauthorized();
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as unknown as T;
}

export async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  try {
    if (type.includes('json')) {
      const json = await response.json();
      // Kubernetes-compatible endpoints answer Status objects
      if (json && json.kind === 'Status') return { status: response.status, title: json.reason, detail: json.message };
      return { status: response.status, ...json };
    }
    const text = await response.text();
    return { status: response.status, title: response.statusText, detail: text || response.statusText };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: RequestOptions['query']) => request<T>(path, { method: 'POST', body: body ?? {}, query }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  del: <T>(path: string, query?: RequestOptions['query']) => request<T>(path, { method: 'DELETE', query }),
};

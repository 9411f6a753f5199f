/** Small JSON client for the platform API; errors carry the server's Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { message?: string } | null)?.message ?? `请求失败（${response.status}）`;
    throw new ApiError(response.status, message, body);
  }
  return body as T;
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent on every state-changing request (set by the session store). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** POST/PUT/DELETE with JSON (or FormData) and the CSRF header; errors carry the server's Chinese message and issues. */
export async function apiSend<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
  });
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (parsed as { message?: string } | null)?.message ?? `请求失败（${response.status}）`;
    throw new ApiError(response.status, message, parsed);
  }
  return parsed as T;
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** The per-field issues of an API error, if any. */
export function issuesOf(error: unknown): FieldIssue[] {
  const body = error instanceof ApiError ? (error.body as { issues?: FieldIssue[] } | null) : null;
  return body?.issues ?? [];
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);

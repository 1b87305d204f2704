/**
 * A small fetch wrapper: the API key as a bearer token, JSON in and out, problem+json answers
 * turned into `ApiError`s that keep the problem (409 conflicts carry who decided first).
 */
import type { Problem } from './types.js';

/** A non-2xx answer of the API. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`web/api: ${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

export type QueryValue = string | number | undefined;

export interface ApiClient {
  get<T>(path: string, query?: Readonly<Record<string, QueryValue>>): Promise<T>;
  /** POST a JSON body; answers the status with the body (201 and 202 mean different things). */
  post<T>(path: string, body: unknown): Promise<{ readonly status: number; readonly body: T }>;
}

/** `?a=1&b=x`, leaving out empty values. */
export function queryString(query: Readonly<Record<string, QueryValue>> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}

/** A client that sends `key` with every request to the same origin. */
export function createApiClient(key: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): ApiClient {
  const send = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetchImpl(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!response.ok) throw new ApiError(await problemOf(response));
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as unknown };
  };
  return {
    async get<T>(path: string, query?: Readonly<Record<string, QueryValue>>) {
      return (await send('GET', `${path}${queryString(query)}`)).body as T;
    },
    async post<T>(path: string, body: unknown) {
      const answer = await send('POST', path, body);
      return { status: answer.status, body: answer.body as T };
    },
  };
}

/**
 * Who is signed in: the API key (kept in sessionStorage, so it lasts for this tab only and is
 * gone when the tab closes) and what GET /v1/me says about it.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createApiClient, type ApiClient } from '../api/client.js';
import { endpoints } from '../api/endpoints.js';
import type { Caller, Role } from '../api/types.js';

export interface Session {
  readonly api: ApiClient;
  readonly caller: Caller;
}

const KEY_STORAGE = 'jiedui.apiKey';

/** Checks a key against the service; throws ApiError (401) when it is not valid. */
export async function signIn(key: string): Promise<Session> {
  const api = createApiClient(key.trim());
  const caller = await endpoints.me(api);
  sessionStorage.setItem(KEY_STORAGE, key.trim());
  return { api, caller };
}

/** The key this tab signed in with, if any. */
export function storedKey(): string | undefined {
  return sessionStorage.getItem(KEY_STORAGE) ?? undefined;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY_STORAGE);
}

/** Roles that may approve and reject pairings and re-solve (the API's review roles). */
const REVIEWERS: readonly Role[] = ['official', 'admin'];
/** Roles that may start a run. */
const SOLVERS: readonly Role[] = ['official', 'analyst', 'admin'];

export const canReview = (role: Role): boolean => REVIEWERS.includes(role);
export const canSolve = (role: Role): boolean => SOLVERS.includes(role);

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only used under the signed-in part of the app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('web/session: useSession outside a signed-in page');
  return session;
}

/** The signed-in account, shared by the pages (one small store; the server is the authority). */
import { useEffect, useSyncExternalStore } from 'react';
import { apiGet, apiSend, setCsrfToken } from '../api';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: 'enterprise' | 'county_reviewer' | 'prefecture_reviewer' | 'finance' | 'policy_admin' | 'auditor';
  regionCode: string | null;
  enterpriseId: string | null;
}

interface State {
  loaded: boolean;
  account: Account | null;
}

let state: State = { loaded: false, account: null };
const listeners = new Set<() => void>();
let loading: Promise<void> | null = null;

function set(next: State) {
  state = next;
  for (const l of listeners) l();
}

export function applySession(body: { account: Account | null; csrfToken: string | null }): void {
  setCsrfToken(body.csrfToken);
  set({ loaded: true, account: body.account });
}

export function refreshSession(): Promise<void> {
  loading = apiGet<{ account: Account | null; csrfToken: string | null }>('/api/v1/auth/session')
    .then(applySession)
    .catch(() => set({ loaded: true, account: null }));
  return loading;
}

export async function logout(): Promise<void> {
  await apiSend('POST', '/api/v1/auth/logout').catch(() => undefined);
  applySession({ account: null, csrfToken: null });
}

export function useSession(): State {
  const snapshot = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
  useEffect(() => {
    if (!state.loaded && !loading) void refreshSession();
  }, []);
  return snapshot;
}

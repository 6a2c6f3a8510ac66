import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { login as apiLogin, logout as apiLogout, me } from '../api/session';
import type { Session } from '../api/types';

interface SessionState {
  readonly session: Session | null;
  readonly loading: boolean;
  login(username: string, password: string): Promise<Session>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export const SESSION_KEY = ['session'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        return await me();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: Infinity,
  });
  // Another user's data must not outlive their session; the session query itself stays observed.
  const dropCaseData = useCallback(
    () => qc.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] }),
    [qc],
  );
  const login = useCallback(
    async (username: string, password: string) => {
      const s = await apiLogin(username, password);
      dropCaseData();
      qc.setQueryData(SESSION_KEY, s);
      return s;
    },
    [qc, dropCaseData],
  );
  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      dropCaseData();
      qc.setQueryData(SESSION_KEY, null);
    }
  }, [qc, dropCaseData]);
  return (
    <SessionContext.Provider value={{ session: q.data ?? null, loading: q.isPending, login, logout }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

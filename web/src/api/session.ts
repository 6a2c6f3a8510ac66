import { request, setCsrfToken } from './client';
import type { Session } from './types';

export async function login(username: string, password: string): Promise<Session> {
  const s = await request<Session>('POST', '/api/login', { username, password });
  setCsrfToken(s.csrfToken);
  return s;
}

export async function logout(): Promise<void> {
  await request<{ ok: true }>('POST', '/api/logout', {});
  setCsrfToken(null);
}

export async function me(): Promise<Session> {
  const s = await request<Session>('GET', '/api/me');
  setCsrfToken(s.csrfToken);
  return s;
}

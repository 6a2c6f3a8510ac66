/**
 * Login sessions. The browser holds a random 32-byte token in an HttpOnly cookie; the database holds
 * only its SHA-256, so a copy of the database cannot be used to log in. Each session has its own
 * CSRF token, sent back by the web app in `x-csrf-token` on every state-changing request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Store } from '../store/open-store.js';
import type { UserRecord } from '../store/repositories/users.js';
import { verifyAgainstNothing, verifyPassword, MAX_PASSWORD_LENGTH } from './passwords.js';

/** A session lasts at most this long from login … */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** … and ends after this long without a request. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** last_seen_at is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

export interface ActiveSession {
  readonly tokenHash: string;
  readonly csrfToken: string;
  readonly user: UserRecord;
}

export interface LoginResult {
  readonly user: UserRecord;
  /** The cookie value; never stored or logged. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** Checks the password and opens a session; null for a wrong username, password or a disabled user. */
export async function login(
  store: Store,
  username: string,
  password: string,
  now: Date = new Date(),
): Promise<LoginResult | null> {
  if (password.length > MAX_PASSWORD_LENGTH) return null;
  const found = await store.users.findForLogin(username);
  if (!found) return verifyAgainstNothing(password).then(() => null);
  if (!(await verifyPassword(found.passwordHash, password)) || found.disabled) return null;
  const { passwordHash: _hash, ...user } = found;
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await store.transaction(async (repos) => {
    await repos.sessions.create({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: expiresAt.toISOString(),
    });
    await repos.audit.append({ actor: user.username, action: 'user.login', subject: `user:${user.id}` });
  });
  return { user, token, csrfToken, expiresAt };
}

/** The live session for a cookie value, or null (unknown, expired, idle too long, user disabled). */
export async function findSession(
  store: Store,
  token: string,
  now: Date = new Date(),
): Promise<ActiveSession | null> {
  if (token.length === 0 || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const found = await store.sessions.find(tokenHash);
  if (!found) return null;
  const t = now.getTime();
  const expired =
    Date.parse(found.session.expiresAt) <= t || Date.parse(found.session.lastSeenAt) + SESSION_IDLE_MS <= t;
  if (expired || found.user.disabled) {
    await store.sessions.delete(tokenHash);
    return null;
  }
  if (Date.parse(found.session.lastSeenAt) + TOUCH_EVERY_MS <= t) {
    await store.sessions.touch(tokenHash, now.toISOString());
  }
  return { tokenHash, csrfToken: found.session.csrfToken, user: found.user };
}

export async function logout(store: Store, session: ActiveSession): Promise<void> {
  await store.transaction(async (repos) => {
    await repos.sessions.delete(session.tokenHash);
    await repos.audit.append({
      actor: session.user.username,
      action: 'user.logout',
      subject: `user:${session.user.id}`,
    });
  });
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(session: ActiveSession, header: string | undefined): boolean {
  if (typeof header !== 'string' || header.length === 0) return false;
  const a = Buffer.from(header, 'utf8');
  const b = Buffer.from(session.csrfToken, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

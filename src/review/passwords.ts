/**
 * Password hashing: argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane) through @node-rs/argon2,
 * which needs no build toolchain. Hashes are PHC strings and carry their own parameters, so stronger
 * settings later still verify old hashes.
 */
import { Algorithm, hash, verify } from '@node-rs/argon2';

import { UserError } from '../domain/errors.js';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
/** Longer input is refused before hashing (no hashing of megabyte "passwords"). */
export const MAX_PASSWORD_LENGTH = 1024;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/** Spends the time a real verification takes, so an unknown username answers no faster than a known one. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password-for-timing');
  await verifyPassword(await dummy, password);
  return false;
}

/** Refuses a password a new account should not have. */
export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, {
      code: 'weak_password',
    });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new UserError(`A password may have at most ${MAX_PASSWORD_LENGTH} characters.`, {
      code: 'weak_password',
    });
  }
}

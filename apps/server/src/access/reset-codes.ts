import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or copied from paper. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP = 4;

/** A one-time reset code such as `K7QM-3XHP-RW2D` (about 59 bits). */
export function newResetCode(): string {
  return Array.from({ length: GROUPS }, () => Array.from({ length: GROUP }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');
}

/** What is stored: the hash of the code as the owner may type it (any case, with or without dashes and spaces). */
export function hashResetCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}

export function resetCodeMatches(storedHash: string | null, code: string): boolean {
  const given = Buffer.from(hashResetCode(code), 'hex');
  const stored = Buffer.from(storedHash ?? '0'.repeat(64), 'hex');
  return stored.length === given.length && timingSafeEqual(stored, given) && storedHash !== null;
}

/** Stored in place of a password hash while a reset is pending: no password verifies against it. */
export const NO_PASSWORD = '!reset-pending';

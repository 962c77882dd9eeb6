/**
 * Passwords as Clerk keeps them: a salted hash, never the plaintext. scrypt with a small cost
 * keeps a test that creates users fast while still being a real one-way hash.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { PasswordRecord } from './records.js';

const SCRYPT_COST = { N: 1024, r: 8, p: 1 };

export function hashPassword(
  password: string,
  salt = randomBytes(16).toString('hex'),
): PasswordRecord & { kind: 'scrypt' } {
  return { kind: 'scrypt', salt, hash: scryptSync(password, salt, 32, SCRYPT_COST).toString('hex') };
}

/**
 * Digests imported with `password_digest` + `password_hasher`. Only the unsalted hex hashers can
 * be checked without a dependency; a digest from any other hasher is stored but never matches.
 */
const CHECKABLE_HASHERS: Record<string, string> = { sha256: 'sha256', md5: 'md5' };

export function verifyPassword(record: PasswordRecord, password: string): boolean {
  if (record.kind === 'digest') {
    const algorithm = CHECKABLE_HASHERS[record.hasher];
    if (!algorithm) return false;
    return safeEqualHex(createHash(algorithm).update(password).digest('hex'), record.digest.toLowerCase());
  }
  return safeEqualHex(hashPassword(password, record.salt).hash, record.hash);
}

function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A few of the most breached passwords, standing in for Clerk's breached-password check. */
export const BREACHED_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  'qwertyuiop',
  'iloveyou',
]);

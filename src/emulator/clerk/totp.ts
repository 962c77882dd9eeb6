/**
 * RFC 6238 TOTP as Clerk configures it (HMAC-SHA1, 30 s period, 6 digits), so a code computed
 * by any authenticator app from the user's secret verifies here too.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Random } from '../random.js';

export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PERIOD_SECONDS = 30;
const DIGITS = 6;

export const isBase32Secret = (secret: string) =>
  /^[A-Z2-7]+=*$/i.test(secret) && secret.replace(/=+$/, '').length >= 16;

export function newTotpSecret(random: Random): string {
  return random.token(32, BASE32);
}

/** Ten 8-character backup codes, the count and shape Clerk hands out. */
export function newBackupCodes(random: Random): string[] {
  return Array.from({ length: 10 }, () => random.token(8, 'abcdefghijklmnopqrstuvwxyz0123456789'));
}

export function totpCode(secret: string, atMs: number, stepOffset = 0): string {
  const counter = Math.floor(atMs / 1000 / PERIOD_SECONDS) + stepOffset;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** Accepts the current step and one step either side, to allow for clock drift. */
export function verifyTotp(secret: string, code: string, atMs = Date.now()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return [-1, 0, 1].some((offset) =>
    timingSafeEqual(Buffer.from(totpCode(secret, atMs, offset)), Buffer.from(code)),
  );
}

export function totpUri(secret: string, accountName: string): string {
  const issuer = 'Clerk Emulator';
  const label = encodeURIComponent(`${issuer}:${accountName}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${PERIOD_SECONDS}`;
}

function base32Decode(input: string): Buffer {
  const clean = input.toUpperCase().replace(/=+$/, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * The rules for the identifiers a user is created with, each written once and read by the
 * schema's input checks, the migration and the emulator. Every rule bounds the length before any
 * pattern runs, so a hostile value of any size costs a few hundred steps at most.
 */
import { z } from 'zod';

/** RFC 5321 caps a path at 256 octets, angle brackets included: 254 for the address itself. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * A local part, "@", and a domain with a dot that is neither its first nor its last character:
 * what both providers hold, international addresses included (zod's `z.email()` is ASCII-only
 * and would refuse users they already have). Linear: no class can run past the "@" or, in the
 * domain, past the first dot after its first character.
 */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/;

export const emailAddress = z.string().max(MAX_EMAIL_LENGTH).pipe(z.string().regex(EMAIL_PATTERN));

/**
 * ITU-T E.164 allows at most 15 digits after the "+", the country code first (never 0). zod's
 * `z.e164()` also asks for at least 7, the shortest numbers any country issues (a 3-digit country
 * code and a 4-digit subscriber number): a shorter one cannot be reached, so it is refused here
 * rather than by the provider.
 */
export const e164PhoneNumber = z
  .string()
  .max(1 + 15)
  .pipe(z.e164());

export const isEmailAddress = (value: string): boolean => emailAddress.safeParse(value).success;
export const isE164PhoneNumber = (value: string): boolean => e164PhoneNumber.safeParse(value).success;

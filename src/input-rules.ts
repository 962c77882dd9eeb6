/**
 * The rules for the identifiers a user is created with, each written once and read by the
 * schema's input checks, the migration and the emulator. Every rule bounds the length before any
 * pattern runs, so a hostile value of any size costs a few hundred steps at most.
 */
import * as z from 'zod';

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

/** An Ethereum address, the Web3 wallet both Clerk's users and its allow/block lists hold. */
export const isWeb3Wallet = (value: string): boolean =>
  value.length === 42 && /^0x[0-9a-f]{40}$/i.test(value);

/** What an allowlist or blocklist entry can be, as Clerk names the kinds. */
export type ListedIdentifierKind = 'email_address' | 'phone_number' | 'web3_wallet';

/**
 * The kind of an allowlist or blocklist entry, or undefined for a value that is none of them. A
 * whole domain, `*@example.com`, is an e-mail address by the rule above.
 */
export function listedIdentifierKind(value: string): ListedIdentifierKind | undefined {
  if (isEmailAddress(value)) return 'email_address';
  if (isE164PhoneNumber(value)) return 'phone_number';
  if (isWeb3Wallet(value)) return 'web3_wallet';
  return undefined;
}

/**
 * The input checks every mutation shares, run before any upstream call so bad input costs
 * nothing and changes nothing, and `given()`, which reads GraphQL's `null` as "not given". Each failure is an INVALID_INPUT ProviderError from `usergraph`,
 * which the schema returns as `InvalidInputError` naming the field. Messages state the contract
 * and the value received, except for secrets (passwords, codes), whose values are never repeated.
 */
import {
  isE164PhoneNumber,
  isEmailAddress,
  listedIdentifierKind,
  MAX_EMAIL_LENGTH,
} from '../../input-rules.js';
import { refusedField } from '../../providers/errors.js';
import { largestLimit } from '../../providers/catalog.js';
import type { JsonObject } from '../../providers/types.js';

/** How a metadata field describes its bound (each provider's own is checked at run time). */
export const METADATA_SIZE_NOTE = `At most ${largestLimit('maxMetadataBytes') / 1024} KB.`;

/** A value quoted for a message, cut short so a huge input does not become a huge error. */
const shown = (value: string) => JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);

/** An id that names something: not blank. Returns it as a string. */
export function requireId(field: string, value: string | number): string {
  const id = String(value);
  if (id.trim() === '') throw refusedField(field, `must be a non-blank id, got ${shown(id)}`);
  return id;
}

/** A secret that must be given; its value never appears in the message. */
export function requireSecret(field: string, value: string): string {
  if (value.trim() === '') throw refusedField(field, 'must not be blank');
  return value;
}

export function checkEmail(field: string, value: string | null | undefined): void {
  if (value == null || isEmailAddress(value)) return;
  if (value.length > MAX_EMAIL_LENGTH) {
    throw refusedField(
      field,
      `must be an e-mail address of at most ${MAX_EMAIL_LENGTH} characters, got ${value.length}`,
    );
  }
  throw refusedField(field, `must be an e-mail address like name@example.com, got ${shown(value)}`);
}

export function checkPhone(field: string, value: string | null | undefined): void {
  if (value != null && !isE164PhoneNumber(value)) {
    throw refusedField(field, `must be an E.164 phone number like +15005550006, got ${shown(value)}`);
  }
}

/** An allowlist or blocklist entry: an address, a whole domain, an E.164 number or a wallet. */
export function checkListedIdentifier(field: string, value: string): void {
  if (value.length > MAX_EMAIL_LENGTH) {
    throw refusedField(field, `must be at most ${MAX_EMAIL_LENGTH} characters, got ${value.length}`);
  }
  if (listedIdentifierKind(value) === undefined) {
    throw refusedField(
      field,
      `must be an e-mail address (name@example.com), a whole domain (*@example.com), an E.164 phone number (+15005550006) or a Web3 wallet (0x and 40 hex digits), got ${shown(value)}`,
    );
  }
}

export const METADATA_FIELDS = ['publicMetadata', 'privateMetadata', 'unsafeMetadata'] as const;

/** Each metadata object given fits the provider's limit. */
export function checkMetadataSizes(
  input: { [K in (typeof METADATA_FIELDS)[number]]?: JsonObject },
  maxBytes: number,
): void {
  for (const field of METADATA_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > maxBytes) {
      throw refusedField(field, `must be at most ${maxBytes} bytes as JSON, got ${bytes}`);
    }
  }
}

/** An update that would change nothing is refused rather than sent. */
export function requireSomeField(input: object, fields: readonly string[]): void {
  const given = fields.some((field) => (input as Record<string, unknown>)[field] !== undefined);
  if (!given) throw refusedField('input', `give at least one of ${fields.join(', ')}; got none`);
}

/** GraphQL's `null` for an optional input field, read as "not given". */
export const given = <T extends object>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value != null)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };

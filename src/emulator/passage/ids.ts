/**
 * Passage-shaped random identifiers, drawn from a seeded `Random`: user, device and event ids
 * (24 alphanumerics, like `FXmduAG55lEsueAiKqZ4Kjfy`) and WebAuthn credential ids (base64url).
 *
 * Built from char codes in one go rather than by `+=`: V8 keeps a string grown one character at
 * a time as a chain of cons-string objects, and 10,000 seeded users hold about a million of
 * them, which made seeding spend most of its time in the garbage collector.
 */
import { BASE62, type Random } from '../random.js';

const ALPHANUMERIC = codes(BASE62);
const BASE64URL = codes(`${BASE62}-_`);
const DIGITS = codes('0123456789');

/** A user, device or event id. */
export const passageId = (random: Random) => token(random, 24, ALPHANUMERIC);

/** A WebAuthn credential id: 32 random bytes in unpadded base64url. */
export const credentialId = (random: Random) => token(random, 43, BASE64URL);

export const digits = (random: Random, length: number) => token(random, length, DIGITS);

function token(random: Random, length: number, alphabet: readonly number[]): string {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) out[i] = alphabet[Math.floor(random.next() * alphabet.length)] as number;
  return String.fromCharCode(...out);
}

function codes(alphabet: string): number[] {
  return Array.from(alphabet, (char) => char.charCodeAt(0));
}

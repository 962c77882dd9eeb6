/**
 * Passage-shaped random identifiers, drawn from a seeded `Random`: user, device and event ids
 * (24 alphanumerics, like `FXmduAG55lEsueAiKqZ4Kjfy`) and WebAuthn credential ids (base64url).
 */
import { BASE62, type Random } from '../random.js';

/** A user, device or event id. */
export const passageId = (random: Random) => random.token(24);

/** A WebAuthn credential id: 32 random bytes in unpadded base64url. */
export const credentialId = (random: Random) => random.token(43, `${BASE62}-_`);

export const digits = (random: Random, length: number) => random.token(length, '0123456789');

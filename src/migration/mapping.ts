/**
 * A source user → the target's create input, and the checks that come first. The mapping is the
 * documented one (README, "Moving off Passage"):
 *
 * - the source id becomes the target's `externalId`: what makes a run resumable and a user
 *   findable again after a lost response;
 * - an identifier is created verified only if the source says it was verified; an unverified
 *   one is created reserved (Clerk's "unverified but usable for sign-in"), never promoted.
 *   Reserved rather than attached afterwards with `verified: false` (Clerk's CLI default): one
 *   call per user instead of two within the same rate budget, and a user whose only
 *   identifier is unverified can still be created on an instance that requires one;
 * - `createdAt` is kept; no password exists, so the create skips the password requirement;
 * - the source's metadata goes to the metadata kind asked for, and what the target has no field
 *   for (status, sign-in count, last sign-in, device count) is kept under `privateMetadata.passage`;
 * - `privateMetadata.passage.migrationRun` names the run that created the user: only a user
 *   carrying its run's id is that run's to follow up, adopt on resume, or undo.
 */
import { isE164PhoneNumber, isEmailAddress } from '../input-rules.js';
import type { CreateUserInput, JsonObject, User } from '../providers/types.js';
import type { MetadataKind } from './types.js';

export interface Refusal {
  code: string;
  message: string;
}

/** Why `user` cannot be created as it is, or null. Messages name fields and the id, never values. */
export function checkUser(user: User): Refusal | null {
  const who = `user ${user.id}`;
  if (!user.email && !user.phone) {
    return { code: 'NO_IDENTIFIER', message: `${who} has neither an e-mail address nor a phone number` };
  }
  if (user.email && !isEmailAddress(user.email)) {
    return { code: 'INVALID_EMAIL', message: `${who}: the e-mail address is not a valid address` };
  }
  if (user.phone && !isE164PhoneNumber(user.phone)) {
    return { code: 'INVALID_PHONE', message: `${who}: the phone number is not in E.164 form (+15551234567)` };
  }
  return null;
}

/** `maxMetadataBytes` is the target's limit on each metadata object, as serialised JSON. */
export function toCreateInput(
  user: User,
  metadata: MetadataKind,
  maxMetadataBytes: number,
  runId: string,
): CreateUserInput | Refusal {
  const sourceMetadata = user.publicMetadata ?? {};
  if (metadata === 'private' && Object.hasOwn(sourceMetadata, 'passage')) {
    return {
      code: 'METADATA_KEY_RESERVED',
      message: `user ${user.id}: its metadata has a "passage" key, which private metadata keeps for the migration's own facts`,
    };
  }
  const carried = { ...carriedFacts(user), migrationRun: runId };
  const kinds: Record<MetadataKind, JsonObject> = { public: {}, private: {}, unsafe: {} };
  kinds[metadata] = { ...sourceMetadata };
  kinds.private = { ...kinds.private, passage: carried };
  for (const [kind, value] of Object.entries(kinds)) {
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > maxMetadataBytes) {
      return {
        code: 'METADATA_TOO_LARGE',
        message: `user ${user.id}: ${kind} metadata would be ${bytes} bytes, over the target's ${maxMetadataBytes}`,
      };
    }
  }
  return {
    externalId: user.id,
    ...(user.email ? { email: user.email, emailVerified: verifiedOf(user.emailAddresses, user.email) } : {}),
    ...(user.phone ? { phone: user.phone, phoneVerified: verifiedOf(user.phoneNumbers, user.phone) } : {}),
    skipPasswordRequirement: true,
    // A CSV without the column gives Go's zero time, Passage's "never": Clerk then sets its own.
    ...(user.createdAt.getTime() > 0 ? { createdAt: user.createdAt } : {}),
    ...(Object.keys(kinds.public).length ? { publicMetadata: kinds.public } : {}),
    privateMetadata: kinds.private,
    ...(Object.keys(kinds.unsafe).length ? { unsafeMetadata: kinds.unsafe } : {}),
  };
}

export const isRefusal = (value: CreateUserInput | Refusal): value is Refusal => 'code' in value;

/**
 * The run whose create made `user`, from the stamp every create leaves in its private metadata:
 * proof of ownership, where "this run sent a create once" was only a guess.
 */
export function migrationRunOf(user: User): string | null {
  const passage = user.privateMetadata?.passage;
  if (typeof passage !== 'object' || passage === null || Array.isArray(passage)) return null;
  const run = (passage as Record<string, unknown>).migrationRun;
  return typeof run === 'string' ? run : null;
}

/** Verified only when the source says so: an identifier of unknown standing stays unverified. */
function verifiedOf(identifiers: { address?: string; number?: string; verified: boolean }[], value: string) {
  return identifiers.some((item) => (item.address ?? item.number) === value && item.verified);
}

/** What the target has no field for, kept for the application and for support. */
function carriedFacts(user: User): JsonObject {
  return {
    id: user.id,
    status: user.status.toLowerCase(),
    login_count: user.loginCount,
    last_login_at: user.lastSignInAt?.toISOString() ?? null,
    webauthn_devices: user.devices?.length ?? 0,
    social_connections: user.externalAccounts.map((account) => account.provider),
  };
}

/** Identifiers compared the way providers compare them: e-mail addresses case-insensitively. */
export const emailKey = (email: string) => email.trim().toLowerCase();

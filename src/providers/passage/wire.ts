/**
 * The JSON Passage's Management API answers, as zod schemas written from `shared/specs/
 * passage-api.json` (`components.schemas`). Only the fields usergraph reads are declared;
 * `z.object` drops the rest, so a field Passage adds (or one we do not use, such as
 * `recent_events`) is never an error.
 */
import * as z from 'zod';
import type { JsonObject } from '../types.js';
import { jsonObjectSchema } from '../wire.js';

/** RFC 3339 with any fraction; Go's zero time `0001-01-01T00:00:00Z` means "never". */
const timestamp = z.iso.datetime({ offset: true });

/** `object | null`: `user_metadata` is null on a user that never had any. */
const userMetadata = jsonObjectSchema.nullable();

export const userStatusSchema = z.enum(['active', 'inactive', 'pending']);

export const webAuthnTypeSchema = z.enum(['passkey', 'platform', 'security_key']);

/** `WebAuthnDevices`: one device (the spec's schema name is plural). */
export const webAuthnDeviceSchema = z.object({
  id: z.string(),
  friendly_name: z.string(),
  type: webAuthnTypeSchema,
  usage_count: z.int(),
  created_at: timestamp,
  updated_at: timestamp,
  last_login_at: timestamp,
});

/** One entry of `UserSocialConnections`; keyed by provider (`apple`, `github`, `google`). */
export const socialConnectionSchema = z.object({
  provider_id: z.string(),
  /** "The email of connected social user." */
  provider_identifier: z.string(),
  created_at: timestamp,
  last_login_at: timestamp,
});

/** `ListPaginatedUsersItem`: the slim user lists return (no devices, events or connections). */
export const listUserItemSchema = z.object({
  id: z.string(),
  /** `""` when the user has none (the field is not nullable). */
  email: z.string(),
  email_verified: z.boolean(),
  phone: z.string(),
  phone_verified: z.boolean(),
  /** Only set for users created in a Flex app; `""` otherwise. */
  external_id: z.string(),
  status: userStatusSchema,
  created_at: timestamp,
  updated_at: timestamp,
  last_login_at: timestamp,
  login_count: z.int(),
  user_metadata: userMetadata,
});

/** `UserInfo`: the full user, as get, create, update, activate and deactivate answer. */
export const userInfoSchema = listUserItemSchema.extend({
  webauthn_devices: z.array(webAuthnDeviceSchema),
  // Every key is optional in the spec; a record also accepts a provider Passage adds later.
  social_connections: z.record(z.string(), socialConnectionSchema),
});

export const userResponseSchema = z.object({ user: userInfoSchema });

export const listUsersResponseSchema = z.object({
  /** Unix seconds: the anchor to pass back as `created_before`. */
  created_before: z.int(),
  limit: z.int(),
  page: z.int(),
  total_users: z.int(),
  users: z.array(listUserItemSchema),
});

export const listDevicesResponseSchema = z.object({ devices: z.array(webAuthnDeviceSchema) });

/** Every error: `{"code": "<enum>", "error": "<message>"}` ([PS] `400Error` … `500Error`). */
export const errorBodySchema = z.object({ code: z.string(), error: z.string() });

export type UserStatus = z.infer<typeof userStatusSchema>;
export type WebAuthnType = z.infer<typeof webAuthnTypeSchema>;
export type WebAuthnDevice = z.infer<typeof webAuthnDeviceSchema>;
export type SocialConnection = z.infer<typeof socialConnectionSchema>;
export type ListPaginatedUsersItem = z.infer<typeof listUserItemSchema>;
export type UserInfo = z.infer<typeof userInfoSchema>;
export type UserResponse = z.infer<typeof userResponseSchema>;
export type ListPaginatedUsersResponse = z.infer<typeof listUsersResponseSchema>;
export type ListDevicesResponse = z.infer<typeof listDevicesResponseSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The query of `GET /users`: every filter is one string, `[ne:|gt:|lt:|like:|not_like:]value`. */
export type ListUsersQuery = {
  page: number;
  limit: number;
  created_before?: number;
  order_by?: string;
  identifier?: string;
  id?: string;
  status?: UserStatus;
  email_verified?: string;
  login_count?: string;
  created_at?: string;
  updated_at?: string;
  last_login_at?: string;
};

/** `CreateUserRequest` and `UpdateUserRequest`: every field optional. */
export interface UserRequest {
  email?: string;
  phone?: string;
  /** On PATCH merged key by key; a `null` value removes the key. */
  user_metadata?: JsonObject;
}

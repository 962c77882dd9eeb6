/**
 * `PATCH /users/{user_id}/metadata` deep-merges each field sent (`null` removes a key at any
 * depth); `PUT` replaces each field sent (`{}` clears it, `null` stores JSON null). Fields not
 * sent are left alone by both. Each field is limited to 8 KB, checked on the result.
 */
import * as z from 'zod';
import type { Route } from '../../provider.js';
import { deepMerge, metadataSchema, readJsonBody } from '../body.js';
import { unprocessable } from '../errors.js';
import { serializeUser } from '../serialize.js';
import type { Metadata } from '../records.js';
import { changeUser } from '../user-record.js';
import { ok, requireUser, type ClerkContext } from './context.js';
import { checkMetadata } from './user-input.js';

const FIELDS = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const;
type Field = (typeof FIELDS)[number];

const mergeSchema = z.strictObject({
  public_metadata: metadataSchema.nullable().optional(),
  private_metadata: metadataSchema.nullable().optional(),
  unsafe_metadata: metadataSchema.nullable().optional(),
});

export function userMetadataRoutes({ state, now }: ClerkContext): Route[] {
  const route = (
    method: 'PATCH' | 'PUT',
    combine: (current: Metadata | null, sent: Metadata | null) => Metadata | null,
  ): Route => ({
    method,
    template: '/users/{user_id}/metadata',
    handle: (req) => {
      const user = requireUser(state, req.params.user_id!);
      const body = readJsonBody(req, mergeSchema);
      const next: Partial<Record<Field, Metadata | null>> = {};
      for (const field of FIELDS) {
        if (body[field] !== undefined) next[field] = combine(user[field], body[field]);
      }
      const errors = checkMetadata(next);
      if (errors.length > 0) throw unprocessable(errors);
      changeUser(user, now(), (u) => Object.assign(u, next));
      return ok(serializeUser(user));
    },
  });

  return [
    // A top-level `null` in a merge removes the whole field's keys, like `null` one level down.
    route('PATCH', (current, sent) => (sent === null ? {} : deepMerge(current, sent))),
    route('PUT', (_current, sent) => sent),
  ];
}

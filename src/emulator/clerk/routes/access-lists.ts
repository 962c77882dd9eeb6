/**
 * The sign-up allowlist and blocklist: `GET`, `POST /allowlist_identifiers` and
 * `DELETE /allowlist_identifiers/{identifier_id}`, the same three for the blocklist. Both lists
 * answer newest first. The allowlist takes `paginated`, `limit` and `offset` (a bare array, or
 * `{data, total_count}` with `paginated=true`); the spec gives the blocklist no parameters and
 * always the envelope, so it answers the whole list. An identifier is an e-mail address or a
 * whole domain (`*@example.com`), an E.164 number or a Web3 wallet, listed once per list;
 * `notify` on the allowlist sends an address an invitation to sign up.
 */
import * as z from 'zod';
import { isEmailAddress, listedIdentifierKind } from '../../../input-rules.js';
import type { Route } from '../../provider.js';
import { readJsonBody } from '../body.js';
import { formParamInvalid, identifierExists, notFound, unprocessable } from '../errors.js';
import { paginate, readBoolean, readPage } from '../query-params.js';
import type { ListedIdentifierRecord } from '../records.js';
import { deletedObject } from '../serialize.js';
import { ok, type ClerkContext } from './context.js';

const DAY = 86_400_000;
/** Longer than any e-mail address (254), number or wallet: refused before any pattern runs. */
const MAX_IDENTIFIER_LENGTH = 256;

const allowSchema = z.strictObject({ identifier: z.string(), notify: z.boolean().nullish() });
const blockSchema = z.strictObject({ identifier: z.string() });

export function serializeAllowlistIdentifier(entry: ListedIdentifierRecord) {
  return {
    object: 'allowlist_identifier',
    id: entry.id,
    ...(entry.invitation_id !== null && { invitation_id: entry.invitation_id }),
    identifier: entry.identifier,
    identifier_type: entry.identifier_type,
    created_at: entry.created_at,
    updated_at: entry.updated_at,
  };
}

export function serializeBlocklistIdentifier(entry: ListedIdentifierRecord) {
  return {
    object: 'blocklist_identifier',
    id: entry.id,
    identifier: entry.identifier,
    identifier_type: entry.identifier_type,
    created_at: entry.created_at,
    updated_at: entry.updated_at,
  };
}

export function accessListRoutes({ state, now }: ClerkContext): Route[] {
  /** A new entry for `list`, refused when malformed or already there. */
  function newEntry(
    list: Map<string, ListedIdentifierRecord>,
    prefix: string,
    identifier: string,
  ): ListedIdentifierRecord {
    const kind = identifier.length <= MAX_IDENTIFIER_LENGTH ? listedIdentifierKind(identifier) : undefined;
    if (!kind) {
      throw formParamInvalid(
        'identifier',
        'identifier must be an email address, an email domain (*@example.com), a phone number in E.164 format or a Web3 wallet.',
      );
    }
    const key = identifier.toLowerCase();
    if ([...list.values()].some((entry) => entry.identifier.toLowerCase() === key)) {
      throw unprocessable([identifierExists('identifier')]);
    }
    const at = now();
    return {
      id: state.newId(prefix),
      identifier,
      identifier_type: kind,
      invitation_id: null,
      created_at: at,
      updated_at: at,
    };
  }

  const newestFirst = (list: Map<string, ListedIdentifierRecord>) =>
    [...list.values()].sort((a, b) => b.created_at - a.created_at);

  function deleteRoute(
    template: string,
    list: Map<string, ListedIdentifierRecord>,
    object: string,
    what: string,
  ): Route {
    return {
      method: 'DELETE',
      template,
      handle: ({ params }) => {
        const id = params.identifier_id!;
        if (!list.delete(id)) throw notFound(what, id);
        return ok(deletedObject(object, id));
      },
    };
  }

  return [
    {
      method: 'GET',
      template: '/allowlist_identifiers',
      handle: ({ query }) => {
        const all = newestFirst(state.allowlist);
        const data = paginate(all, readPage(query)).map(serializeAllowlistIdentifier);
        return ok(readBoolean(query, 'paginated') ? { data, total_count: all.length } : data);
      },
    },
    {
      method: 'POST',
      template: '/allowlist_identifiers',
      handle: (req) => {
        const body = readJsonBody(req, allowSchema);
        const entry = newEntry(state.allowlist, 'alid', body.identifier);
        // Only a whole address can be invited; a domain or a wallet has no one to write to.
        if (body.notify === true && isEmailAddress(entry.identifier) && !entry.identifier.startsWith('*@')) {
          const invitationId = state.newId('inv');
          state.instanceInvitations.set(invitationId, {
            id: invitationId,
            email_address: entry.identifier,
            public_metadata: {},
            status: 'pending',
            expires_at: entry.created_at + 30 * DAY,
            created_at: entry.created_at,
            updated_at: entry.created_at,
          });
          entry.invitation_id = invitationId;
        }
        state.allowlist.set(entry.id, entry);
        return ok(serializeAllowlistIdentifier(entry));
      },
    },
    deleteRoute(
      '/allowlist_identifiers/{identifier_id}',
      state.allowlist,
      'allowlist_identifier',
      'allowlist identifier',
    ),
    {
      method: 'GET',
      template: '/blocklist_identifiers',
      handle: () => {
        const data = newestFirst(state.blocklist).map(serializeBlocklistIdentifier);
        return ok({ data, total_count: data.length });
      },
    },
    {
      method: 'POST',
      template: '/blocklist_identifiers',
      handle: (req) => {
        const entry = newEntry(state.blocklist, 'blid', readJsonBody(req, blockSchema).identifier);
        state.blocklist.set(entry.id, entry);
        return ok(serializeBlocklistIdentifier(entry));
      },
    },
    deleteRoute(
      '/blocklist_identifiers/{identifier_id}',
      state.blocklist,
      'blocklist_identifier',
      'blocklist identifier',
    ),
  ];
}

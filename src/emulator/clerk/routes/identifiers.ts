/**
 * A user's e-mail addresses and phone numbers as resources of their own: `POST /email_addresses`
 * `{user_id, email_address, verified?, primary?}`, `PATCH` and `DELETE /email_addresses/{id}`,
 * and the same for `/phone_numbers`. What the spec leaves open: a new identifier is unverified
 * unless `verified`, and primary when asked or when the user has none of its kind; deleting the
 * primary one makes the oldest remaining one primary.
 */
import * as z from 'zod';
import type { Route } from '../../provider.js';
import { readJsonBody } from '../body.js';
import { formParamInvalid, notFound, unprocessable } from '../errors.js';
import type { EmailRecord, PhoneRecord, UserRecord } from '../records.js';
import { deletedObject, serializeEmail, serializePhone } from '../serialize.js';
import { changeUser } from '../user-record.js';
import { ok, requireUser, type ClerkContext } from './context.js';
import { checkIdentifiers } from './user-input.js';

const flag = z.boolean().nullish();

interface Kind<R extends EmailRecord | PhoneRecord> {
  resource: 'email_addresses' | 'phone_numbers';
  param: 'email_address' | 'phone_number';
  /** "email address", for not-found messages. */
  noun: string;
  list: (user: UserRecord) => R[];
  primaryOf: (user: UserRecord) => string | null;
  setPrimary: (user: UserRecord, id: string | null) => void;
  create: (id: string, value: string, verified: boolean, at: number) => R;
  serialize: (record: R) => unknown;
  /** The body fields only this kind takes, accepted and not modelled. */
  extra: Record<string, typeof flag>;
}

const EMAIL: Kind<EmailRecord> = {
  resource: 'email_addresses',
  param: 'email_address',
  noun: 'email address',
  list: (user) => user.emails,
  primaryOf: (user) => user.primary_email_address_id,
  setPrimary: (user, id) => (user.primary_email_address_id = id),
  create: (id, email_address, verified, at) => ({
    id,
    email_address,
    status: verified ? 'verified' : 'reserved',
    linkedTo: null,
    created_at: at,
    updated_at: at,
  }),
  serialize: serializeEmail,
  extra: { notify_primary_email_address_changed: flag },
};

const PHONE: Kind<PhoneRecord> = {
  resource: 'phone_numbers',
  param: 'phone_number',
  noun: 'phone number',
  list: (user) => user.phones,
  primaryOf: (user) => user.primary_phone_number_id,
  setPrimary: (user, id) => (user.primary_phone_number_id = id),
  create: (id, phone_number, verified, at) => ({
    id,
    phone_number,
    status: verified ? 'verified' : 'reserved',
    created_at: at,
    updated_at: at,
  }),
  serialize: serializePhone,
  extra: { reserved_for_second_factor: flag },
};

export function identifierRoutes(context: ClerkContext): Route[] {
  return [...routesFor(context, EMAIL), ...routesFor(context, PHONE)];
}

function routesFor<R extends EmailRecord | PhoneRecord>(
  { state, now }: ClerkContext,
  kind: Kind<R>,
): Route[] {
  const createSchema = z.strictObject({
    user_id: z.string(),
    [kind.param]: z.string(),
    verified: flag,
    primary: flag,
    ...kind.extra,
  });
  const updateSchema = z.strictObject({ verified: flag, primary: flag, ...kind.extra });
  const one = `/${kind.resource}/{${kind.param}_id}`;
  const idOf = (params: Record<string, string | undefined>) => params[`${kind.param}_id`]!;

  /** The identifier and its owner; Clerk keeps ids unique across the instance. */
  function find(id: string): { user: UserRecord; record: R } {
    for (const user of state.users.values()) {
      const record = kind.list(user).find((r) => r.id === id);
      if (record) return { user, record };
    }
    throw notFound(kind.noun, id);
  }

  return [
    {
      method: 'POST',
      template: `/${kind.resource}`,
      handle: (req) => {
        const body = readJsonBody(req, createSchema) as Record<string, unknown> & {
          user_id: string;
          verified?: boolean | null;
          primary?: boolean | null;
        };
        const value = String(body[kind.param]);
        const user = requireUser(state, body.user_id);
        const errors = checkIdentifiers(state, kind.param, [value], undefined);
        if (errors.length > 0) throw unprocessable(errors);
        const at = now();
        const record = kind.create(state.newId('idn'), value, body.verified === true, at);
        state.updateUser(user, (u) =>
          changeUser(u, at, () => {
            (kind.list(u) as R[]).push(record);
            if (body.primary === true || kind.primaryOf(u) === null) kind.setPrimary(u, record.id);
          }),
        );
        return { ...ok(kind.serialize(record)), changedUsers: [user.id] };
      },
    },
    {
      method: 'GET',
      template: one,
      handle: ({ params }) => ok(kind.serialize(find(idOf(params)).record)),
    },
    {
      method: 'PATCH',
      template: one,
      handle: (req) => {
        const body = readJsonBody(req, updateSchema);
        const { user, record } = find(idOf(req.params));
        if (body.primary === false && kind.primaryOf(user) === record.id) {
          throw formParamInvalid('primary', 'make another identifier primary instead of unsetting this one.');
        }
        const at = now();
        changeUser(user, at, (u) => {
          if (body.verified === true) record.status = 'verified';
          if (body.verified === false) record.status = 'reserved';
          if (body.primary === true) kind.setPrimary(u, record.id);
          record.updated_at = at;
        });
        return { ...ok(kind.serialize(record)), changedUsers: [user.id] };
      },
    },
    {
      method: 'DELETE',
      template: one,
      handle: ({ params }) => {
        const { user, record } = find(idOf(params));
        const at = now();
        state.updateUser(user, (u) =>
          changeUser(u, at, () => {
            const list = kind.list(u) as R[];
            list.splice(list.indexOf(record), 1);
            if (kind.primaryOf(u) === record.id) kind.setPrimary(u, list[0]?.id ?? null);
          }),
        );
        return { ...ok(deletedObject(kind.param, record.id)), changedUsers: [user.id] };
      },
    },
  ];
}

/**
 * How an admin mutation is declared, once: `<name>(input: <Name>Input!): <Name>Result`, where the
 * result is a union of `<Name>Payload` and the typed errors of `actionErrors`. Most admin actions
 * take nothing but a user id, so they are declared from (names, description, provider call) by
 * `defineUserAction` and friends, without a copy of this wiring each.
 *
 * Every declaration writes its three type names out, so a search for `BanUserPayload` finds
 * where it is declared; the schema build refuses a name that does not follow `name`. Every
 * declaration also says what it changes (`changes`), and the wrapper tells the request's loaders
 * (`Loaders.userChanged`), so no mutation keeps its cache true by hand, or forgets to.
 */
import type { Context } from '../../context.js';
import type { CallOptions, Provider, User } from '../../providers/types.js';
import type { UserChangeType } from '../../webhooks/user-events.js';
import { builder } from '../builder.js';
import { upstreamCost, type UpstreamCost } from '../cost.js';
import { actionErrors } from '../errors.js';
import { userEffectPayload, userPayload } from './payloads.js';
import { requireId } from './validate.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const pascal = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

/** The names a mutation's declaration writes out: `banUser`, `BanUserInput`, `BanUserPayload`... */
export interface MutationNames<Name extends string> {
  name: Name;
  input: `${Capitalize<Name>}Input`;
  payload: `${Capitalize<Name>}Payload`;
  result: `${Capitalize<Name>}Result`;
}

/**
 * Throws when a written name does not follow the mutation's: the types cannot drift from what
 * a reader searches for, even when a name is not a literal the compiler can check.
 */
export function checkNames(names: { name: string; input: string; payload: string; result: string }): void {
  for (const kind of ['input', 'payload', 'result'] as const) {
    const expected = `${pascal(names.name)}${pascal(kind)}`;
    if (names[kind] !== expected) {
      throw new Error(
        `mutation ${names.name}: its ${kind} type must be named ${expected}, got ${names[kind]}`,
      );
    }
  }
}

/** How a payload names the user a mutation changed: the user as the provider answered, or the id. */
export type ChangedUser = { user: User } | { userId: string };

/** How a bulk action's payload names the users it changed. */
export type ChangedUsers = { users: User[] };

/**
 * `'user'`: the payload names the user the mutation changed (`ChangedUser`), and what the
 * request cached about them is dropped after it. `'users'`: the same for every user of a bulk
 * action (`ChangedUsers`). `'nothing'`: the mutation changes no user.
 */
type Changes<Payload> = Payload extends ChangedUser
  ? 'user'
  : Payload extends ChangedUsers
    ? 'users'
    : 'nothing';

/** `<name>(input: <Name>Input!)` returning `<Name>Result = <Name>Payload | <typed errors>`. */
export function defineMutation<Name extends string, Input extends object, Payload>(options: {
  name: Name;
  /** The union of the payload and the typed errors, named here so a search finds it. */
  result: `${Capitalize<Name>}Result`;
  description: string;
  /** Built where the mutation is declared, named `<Name>Input`. */
  input: PothosSchemaTypes.InputObjectRef<Types, Input>;
  /** Built where the mutation is declared, named `<Name>Payload`. */
  payload: PothosSchemaTypes.ObjectRef<Types, Payload>;
  /** What the mutation changes, so the wrapper keeps the request's cache true after it. */
  changes: Changes<Payload>;
  resolve: (input: Input, ctx: Context) => Promise<Payload>;
  /**
   * The `secrets` scope is needed besides `write`: the answer or the check involves secrets, or
   * the action could hand the account to someone else (a new password, identifier or no MFA).
   * A function decides from the input, for a mutation where only some fields do that.
   */
  secrets?: boolean | { when: (input: Input) => boolean; description: string };
  /** Its upstream calls, where an action is more than one call (default: one). */
  cost?: UpstreamCost;
}): void {
  const { name } = options;
  checkNames({ name, input: options.input.name, payload: options.payload.name, result: options.result });
  builder.mutationField(name, (t) =>
    t.field({
      type: options.payload,
      // Nullable so a provider outage fails this mutation alone, with a located error.
      nullable: true,
      description: `${options.description} ${scopesNeeded(options.secrets)}`,
      // `write` comes from the Mutation type (builder.ts), for every mutation however declared.
      // Pothos cannot infer a generic Input's argument shape, as for `resolve` below.
      authScopes: secretsScope(options.secrets) as never,
      errors: { types: actionErrors, directResult: true, union: { name: options.result } },
      // Most admin actions are one provider call (src/providers/<p>/index.ts), on the provider
      // of the user the input names, when it names one.
      ...upstreamCost({ targetUser: inputUserId, ...(options.cost ?? { weight: 1 }) }),
      args: {
        input: t.arg({
          type: options.input,
          required: true,
          description: 'Which user, and the details of the action.',
        }),
      },
      // Pothos cannot infer a generic Input's argument shape; the wrapper's signature states it.
      resolve: (async (_root: unknown, args: { input: Input }, ctx: Context) => {
        const payload = await options.resolve(args.input, ctx);
        if (options.changes === 'user') await userChanged(ctx, payload as ChangedUser, changeTypeOf(name));
        if (options.changes === 'users') {
          for (const user of (payload as ChangedUsers).users) await ctx.loaders.userChanged(user.id, user);
        }
        return payload;
      }) as never,
    }),
  );
}

function inputUserId(args: Record<string, unknown>): string | undefined {
  const userId = (args.input as { userId?: unknown } | undefined)?.userId;
  return typeof userId === 'string' ? userId : undefined;
}

function scopesNeeded(secrets: boolean | { description: string } | undefined): string {
  if (!secrets) return 'Needs the `write` scope.';
  if (secrets === true) return 'Needs the `write` and `secrets` scopes.';
  return `Needs the \`write\` scope, and \`secrets\` too ${secrets.description}.`;
}

function secretsScope<Input>(secrets: boolean | { when: (input: Input) => boolean } | undefined) {
  if (!secrets) return undefined;
  if (secrets === true) return { secrets: true };
  return (_root: unknown, args: { input: Input }) => (secrets.when(args.input) ? { secrets: true } : true);
}

/** What `userChanged` subscribers are told a mutation did: every one but these two updates. */
const changeTypeOf = (name: string): UserChangeType =>
  name === 'createUser' ? 'CREATED' : name === 'deleteUser' ? 'DELETED' : 'UPDATED';

async function userChanged(ctx: Context, payload: ChangedUser, type: UserChangeType): Promise<void> {
  if ('user' in payload) await ctx.loaders.userChanged(payload.user.id, payload.user, type);
  else await ctx.loaders.userChanged(payload.userId, undefined, type);
}

/** `<Name>Input { userId: ID! }`, for actions that need nothing but the user. */
export function userIdInput(typeName: string, description: string) {
  return builder.inputType(typeName, {
    description,
    fields: (t) => ({
      userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    }),
  });
}

type UserCall<T> = (provider: Provider, userId: string, call: CallOptions) => Promise<T>;

interface UserActionOptions<Name extends string, T> extends MutationNames<Name> {
  description: string;
  run: UserCall<T>;
  /** See `defineMutation`'s `secrets`. */
  secrets?: boolean;
  /** See `defineMutation`'s `cost`. */
  cost?: UpstreamCost;
}

/** An action on one user that answers the changed user: `{ user }`. */
export function defineUserAction<Name extends string>(options: UserActionOptions<Name, User>): void {
  defineOnOneUser(
    options,
    userPayload(options.payload, `The result of \`${options.name}\`.`),
    (_id, user) => ({
      user,
    }),
  );
}

/** An action on one user that answers nothing: `{ userId, user }`. */
export function defineUserEffect<Name extends string>(options: UserActionOptions<Name, void>): void {
  defineOnOneUser(
    options,
    userEffectPayload(options.payload, `The result of \`${options.name}\`.`),
    (userId) => ({
      userId,
    }),
  );
}

/** `<name>(input: { userId })`: one provider call on the user, its answer put in the payload. */
function defineOnOneUser<Name extends string, T, Payload extends ChangedUser>(
  options: UserActionOptions<Name, T>,
  payload: PothosSchemaTypes.ObjectRef<Types, Payload>,
  answer: (userId: string, result: T) => Payload,
): void {
  const { name, run } = options;
  checkNames(options);
  defineMutation({
    name,
    result: options.result,
    description: options.description,
    input: userIdInput(options.input, `The user \`${name}\` acts on.`),
    payload,
    changes: 'user' as Changes<Payload>,
    secrets: options.secrets,
    cost: options.cost,
    resolve: async (input, ctx) => {
      const userId = requireId('userId', input.userId);
      return answer(userId, await run(ctx.providers.forUserId(userId), userId, ctx.call));
    },
  });
}

/** `delete<Thing>(input: { userId, <thing>Id })`: removes one thing a user has. */
export function defineSubResourceDelete<Name extends string>(
  options: MutationNames<Name> & {
    description: string;
    /** What is removed, plural, for descriptions: `devices`. */
    things: string;
    /** e.g. `deviceId`; the payload names it `deletedDeviceId`. */
    idField: string;
    idDescription: string;
    run: (provider: Provider, userId: string, id: string, call: CallOptions) => Promise<void>;
  },
): void {
  const { name, idField } = options;
  checkNames(options);
  const input = builder.inputType(options.input as string, {
    description: `Which user, and which of their ${options.things}, \`${name}\` removes.`,
    fields: (t) => ({
      userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
      [idField]: t.id({ required: true, description: options.idDescription }),
    }),
  });
  defineMutation({
    name,
    result: options.result,
    description: options.description,
    input: input as unknown as PothosSchemaTypes.InputObjectRef<Types, Record<string, string | number>>,
    payload: userEffectPayload(options.payload, `The result of \`${name}\`.`, {
      field: `deleted${pascal(idField)}`,
      description: 'The id of what was removed.',
    }),
    changes: 'user',
    resolve: async (fields, ctx) => {
      const userId = requireId('userId', fields.userId ?? '');
      const deletedId = requireId(idField, fields[idField] ?? '');
      await options.run(ctx.providers.forUserId(userId), userId, deletedId, ctx.call);
      return { userId, deletedId };
    },
  });
}

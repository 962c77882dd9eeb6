/**
 * How an admin mutation is declared, once: `<name>(input: <Name>Input!): <Name>Result`, where the
 * result is a union of `<Name>Payload` and the typed errors of `actionErrors`. Most admin actions
 * take nothing but a user id, so they are declared from (name, description, provider call) by
 * `defineUserAction` and friends, without a copy of this wiring each.
 */
import type { Context } from '../../context.js';
import type { CallOptions, Provider, User } from '../../providers/types.js';
import { builder } from '../builder.js';
import { actionErrors } from '../errors.js';
import { userEffectPayload, userPayload } from './payloads.js';
import { requireId } from './validate.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const pascal = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

/** `<name>(input: <Name>Input!)` returning `<Name>Result = <Name>Payload | <typed errors>`. */
export function defineMutation<Input extends object, Payload>(
  name: string,
  options: {
    description: string;
    input: PothosSchemaTypes.InputObjectRef<Types, Input>;
    payload: PothosSchemaTypes.ObjectRef<Types, Payload>;
    resolve: (input: Input, ctx: Context) => Promise<Payload>;
    /** The answer or the check involves secrets: the `secrets` scope is needed besides `write`. */
    secrets?: boolean;
  },
): void {
  builder.mutationField(name, (t) =>
    t.field({
      type: options.payload,
      // Nullable so a provider outage fails this mutation alone, with a located error.
      nullable: true,
      description: `${options.description} ${options.secrets ? 'Needs the `write` and `secrets` scopes.' : 'Needs the `write` scope.'}`,
      // `write` comes from the Mutation type (builder.ts), for every mutation however declared.
      authScopes: options.secrets ? { secrets: true } : undefined,
      errors: { types: actionErrors, directResult: true, union: { name: `${pascal(name)}Result` } },
      args: {
        input: t.arg({
          type: options.input,
          required: true,
          description: 'Which user, and the details of the action.',
        }),
      },
      // Pothos cannot infer a generic Input's argument shape; the wrapper's signature states it.
      resolve: ((_root: unknown, args: { input: Input }, ctx: Context) =>
        options.resolve(args.input, ctx)) as never,
    }),
  );
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

/** An action on one user that answers the changed user: `{ user }`. */
export function defineUserAction(name: string, description: string, run: UserCall<User>): void {
  const Name = pascal(name);
  defineMutation(name, {
    description,
    input: userIdInput(`${Name}Input`, `The user \`${name}\` acts on.`),
    payload: userPayload(`${Name}Payload`, `The result of \`${name}\`.`),
    resolve: async (input, ctx) => {
      const id = requireId('userId', input.userId);
      return {
        user: ctx.loaders.remember(await run(ctx.providers.forUserId(id), id, { signal: ctx.signal })),
      };
    },
  });
}

/** An action on one user that answers nothing: `{ userId, user }`. */
export function defineUserEffect(name: string, description: string, run: UserCall<void>): void {
  const Name = pascal(name);
  defineMutation(name, {
    description,
    input: userIdInput(`${Name}Input`, `The user \`${name}\` acts on.`),
    payload: userEffectPayload(`${Name}Payload`, `The result of \`${name}\`.`),
    resolve: async (input, ctx) => {
      const userId = requireId('userId', input.userId);
      await run(ctx.providers.forUserId(userId), userId, { signal: ctx.signal });
      ctx.loaders.forget(userId);
      return { userId };
    },
  });
}

/** `delete<Thing>(input: { userId, <thing>Id })`: removes one thing a user has. */
export function defineSubResourceDelete(
  name: string,
  options: {
    description: string;
    /** What is removed, plural, for descriptions: `devices`. */
    things: string;
    /** e.g. `deviceId`; the payload names it `deletedDeviceId`. */
    idField: string;
    idDescription: string;
    run: (provider: Provider, userId: string, id: string, call: CallOptions) => Promise<void>;
  },
): void {
  const Name = pascal(name);
  const { idField } = options;
  const input = builder.inputType(`${Name}Input`, {
    description: `Which user, and which of their ${options.things}, \`${name}\` removes.`,
    fields: (t) => ({
      userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
      [idField]: t.id({ required: true, description: options.idDescription }),
    }),
  });
  defineMutation(name, {
    description: options.description,
    input: input as unknown as PothosSchemaTypes.InputObjectRef<Types, Record<string, string | number>>,
    payload: userEffectPayload(`${Name}Payload`, `The result of \`${name}\`.`, {
      field: `deleted${pascal(idField)}`,
      description: 'The id of what was removed.',
    }),
    resolve: async (fields, ctx) => {
      const userId = requireId('userId', fields.userId ?? '');
      const deletedId = requireId(idField, fields[idField] ?? '');
      await options.run(ctx.providers.forUserId(userId), userId, deletedId, { signal: ctx.signal });
      ctx.loaders.forget(userId);
      return { userId, deletedId };
    },
  });
}

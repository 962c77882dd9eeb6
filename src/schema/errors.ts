/**
 * Expected failures as typed results (`@pothos/plugin-errors`). Each GraphQL error type stands
 * for one ProviderError code: `instanceof NotFound` is true of a ProviderError whose code is
 * NOT_FOUND, so a field lists the outcomes it can have and the plugin turns a thrown provider
 * error into that result. Reads have no typed results: a ProviderError there, like anything else
 * a mutation does not expect (the provider down, a timeout, our credentials refused), becomes a
 * GraphQL error with an `extensions.code` by `graphQLErrorFor` (graphql-error.ts), located on the field that failed.
 */
import { ProviderError, type ProviderErrorCode } from '../providers/errors.js';
import { builder } from './builder.js';

function resultFor(code: ProviderErrorCode) {
  return class {
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof ProviderError && value.code === code;
    }
  } as unknown as new () => ProviderError;
}

export const NotFound = resultFor('NOT_FOUND');
export const InvalidInput = resultFor('INVALID_INPUT');
export const Unsupported = resultFor('UNSUPPORTED');
export const Conflict = resultFor('CONFLICT');
export const RateLimited = resultFor('RATE_LIMITED');

export const ErrorInterface = builder.interfaceRef<ProviderError>('Error').implement({
  description: 'An expected failure: every typed error result implements this.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, for a person to read.' }),
    provider: t.exposeString('provider', {
      description:
        'The provider that answered (`clerk`, `passage`), or `usergraph` when the request never left.',
    }),
  }),
});

const FieldProblem = builder.objectRef<{ field: string; message: string }>('FieldProblem').implement({
  description: 'One input field the provider refused, and why.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'The field as the provider named it, e.g. `email_address`.',
    }),
    message: t.exposeString('message', { description: 'Why it was refused.' }),
  }),
});

builder.objectType(NotFound, {
  name: 'NotFoundError',
  description: 'The user, or the device, account or wallet asked for, does not exist.',
  interfaces: [ErrorInterface],
});

builder.objectType(InvalidInput, {
  name: 'InvalidInputError',
  description:
    'The input was refused, by usergraph before any upstream call or by the provider. Nothing changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fields: t.field({
      type: [FieldProblem],
      description: 'The fields at fault, where known.',
      resolve: (error) => error.fields,
    }),
  }),
});

builder.objectType(Unsupported, {
  name: 'UnsupportedError',
  description: "This user's provider (or its plan or settings) does not offer this action.",
  interfaces: [ErrorInterface],
});

builder.objectType(Conflict, {
  name: 'ConflictError',
  description: 'An identifier is already taken, or the user is being changed by another request.',
  interfaces: [ErrorInterface],
});

builder.objectType(RateLimited, {
  name: 'RateLimitedError',
  description: "The provider's rate limit was reached and retries did not get through. Nothing changed.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.int({
      nullable: true,
      description: 'When the provider said how long to wait, in seconds.',
      resolve: (error) => error.retryAfterSeconds ?? null,
    }),
  }),
});

/** The failures an admin action can have. */
export const actionErrors = [NotFound, InvalidInput, Unsupported, Conflict, RateLimited];

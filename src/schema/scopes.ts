/**
 * Scopes, as `@pothos/plugin-scope-auth` sees them: what the caller's credentials grant
 * (`useCallerAuth` put them on the context), and the error for a field they do not reach.
 *
 * `read`: every Query field. `write`: every Mutation field. `secrets`: fields that answer or check
 * secrets (`User.oauthAccessTokens`, `createTotp`, `verifyPassword`, `verifyTotp`), on top of the
 * scope of their root type.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { Scope } from '../security/scopes.js';

/** The scope initializer: a scope holds when the caller's credentials carry it. */
export function grantedScopes(ctx: Context): Record<Scope, boolean> {
  const { scopes } = ctx.caller;
  return {
    read: scopes.has('read'),
    write: scopes.has('write'),
    secrets: scopes.has('secrets'),
    migrate: scopes.has('migrate'),
  };
}

/** `FORBIDDEN`, naming the scopes the field needs and the ones the caller has. */
export function forbidden(needed: readonly string[], ctx: Context, info: GraphQLResolveInfo): Error {
  const field = `${info.parentType.name}.${info.fieldName}`;
  const has = [...ctx.caller.scopes];
  return createGraphQLError(
    `Forbidden: ${field} needs the ${needed.map((scope) => `\`${scope}\``).join(' and ')} scope; the caller's credentials carry ${has.length ? has.map((scope) => `\`${scope}\``).join(', ') : 'no scope'}.`,
    { extensions: { code: 'FORBIDDEN', requiredScopes: [...needed] } },
  );
}

/**
 * For resolvers Pothos does not wrap (federation's `_entities` resolves through the entity's
 * `resolveReference`): the same check and the same error.
 */
export function requireScope(ctx: Context, scope: Scope, info: GraphQLResolveInfo): void {
  if (!ctx.caller.scopes.has(scope)) throw forbidden([scope], ctx, info);
}

/** The scopes a scope-auth failure names, however nested (`$any`, `$all`). */
export function failedScopes(failure: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    const value = node as { scope?: unknown; failures?: unknown[] } | null;
    if (typeof value?.scope === 'string') found.add(value.scope);
    value?.failures?.forEach(visit);
  };
  visit(failure);
  return [...found];
}

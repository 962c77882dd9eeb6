/**
 * ProviderErrors as GraphQL errors, for reads (through the read rule plugin) and for whatever a
 * mutation does not expect (through yoga's maskError in server.ts).
 */
import { GraphQLError } from 'graphql';
import type { ProviderError } from '../providers/errors.js';

/**
 * The one rule turning a ProviderError that no typed result took into a GraphQL error. Input the
 * caller got wrong is `INVALID_INPUT` (whoever refused it), with the `argument` at fault when the
 * field's arguments show which one (`field` when it sits inside an input object); any other code
 * is the provider's, `PROVIDER_<code>`, except usergraph's own `RATE_LIMITED` (a budget, with
 * `retryAfter` in seconds and a `Retry-After` header) and `TIMEOUT` (the deadline). The message holds no URL, header, body or key by
 * construction of ProviderError.
 */
export function graphQLErrorFor(error: ProviderError, args?: FieldArguments): GraphQLError {
  const extensions: Record<string, unknown> = { provider: error.provider };
  if (error.code === 'INVALID_INPUT') {
    extensions.code = 'INVALID_INPUT';
    Object.assign(extensions, args ? argumentAtFault(error.fields[0]?.field, args) : {});
  } else if (error.provider === 'usergraph' && (error.code === 'RATE_LIMITED' || error.code === 'TIMEOUT')) {
    // usergraph's own budgets and deadline, not a provider's answer; yoga sends `http.headers`
    // as response headers and leaves `http` out of the body.
    extensions.code = error.code;
    if (error.retryAfterSeconds !== undefined) {
      extensions.retryAfter = error.retryAfterSeconds;
      extensions.http = { headers: { 'retry-after': String(error.retryAfterSeconds) } };
    }
  } else {
    extensions.code = `PROVIDER_${error.code}`;
    if (error.retryAfterSeconds !== undefined) extensions.retryAfterSeconds = error.retryAfterSeconds;
  }
  return new GraphQLError(error.message, { extensions });
}

/** A field's declared argument names, and the values the caller gave. */
export interface FieldArguments {
  declared: readonly string[];
  given: object;
}

/** An argument named by the problem, or the input-object argument that holds the named field. */
function argumentAtFault(problem: string | undefined, args: FieldArguments) {
  if (problem === undefined) return {};
  if (args.declared.includes(problem)) return { argument: problem };
  const holder = Object.entries(args.given).find(
    ([, value]) => value !== null && typeof value === 'object' && !Array.isArray(value) && problem in value,
  );
  return holder ? { argument: holder[0], field: `${holder[0]}.${problem}` } : {};
}

/**
 * `useContextRelease()`: lets a finished request die young.
 *
 * Pothos's scope-auth plugin keeps each request's RequestCache in a module-wide WeakMap keyed by
 * the context, and the cache points back at the context. V8's scavenger keeps such an entry's
 * key alive, so every finished request (its context, loaders, the users they fetched, the
 * request and response) survived minor GCs until the next full one. Measured with ten requests
 * in flight (one user by id, `node --trace-gc-nvp`): 860–930 KB moved to the old generation at
 * every scavenge and scavenges took 5–20 ms; with the entry deleted when execution is done,
 * 41–97 KB and 2–3 ms, near a yoga server without Pothos (~60 KB, 1–2 ms).
 *
 * Pothos's other per-request caches (complexity, each plugin's request data) hold nothing that
 * points back at the context, so the scavenger frees them on its own. A scope lookup after this
 * (a list item still resolving after a sibling failed the operation) makes a new cache, which
 * lives until the next full GC, as every request's did before. usergraph has no subscriptions,
 * @defer or @stream; with them, the cache would have to be cleared when the stream ends.
 */
import { RequestCache } from '@pothos/plugin-scope-auth';
import type { Plugin } from 'graphql-yoga';

const contextRelease: Plugin = {
  onExecute: () => ({
    onExecuteDone: ({ args }) => {
      if (args.contextValue) RequestCache.clearForContext(args.contextValue);
    },
  }),
};

/** One stateless plugin object, so a test can find it among a server's plugins. */
export function useContextRelease(): Plugin {
  return contextRelease;
}

/**
 * `useContextRelease()`: lets a finished request die young.
 *
 * Pothos's scope-auth plugin keeps each request's cache in a module-wide WeakMap keyed by the
 * context, and the cache points back at the context, so V8's scavenger kept every finished
 * request alive until the next full GC; deleting the entry once execution is done frees it at the
 * next minor GC (BENCHMARKS.md has the measurement). A scope lookup after that (a list item still
 * resolving after a sibling failed the operation) makes a new cache that waits for a full GC, as
 * every request's did before.
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

/**
 * The shape of every per-user list loader: one upstream call per distinct key, all concurrent
 * (the provider client bounds connections), results in key order with an Error in a failed
 * key's slot so one user's failure leaves the others' data intact. Every key belongs to one
 * user, so `forgetUser(id)` can drop that user's entries and no one else's.
 */
import DataLoader from 'dataloader';
import type { CallOptions, User } from '../providers/types.js';

export type PerKeyLoader<Key, Value> = DataLoader<Key, Value, string> & {
  /** Drops every entry about one user, so the next load of any of their keys asks again. */
  forgetUser(userId: string): void;
};

export function perKeyLoader<Key, Value>(
  /** The loader's name in metrics (`devices`, `memberships`...). */
  name: string,
  /** The request's call options: its observer is told of each batch. */
  call: CallOptions,
  load: (key: Key) => Promise<Value>,
  /** The user a key is about. */
  userOf: (key: Key) => User,
  /** What tells apart two keys of one user (a page, a status...); none when a user has one key. */
  variant: (key: Key) => string = () => '',
): PerKeyLoader<Key, Value> {
  const cacheMap = new Map<string, Promise<Value>>();
  // The user id comes first and ends at a newline, which no provider's user id contains.
  const prefix = (userId: string) => `${userId}\n`;
  const loader = new DataLoader<Key, Value, string>(
    (keys) => {
      call.observer?.batch(name, keys.length);
      return Promise.all(keys.map((key) => load(key).catch((error: unknown) => error as Error)));
    },
    { cacheMap, cacheKeyFn: (key) => `${prefix(userOf(key).id)}${variant(key)}` },
  );
  return Object.assign(loader, {
    forgetUser(userId: string): void {
      for (const cacheKey of cacheMap.keys()) {
        if (cacheKey.startsWith(prefix(userId))) cacheMap.delete(cacheKey);
      }
    },
  });
}

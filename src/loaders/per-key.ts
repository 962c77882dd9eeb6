/**
 * The shape of every per-user list loader: one upstream call per distinct key, all concurrent
 * (the provider client bounds connections), results in key order with an Error in a failed
 * key's slot so one user's failure leaves the others' data intact.
 */
import DataLoader from 'dataloader';

export function perKeyLoader<Key, Value>(
  load: (key: Key) => Promise<Value>,
  cacheKeyFn: (key: Key) => string,
) {
  return new DataLoader<Key, Value, string>(
    (keys) => Promise.all(keys.map((key) => load(key).catch((error: unknown) => error as Error))),
    { cacheKeyFn },
  );
}

/**
 * DataLoader with batching and caching switched off, whatever its caller asks: every `load()` is
 * its own call of the batch function with one key, and nothing is remembered (`prime()` does
 * nothing). What src/loaders/ gets in the benchmark's "loaders off" run.
 */
import DataLoader from 'dataloader';

export default class UnbatchedLoader<K, V, C = K> extends DataLoader<K, V, C> {
  constructor(batch: DataLoader.BatchLoadFn<K, V>, options: DataLoader.Options<K, V, C> = {}) {
    super(batch, { ...options, batch: false, cache: false });
  }
}

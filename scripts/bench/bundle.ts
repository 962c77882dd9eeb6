/**
 * The benchmark's usergraph servers are bundles, built as `npm run build` builds the product
 * (scripts/build.ts), so what is measured is what `node dist/main.js` runs, not the TypeScript
 * under tsx (BENCHMARKS.md has the difference). Two bundles of usergraph-child.ts: as is, and
 * with the loaders off.
 */
import type { Plugin } from 'esbuild';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../build.js';

export interface ChildBundles {
  /** The entry file of each bundle, by its `loaders` option. */
  entry: Record<'on' | 'off', string>;
  remove(): Promise<void>;
}

const ENTRY = 'scripts/bench/usergraph-child.ts';

/** src/loaders/ importing `dataloader` gets dataloader-off.ts instead; nothing else is touched. */
const loadersOff: Plugin = {
  name: 'loaders-off',
  setup(bundle) {
    const shim = fileURLToPath(new URL('./dataloader-off.ts', import.meta.url));
    bundle.onResolve({ filter: /^dataloader$/ }, ({ importer }) =>
      importer.includes('/src/loaders/') ? { path: shim } : undefined,
    );
  },
};

/** Inside the repository, so whatever a bundle still requires at run time resolves as dist/'s does. */
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));

export async function bundleChildren(): Promise<ChildBundles> {
  await mkdir(CACHE, { recursive: true });
  const directory = await mkdtemp(join(CACHE, 'usergraph-bench-'));
  // Under node_modules the repository's `"type": "module"` does not reach: say it here, as the
  // image says it beside dist/, rather than rely on Node detecting ES module syntax.
  await writeFile(join(directory, 'package.json'), '{ "type": "module" }\n');
  const outdir = (loaders: 'on' | 'off') => join(directory, loaders);
  await Promise.all([
    buildBundle(outdir('on'), { entryPoints: [ENTRY] }),
    buildBundle(outdir('off'), { entryPoints: [ENTRY], plugins: [loadersOff] }),
  ]);
  return {
    entry: { on: join(outdir('on'), 'usergraph-child.js'), off: join(outdir('off'), 'usergraph-child.js') },
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}

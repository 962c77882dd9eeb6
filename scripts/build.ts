/**
 * `npm run build`: the production bundle, `dist/main.js` and its chunks (esbuild), what the
 * Dockerfile ships and `node dist/main.js` runs.
 *
 * Every `graphql` import, `import` and `require` alike, resolves to graphql's ES modules. Left to
 * esbuild's defaults for node, the package's CommonJS build was bundled, and every read of a
 * graphql export by the executor and yoga (per field: `Kind`, `getNamedType`, `isListType`...)
 * went through a getter of esbuild's CommonJS interop, a measurable part of every read
 * (BENCHMARKS.md, the third round). Both kinds of import take the same files, so there is one
 * copy of graphql in the bundle, as its `instanceof` checks need.
 *
 *   npm run build [-- --outdir dist]
 */
import { build, type Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));

const graphqlAsModules: Plugin = {
  name: 'graphql-as-es-modules',
  setup(bundle) {
    const graphqlRoot = dirname(createRequire(join(root, 'package.json')).resolve('graphql/package.json'));
    bundle.onResolve({ filter: /^graphql(\/.*)?$/ }, ({ path }) => {
      const subpath = path.slice('graphql'.length).replace(/\.m?js$/, '');
      const module = [join(graphqlRoot, `${subpath}.mjs`), join(graphqlRoot, subpath, 'index.mjs')].find(
        (candidate) => existsSync(candidate),
      );
      return module ? { path: module } : undefined;
    });
  },
};

export interface BundleOptions {
  /** What to bundle, relative to the repository: the server's main by default. */
  entryPoints?: string[];
  /** More esbuild plugins, run before the graphql one (the benchmark's loaders-off swap). */
  plugins?: Plugin[];
}

/**
 * Bundles src/main.ts into `outdir` (relative to the repository, or absolute). The benchmark
 * bundles its own server entry the same way, so it measures what ships.
 */
export async function buildBundle(
  outdir = 'dist',
  { entryPoints = ['src/main.ts'], plugins = [] }: BundleOptions = {},
): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Chunks, so what only some requests need (GraphiQL, a migration's engine) loads when used.
    splitting: true,
    // Whitespace and syntax only: V8 keeps every module's source, and names stay readable in
    // stack traces; the source maps point back at src/.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    sourcemap: true,
    logLevel: 'warning',
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __usergraphRequire } from 'node:module'; const require = __usergraphRequire(import.meta.url);",
    },
    plugins: [...plugins, graphqlAsModules],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
  await buildBundle(values.outdir);
}

/**
 * Writes the printed schemas (`npm run schema`), or with `--check` fails when a checked-in one is
 * out of date (`npm run schema:check`, run by CI):
 * - schema.graphql, the API clients query: what codegen and frontends read. It leaves out the
 *   federation plumbing (`_entities`, `_service`), which only gateways call and which a
 *   supergraph's API never shows.
 * - subgraph.graphql, the Federation v2 subgraph SDL, exactly as `_service { sdl }` serves it:
 *   what `rover supergraph compose` or `composeServices` takes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { graphql, lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from '../src/schema/builder.js';
import { schema } from '../src/schema/index.js';

// `_service` needs the `read` scope, as a gateway's token would carry.
const contextValue = { caller: { kind: 'open', scopes: new Set(['read']) } };
const served = await graphql({ schema, source: '{ _service { sdl } }', contextValue });
const sdl = (served.data?._service as { sdl?: string } | undefined)?.sdl;
if (!sdl) throw new Error(`_service { sdl } answered no SDL: ${JSON.stringify(served.errors)}`);

const files = [
  { name: 'schema.graphql', printed: `${printSchema(lexicographicSortSchema(builder.toSchema()))}\n` },
  { name: 'subgraph.graphql', printed: `${sdl}\n` },
];

const check = process.argv.includes('--check');
let stale = false;
for (const { name, printed } of files) {
  const file = new URL(`../${name}`, import.meta.url);
  if (!check) {
    await writeFile(file, printed);
    console.log(`wrote ${name}`);
  } else if ((await readFile(file, 'utf8').catch(() => '')) !== printed) {
    console.error(`${name} is out of date: run \`npm run schema\` and commit the result.`);
    stale = true;
  } else {
    console.log(`${name} is up to date.`);
  }
}
if (stale) process.exit(1);

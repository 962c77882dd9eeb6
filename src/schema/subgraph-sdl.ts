/**
 * The subgraph SDL's printer, in a module of its own so that federation.ts can load it (and
 * `@apollo/federation-internals` with it) when a gateway first asks for `_service`. Imported
 * statically here because the build turns a dynamic import of a CommonJS package into its default
 * export only, where Node gives its named exports too.
 */
export { printSubgraphSchema } from '@apollo/subgraph';

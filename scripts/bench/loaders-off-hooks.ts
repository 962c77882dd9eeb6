/**
 * A module resolve hook (node:module `register`) for the "loaders off" run of the benchmark:
 * src/loaders/ importing `dataloader` gets dataloader-off.ts instead. Nothing else is touched.
 */
const shim = new URL('./dataloader-off.ts', import.meta.url).href;

type Resolve = (
  specifier: string,
  context: { parentURL?: string },
) => Promise<{ url: string; shortCircuit?: boolean }>;

export async function resolve(specifier: string, context: { parentURL?: string }, next: Resolve) {
  if (specifier === 'dataloader' && context.parentURL?.includes('/src/loaders/')) {
    // Resolved by the rest of the chain, so tsx's own hooks load the TypeScript file.
    return next(shim, context);
  }
  return next(specifier, context);
}

import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: [
      // graphql 16 ships CommonJS and ESM builds without an exports map: Node (and so every
      // dependency) loads the CommonJS one, Vite would load the ESM one for our own files, and
      // two graphql instances refuse each other's types. Pin ours to the one Node loads.
      { find: /^graphql$/, replacement: require.resolve('graphql') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Every test talks to real servers on real ports; a slow shared CI machine needs headroom.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

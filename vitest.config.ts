import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test talks to real servers on real ports; a slow shared CI machine needs headroom.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

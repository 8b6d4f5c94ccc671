import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/temp-root.ts'],
    // End-to-end tests start real processes; give them room on a shared 2-core machine (load
    // averages above 20 were seen while several sessions build and test at once).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

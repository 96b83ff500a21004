import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Many tests spawn bin/qda.js; on a busy two-core machine one can take far longer than on a quiet one.
    // Speed is measured by `npm run bench`, not here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

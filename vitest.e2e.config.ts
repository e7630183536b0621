/**
 * Vitest configuration of the end-to-end suite (`npm run test:e2e`): tests/e2e/**\/*.e2e.ts drive Debian's
 * Chromium with playwright-core against the production build served by `npm run serve` (started and
 * stopped by tests/e2e/setup/global-setup.ts). One file at a time, one server, generous timeouts: a flow
 * walks many pages on a machine shared with other work. The unit configuration (vitest.config.ts) only
 * includes *.test.ts files, so `npm test` never starts a browser.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/setup/global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
})

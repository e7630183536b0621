/**
 * Vitest configuration: Node environment, no Remix plugin (route modules are imported and called directly).
 * `tests/setup/global-setup.ts` migrates one base SQLite database per run; `tests/setup/db.ts` copies it for
 * each test file and points DATABASE_URL at the copy before any app module is imported.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['app/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'prisma/**/*.test.ts', 'server/**/*.test.ts'],
    exclude: ['node_modules/**', 'build/**', 'app/generated/**'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/db.ts', 'tests/setup/console.ts'],
    pool: 'forks',
    restoreMocks: true,
    // A harness limit, not a performance check: property tests and database tests must not fail on a busy
    // 2-core machine (speed is measured by the bench scripts).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})

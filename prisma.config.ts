/**
 * Prisma CLI configuration: the JavaScript (WASM) engines with the better-sqlite3 driver adapter, so that
 * `prisma generate` / `migrate deploy` / `migrate dev` never download Prisma's Rust binaries
 * (see /work/shared/docs/PRISMA-OFFLINE.md). The database file is `DATABASE_URL`, default
 * `file:./data/fahm.db`, resolved from the working directory exactly as `app/db.server.ts` does.
 */
import { defineConfig } from 'prisma/config'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? 'file:./data/fahm.db' })
  },
})

/**
 * The one Prisma client of the server (epic-stack pattern): created on first import, kept on `globalThis`
 * in development so Vite's module reloads do not open a new SQLite connection each time.
 *
 * The client runs Prisma's query compiler (WASM) over the better-sqlite3 driver adapter; the database file
 * is `DATABASE_URL` (default `file:./data/fahm.db`, relative to the working directory), switched to
 * write-ahead logging before the client opens it (`utils/sqlite.server.ts`).
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from './generated/prisma/client'
import { getEnv } from './env.server'
import { useWriteAheadLog } from './utils/sqlite.server'

export type { PrismaClient }

/**
 * Opens a new client on a SQLite file (in WAL mode). The app uses the shared {@link prisma}; the seed
 * script and tests that need their own connection call this and `$disconnect()` when done.
 * @param url a `file:` URL; relative paths resolve from the working directory.
 */
export function createPrismaClient(url: string): PrismaClient {
  useWriteAheadLog(url)
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) })
}

const globalForPrisma = globalThis as unknown as { __fahmPrisma?: PrismaClient }

/** The shared client. */
export const prisma: PrismaClient = globalForPrisma.__fahmPrisma ?? createPrismaClient(getEnv().DATABASE_URL)
if (getEnv().NODE_ENV === 'development') globalForPrisma.__fahmPrisma = prisma

/**
 * The one Prisma client of the server (epic-stack pattern): created on first import, kept on `globalThis`
 * in development so Vite's module reloads do not open a new SQLite connection each time.
 *
 * The client runs Prisma's query compiler (WASM) over the better-sqlite3 driver adapter; the database file
 * is `DATABASE_URL` (default `file:./data/fahm.db`, relative to the working directory), switched to
 * write-ahead logging before the client opens it (`utils/sqlite.server.ts`). The adapter keeps each
 * transaction apart from the other queries of the process and begins it with `BEGIN IMMEDIATE`
 * (`utils/serialized-sqlite.server.ts`).
 */

/**
 * How long a transaction may wait for its turn, and run, in ms (Prisma's defaults are 2 s and 5 s).
 * Transactions run one at a time; under a whole class submitting at once the queue can pass 2 s on a
 * small machine (see BENCHMARKS.md, `npm run bench:load`), which must slow a submit, not fail it.
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const
import { PrismaClient } from './generated/prisma/client'
import { getEnv } from './env.server'
import { serializedSqliteAdapter } from './utils/serialized-sqlite.server'
import { fileOfUrl } from './utils/backup.server'
import { SqliteReader } from './utils/sqlite-reader.server'
import { useWriteAheadLog } from './utils/sqlite.server'

export type { PrismaClient }

/**
 * Opens a new client on a SQLite file (in WAL mode). The app uses the shared {@link prisma}; the seed
 * script and tests that need their own connection call this and `$disconnect()` when done.
 * @param url a `file:` URL; relative paths resolve from the working directory.
 */
export function createPrismaClient(url: string): PrismaClient {
  useWriteAheadLog(url)
  return new PrismaClient({ adapter: serializedSqliteAdapter(url), transactionOptions: TRANSACTION_OPTIONS })
}

const globalForPrisma = globalThis as unknown as { __fahmPrisma?: PrismaClient; __fahmReader?: SqliteReader }

/** The shared client. */
export const prisma: PrismaClient = globalForPrisma.__fahmPrisma ?? createPrismaClient(getEnv().DATABASE_URL)
if (getEnv().NODE_ENV === 'development') globalForPrisma.__fahmPrisma = prisma

let reader: SqliteReader | null = globalForPrisma.__fahmReader ?? null

/**
 * The shared read-only connection for hot raw SELECTs (`utils/sqlite-reader.server.ts`), opened on first
 * use on the same file as {@link prisma} (which has created it and switched it to WAL by then).
 * @throws SqliteError when the file cannot be opened.
 */
export function sqliteReader(): SqliteReader {
  if (!reader) {
    reader = new SqliteReader(fileOfUrl(getEnv().DATABASE_URL))
    if (getEnv().NODE_ENV === 'development') globalForPrisma.__fahmReader = reader
  }
  return reader
}

/** Closes {@link prisma} and the read connection (server shutdown, scripts). */
export async function disconnectDatabase(): Promise<void> {
  reader?.close()
  reader = null
  globalForPrisma.__fahmReader = undefined
  await prisma.$disconnect()
}

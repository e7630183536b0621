/**
 * SQLite file settings the app relies on, applied before Prisma opens the file.
 *
 * Write-ahead logging (`journal_mode = WAL`): a commit appends to the -wal file instead of copying pages
 * to a rollback journal and syncing both, so a review write (a ReviewLog insert and a Card update in
 * one transaction) costs about 0.2 ms instead of about 3 ms on a million-card database, and readers never
 * wait for the writer (see BENCHMARKS.md). The mode is stored in the database file, so setting it once is
 * enough; checking on every start covers files created by `prisma migrate deploy` or copied by the tests.
 * Durability is unchanged (`synchronous` stays FULL).
 */
import Database from 'better-sqlite3'

/**
 * Puts the database file of a `file:` URL in WAL mode (creating the file if it does not exist, as the
 * driver adapter would). Switching needs the file to itself for a moment: when another process holds it
 * (a server still running in rollback-journal mode), the file is left as it is and the next start switches.
 * @param url a SQLite URL such as `file:./data/fahm.db` (relative paths resolve from the working directory).
 * @returns true when the file is in WAL mode afterwards.
 * @throws SqliteError when the file cannot be opened (e.g. a missing directory) or on other SQLite errors.
 */
export function useWriteAheadLog(url: string): boolean {
  const db = new Database(url.replace(/^file:/, ''), { timeout: 2_000 })
  try {
    if (db.pragma('journal_mode', { simple: true }) === 'wal') return true
    return db.pragma('journal_mode = WAL', { simple: true }) === 'wal'
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) return false
    throw error
  } finally {
    db.close()
  }
}

/**
 * A value bound as `@prisma/adapter-better-sqlite3` 6.19 binds it (its `mapArg`, default
 * `timestampFormat: 'iso8601'`), so raw statements compare with and write what Prisma stores: a Date as
 * ISO 8601 UTC text with milliseconds and `+00:00` («2026-01-02T03:04:05.006+00:00»), a boolean as 1 / 0,
 * undefined as NULL; anything else as it is.
 */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00')
  if (typeof value === 'boolean') return value ? 1 : 0
  return value ?? null
}


/**
 * SQLite file settings the app relies on, applied before Prisma opens the file.
 *
 * Write-ahead logging (`journal_mode = WAL`): a commit appends to the -wal file instead of copying pages
 * to a rollback journal and syncing both, so a review write (a ReviewLog insert and a Card update in
 * one transaction) costs about 0.2 ms instead of about 3 ms on a million-card database, and readers never
 * wait for the writer (see BENCHMARKS.md). The mode is stored in the database file, so setting it once is
 * enough; doing it on every start is cheap and covers files created by `prisma migrate deploy` or copied
 * by the tests. Durability is unchanged (`synchronous` stays FULL).
 */
import Database from 'better-sqlite3'

/**
 * Puts the database file of a `file:` URL in WAL mode (creating the file if it does not exist, as the
 * driver adapter would).
 * @param url a SQLite URL such as `file:./data/fahm.db` (relative paths resolve from the working directory).
 * @throws SqliteError when the file cannot be opened or switched (e.g. a read-only directory).
 */
export function useWriteAheadLog(url: string): void {
  const db = new Database(url.replace(/^file:/, ''))
  try {
    db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
}

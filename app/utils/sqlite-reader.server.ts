/**
 * The read path of the hot pages (issue 9): raw SELECTs on a read-only better-sqlite3 connection of their
 * own, with each statement prepared once and kept.
 *
 * Every page a learner opens runs the same few raw statements (the header's review count, the learner, the
 * quiz). Through Prisma each costs its query pipeline (client, WASM query compiler, the driver adapter)
 * and a fresh `prepare`, because `@prisma/adapter-better-sqlite3` 6.19 prepares every statement again
 * (`performIO`): about 0.7–1.6 ms of CPU per statement measured on the quiz page, against about 0.02 ms for
 * a prepared statement run again (BENCHMARKS.md, `npm run bench:load`). better-sqlite3 recommends preparing
 * once and reusing (its API docs, `Database#prepare`).
 *
 * The connection is read-only and the database is in WAL mode (`sqlite.server.ts`), so a statement here
 * reads the last committed state and never waits for, or blocks, a write transaction of the app's Prisma
 * client (SQLite docs, "Write-Ahead Logging" §2.2). Writes never come here.
 *
 * Parameters are bound as the Prisma adapter binds them, so comparisons against stored values are the
 * same: a Date as ISO 8601 text with `+00:00` (the adapter's default `timestampFormat: 'iso8601'`), a
 * boolean as 1 / 0. Rows come back as better-sqlite3 gives them: INTEGER as number, DateTime columns as
 * that ISO text (not Date objects, as Prisma's `$queryRaw` would give).
 */
import Database from 'better-sqlite3'
import { sqliteValue } from './sqlite.server'

/** A prepared SELECT with its `?` placeholders (as `Prisma.sql` gives `.sql` and `.values`). */
export interface ReadQuery {
  sql: string
  values: readonly unknown[]
}

/** Statements kept per connection; past that the cache starts again (only generated IN lists vary). */
const MAX_STATEMENTS = 256


/**
 * A read-only connection with a cache of prepared statements.
 */
export class SqliteReader {
  readonly #db: Database.Database
  readonly #statements = new Map<string, Database.Statement>()

  /**
   * @param file the database file (not a URL); it must exist.
   * @throws SqliteError when the file cannot be opened.
   */
  constructor(file: string) {
    this.#db = new Database(file, { readonly: true, fileMustExist: true })
  }

  /**
   * Runs a SELECT and returns its rows as objects keyed by column name.
   * @throws TypeError when the statement is not a read (better-sqlite3: "This statement does not return data").
   * @throws SqliteError on SQL errors (unknown table or column, …).
   */
  all(query: ReadQuery): unknown[] {
    let statement = this.#statements.get(query.sql)
    if (!statement) {
      statement = this.#db.prepare(query.sql)
      if (!statement.reader) throw new TypeError('SqliteReader runs SELECT statements only')
      if (this.#statements.size >= MAX_STATEMENTS) this.#statements.clear()
      this.#statements.set(query.sql, statement)
    }
    return statement.all(...query.values.map(sqliteValue))
  }

  /** Closes the connection (statements prepared on it can no longer run). */
  close(): void {
    this.#statements.clear()
    this.#db.close()
  }
}

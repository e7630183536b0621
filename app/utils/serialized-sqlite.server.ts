/**
 * A Prisma driver adapter over better-sqlite3 whose transactions are isolated from other queries of the
 * same process and take SQLite's write lock when they begin (issue 9).
 *
 * Prisma's `@prisma/adapter-better-sqlite3` (6.19) shares one connection between every query of the
 * process and serialises only transactions among themselves: while one request's interactive
 * transaction is open (awaiting between its statements), another request's plain query runs on the same
 * connection, inside that transaction. It then reads uncommitted rows, and its write is lost if the
 * transaction rolls back — a quiz submit rolled back by a concurrent duplicate (unique clientToken) or by
 * the attempts-allowed check would take a classmate's review with it. `tests/sqlite-concurrency.test.ts`
 * shows both with the stock adapter. Here one FIFO lock covers every statement: a plain query waits while
 * a transaction is open, a transaction waits for the plain query running, and better-sqlite3's calls are
 * synchronous, so nothing interleaves. Plain reads (SELECT outside a transaction) use a second connection
 * instead: in WAL mode it reads the last committed state and never waits for the writer, so pages keep
 * loading while a submit's transaction runs.
 *
 * Transactions start with `BEGIN IMMEDIATE` instead of the adapter's deferred `BEGIN`. A deferred
 * transaction that reads and then writes must upgrade its read snapshot to a write lock; in WAL mode
 * SQLite refuses that upgrade at once with SQLITE_BUSY (SQLITE_BUSY_SNAPSHOT) when another connection —
 * a second server process, `npm run db:backup`'s restore, a script — committed in between, without
 * calling the busy handler (SQLite docs, "Write-Ahead Logging" §2.4 and `sqlite3_busy_timeout`). An
 * immediate transaction takes the write lock first and waits up to the busy timeout (better-sqlite3's
 * default, 5 s) for it. Every `$transaction` of the app reads then writes, so all begin immediate.
 *
 * WAL checkpoints run in a thread of their own instead of inside a commit (`wal-checkpointer.server.ts`).
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { fileOfUrl } from './backup.server'
import { startCheckpointer } from './wal-checkpointer.server'

type Factory = PrismaBetterSQLite3
/** The adapter Prisma gets from the factory (the type of `@prisma/driver-adapter-utils`). */
type SqlDriverAdapter = Awaited<ReturnType<Factory['connect']>>
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>
type SqlQuery = Parameters<SqlDriverAdapter['queryRaw']>[0]

/** A first-in first-out lock: `acquire()` resolves with the function that releases it. */
class FifoLock {
  #tail: Promise<void> = Promise.resolve()

  acquire(): Promise<() => void> {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const previous = this.#tail
    this.#tail = previous.then(() => held)
    return previous.then(() => release)
  }

  async run<T>(body: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await body()
    } finally {
      release()
    }
  }
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] })

/** A statement that only reads (Prisma sends `INSERT … RETURNING` through queryRaw too). */
const READ_ONLY = /^\s*SELECT\b/i

function wrapAdapter(adapter: SqlDriverAdapter, reader: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new FifoLock()
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    // A plain read outside any transaction goes to a second connection: in WAL mode it sees the last
    // commit and never waits for a transaction in progress on the writing connection.
    queryRaw: (query) => (READ_ONLY.test(query.sql) ? reader.queryRaw(query) : lock.run(() => adapter.queryRaw(query))),
    executeRaw: (query) => lock.run(() => adapter.executeRaw(query)),
    executeScript: (script) => lock.run(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => lock.run(async () => {
      await reader.dispose()
      await adapter.dispose()
    }),
    async startTransaction(isolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== 'SERIALIZABLE') {
        // Same refusal as the stock adapter (SQLite transactions are serializable).
        return adapter.startTransaction(isolationLevel)
      }
      const release = await lock.acquire()
      try {
        await adapter.executeRaw(statement('BEGIN IMMEDIATE'))
      } catch (error) {
        release()
        throw error
      }
      let open = true
      const end = async (sql: 'COMMIT' | 'ROLLBACK', query: SqlQuery) => {
        try {
          return await adapter.executeRaw(query)
        } catch (error) {
          // A failed COMMIT leaves the transaction open: roll it back so the connection is usable.
          if (sql === 'COMMIT') await adapter.executeRaw(statement('ROLLBACK')).catch(() => 0)
          close()
          throw error
        }
      }
      const close = () => {
        if (!open) return
        open = false
        release()
      }
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        // Prisma sends COMMIT / ROLLBACK itself through executeRaw, then calls commit() / rollback().
        options: { usePhantomQuery: false },
        queryRaw: (query) => adapter.queryRaw(query),
        executeRaw: (query) => {
          const sql = query.sql.trim().toUpperCase()
          return sql === 'COMMIT' || sql === 'ROLLBACK' ? end(sql, query) : adapter.executeRaw(query)
        },
        commit: async () => close(),
        rollback: async () => close(),
      }
    },
  }
}

/**
 * The adapter factory to give `new PrismaClient({ adapter })` (see the module header).
 * @param url a SQLite `file:` URL.
 * @example new PrismaClient({ adapter: serializedSqliteAdapter('file:./data/fahm.db') })
 */
export function serializedSqliteAdapter(url: string): Factory {
  const inner = new PrismaBetterSQLite3({ url })
  const factory = Object.create(inner) as Factory
  factory.connect = async () => {
    const writer = await inner.connect()
    const adapter = wrapAdapter(writer, await inner.connect())
    // Checkpoints run in a thread of their own (`wal-checkpointer.server.ts`); if it dies, the writing
    // connection checkpoints again itself.
    const checkpointer = startCheckpointer(fileOfUrl(url), {
      onExit: (error) => {
        console.error('WAL checkpoint thread ended; automatic checkpoints are back on', error)
        void adapter.queryRaw(statement('PRAGMA wal_autocheckpoint = 1000')).catch(() => undefined)
      },
    })
    await adapter.queryRaw(statement('PRAGMA wal_autocheckpoint = 0'))
    const dispose = adapter.dispose
    adapter.dispose = async () => {
      await checkpointer.stop()
      await dispose()
    }
    return adapter
  }
  return factory
}

/**
 * WAL checkpoints off the request path (issue 9). In WAL mode SQLite appends each commit to the -wal file
 * and, by default, the connection whose commit takes the WAL past 1000 pages copies it back into the
 * database file (`wal_autocheckpoint`) — inside that commit. A first quiz writes about 220 pages, so every
 * fourth or fifth submit paid for a checkpoint of about 1000 pages on the event loop (about 4 ms of a
 * submit's 27 ms on average, BENCHMARKS.md). SQLite's documentation suggests the alternative used here:
 * turn automatic checkpoints off on the writing connection and run them from another thread ("Write-Ahead
 * Logging" §6, "Application-Initiated Checkpoints"). A worker thread with its own connection runs a
 * PASSIVE checkpoint every `intervalMs`: it copies what no reader still needs and never blocks readers or
 * the writer; what it cannot copy yet waits for the next round.
 *
 * Durability is unchanged: a commit is durable once in the WAL (`synchronous = FULL` syncs it), whether or
 * not it has been checkpointed; a crash before a checkpoint is recovered from the WAL on the next open.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** The worker's code (CommonJS, run with `eval`): one connection, a PASSIVE checkpoint per tick. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { timeout: 0 })
const tick = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ type: 'checkpoint', result })
  } catch (error) {
    // SQLITE_BUSY: another connection is checkpointing; the next tick tries again.
    if (!String(error && error.code).startsWith('SQLITE_BUSY')) throw error
  }
}
const timer = setInterval(tick, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  tick()
  db.close()
  parentPort.close()
})
`

/** What one PASSIVE checkpoint reported (SQLite's `wal_checkpoint` row), in WAL pages. */
export interface CheckpointResult {
  busy: number
  log: number
  checkpointed: number
}

/** A running checkpointer. */
export interface Checkpointer {
  /** Runs a last checkpoint, closes the worker's connection and ends the thread. */
  stop(): Promise<void>
}

/**
 * Starts the checkpoint thread on a database file already in WAL mode. The caller turns automatic
 * checkpoints off on its writing connection (`PRAGMA wal_autocheckpoint = 0`) and back on if `onExit`
 * reports that the thread died.
 * @param file the database file.
 * @param options.intervalMs time between checkpoints, in ms (default 500).
 * @param options.onCheckpoint called with each checkpoint's result (tests, logs).
 * @param options.onExit called once if the thread ends without {@link Checkpointer.stop} (an error).
 */
export function startCheckpointer(
  file: string,
  options: { intervalMs?: number; onCheckpoint?: (result: CheckpointResult) => void; onExit?: (error: unknown) => void } = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs: options.intervalMs ?? 500 } })
  worker.unref()
  let stopping = false
  let failure: unknown = null
  worker.on('message', (message: { type: string; result: CheckpointResult }) => {
    if (message.type === 'checkpoint') options.onCheckpoint?.(message.result)
  })
  worker.on('error', (error) => (failure = error))
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (!stopping) options.onExit?.(failure ?? new Error('checkpoint thread ended'))
      resolve()
    }),
  )
  return {
    async stop() {
      if (stopping) return exited
      stopping = true
      // Unreferenced, the thread would let the event loop end while this is awaited (a script's last
      // `$disconnect()` then exits with 13, "unsettled top-level await").
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}

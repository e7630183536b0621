/**
 * Several server processes on one port (`WEB_CONCURRENCY`, issue 9): Node's `cluster` module forks
 * workers that each run the whole app; the primary accepts connections and hands them out round-robin
 * (Node docs, "Cluster: How it works"). One Node process uses one core for JavaScript, so a school server
 * with four cores answers about four times the pages with four workers. SQLite takes writes from several
 * processes: every transaction begins `BEGIN IMMEDIATE` and waits up to the busy timeout for the write
 * lock (`app/utils/serialized-sqlite.server.ts`); `npm run bench:load` checks that no write is lost.
 *
 * The primary only supervises:
 * - a worker that dies on its own (a crash, out of memory) is replaced, unless workers keep dying (more
 *   than {@link MAX_RESTARTS} in {@link RESTART_WINDOW_MS}): the primary then stops everything and exits
 *   1, so the service manager sees the failure instead of a restart loop;
 * - on SIGTERM / SIGINT it tells every worker to drain (an IPC message; each worker runs
 *   `server/graceful.ts` as a single process would: finish requests in flight, close the database, exit 0)
 *   and exits once they all have, with 1 if any worker's drain failed (exit status other than 0; a crash
 *   before the signal was replaced and logged, and does not count); a second signal, or
 *   workers still running `graceTimeoutMs` later, kills them and exits 1.
 */
import cluster, { type Worker } from 'node:cluster'

/** The IPC message that starts a worker's drain. */
export const SHUTDOWN_MESSAGE = 'fahm:shutdown'
/** Workers dying on their own more often than this within {@link RESTART_WINDOW_MS} stop the server. */
export const MAX_RESTARTS = 5
/** Window of {@link MAX_RESTARTS}, in ms. */
export const RESTART_WINDOW_MS = 60_000

/** Options of {@link runPrimary}. */
export interface PrimaryOptions {
  /** Workers to fork (≥ 1). */
  workers: number
  /** How long workers get to drain after a signal before they are killed, in ms. */
  graceTimeoutMs: number
  log?: (line: string) => void
  /** Ends the process (default `process.exit`). */
  exit?: (code: number) => void
}

/**
 * Number of server processes asked for in `WEB_CONCURRENCY` (the variable Heroku and others use):
 * unset or empty → 1 (one process, no cluster).
 * @throws Error when the value is not a whole number from 1 to 64.
 */
export function workersFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 1
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${value}"`)
  return n
}

/**
 * Runs the supervising primary: forks the workers (they run the entry module again, where
 * `cluster.isPrimary` is false) and handles their deaths and the shutdown signals (see the module header).
 * Call only in the primary.
 */
export function runPrimary(options: PrimaryOptions): void {
  const log = options.log ?? ((line: string) => console.log(line))
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const stamp = () => new Date().toISOString()
  let stopping = false
  let failed = false
  const deaths: number[] = []

  const fork = (): Worker => cluster.fork()

  const stop = (reason: string) => {
    stopping = true
    log(`${stamp()} ${reason}: asking ${Object.keys(cluster.workers ?? {}).length} workers to finish their requests`)
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker?.isConnected()) worker.send(SHUTDOWN_MESSAGE)
    }
    setTimeout(() => {
      log(`${stamp()} workers still running after ${options.graceTimeoutMs} ms: killing them`)
      killAll()
      exit(1)
    }, options.graceTimeoutMs).unref()
  }

  const killAll = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
  }

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (code !== 0) failed = true
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log(`${stamp()} all workers stopped; exiting`)
        exit(failed ? 1 : 0)
      }
      return
    }
    const now = Date.now()
    deaths.push(now)
    while (deaths.length > 0 && deaths[0]! < now - RESTART_WINDOW_MS) deaths.shift()
    if (deaths.length > MAX_RESTARTS) {
      log(`${stamp()} worker ${worker.process.pid} exited (${signal ?? code}); ${deaths.length} deaths in ${RESTART_WINDOW_MS} ms: stopping`)
      stop('restart limit')
      return
    }
    log(`${stamp()} worker ${worker.process.pid} exited (${signal ?? code}); starting another`)
    fork()
  })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        log(`${stamp()} ${signal} again: killing the workers`)
        killAll()
        exit(1)
        return
      }
      stop(signal)
    })
  }

  log(`${stamp()} starting ${options.workers} server processes (WEB_CONCURRENCY)`)
  for (let i = 0; i < options.workers; i++) fork()
}

/**
 * In a worker: starts `shutdown` when the primary asks (a no-op outside a cluster).
 * @param shutdown the worker's drain (`installGracefulShutdown(...).shutdown`); called at most once per
 *   message, and it ignores calls once draining.
 */
export function drainWhenPrimaryAsks(shutdown: (reason: string) => unknown): void {
  if (!cluster.isWorker) return
  process.on('message', (message) => {
    if (message === SHUTDOWN_MESSAGE) void shutdown('primary asked')
  })
}

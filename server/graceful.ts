/**
 * Graceful shutdown for a Node HTTP server (issue 9, durability): on SIGTERM or SIGINT the server stops
 * accepting connections, lets the requests already in flight finish (answers sent while draining carry
 * `Connection: close`, idle keep-alive sockets are closed), then runs `onDrained` (closing the database)
 * and exits with status 0. Requests still running after `timeoutMs` are cut and the process exits with
 * status 1. A second signal exits at once with status 1 (an operator pressing Ctrl-C twice).
 *
 * The steps are those of Node's `server.close()` (stop listening, wait for connections) and
 * `server.closeIdleConnections()` (Node ≥ 18.2); process managers (systemd, Docker, Kubernetes) send
 * SIGTERM and wait a grace period before SIGKILL, so `timeoutMs` should stay below theirs (Docker: 10 s).
 */
import type { Server } from 'node:http'

/** Options of {@link installGracefulShutdown}. */
export interface ShutdownOptions {
  /** Longest wait for in-flight requests, in ms (default 8000). */
  timeoutMs?: number
  /** Runs once every connection has closed, before exiting (close the database here). */
  onDrained?: () => Promise<void> | void
  log?: (line: string) => void
  /** Ends the process (default `process.exit`; tests pass their own). */
  exit?: (code: number) => void
  /** Signals to handle (default SIGTERM and SIGINT). */
  signals?: NodeJS.Signals[]
}

/** The controls returned by {@link installGracefulShutdown}. */
export interface ShutdownControl {
  /** True once shutdown has begun (the app then answers with `Connection: close`). */
  isDraining(): boolean
  /** Starts the shutdown as a signal would. @returns a promise settled when the process is told to exit. */
  shutdown(reason: string): Promise<void>
}

/**
 * Installs signal handlers that drain `server` and exit.
 * @param server a listening (or about to listen) HTTP server.
 * @returns controls for the app and for tests.
 */
export function installGracefulShutdown(server: Server, options: ShutdownOptions = {}): ShutdownControl {
  const timeoutMs = options.timeoutMs ?? 8_000
  const log = options.log ?? ((line: string) => console.log(line))
  const exit = options.exit ?? ((code: number) => process.exit(code))
  let draining: Promise<void> | null = null

  const shutdown = (reason: string): Promise<void> => {
    if (draining) return draining
    log(`${new Date().toISOString()} ${reason}: no new connections; finishing requests in flight (at most ${timeoutMs} ms)`)
    draining = new Promise<void>((resolve) => {
      const started = Date.now()
      // Keep-alive sockets become idle after each answer; close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections(), 50)
      const force = setTimeout(() => {
        clearInterval(sweep)
        log(`${new Date().toISOString()} shutdown: requests still running after ${timeoutMs} ms were cut`)
        server.closeAllConnections()
        exit(1)
        resolve()
      }, timeoutMs)
      server.close(() => {
        clearInterval(sweep)
        clearTimeout(force)
        Promise.resolve(options.onDrained?.())
          .then(
            () => {
              log(`${new Date().toISOString()} shutdown: drained in ${Date.now() - started} ms; exiting`)
              exit(0)
            },
            (error: unknown) => {
              console.error('shutdown: closing failed', error)
              exit(1)
            },
          )
          .finally(resolve)
      })
      server.closeIdleConnections()
    })
    return draining
  }

  for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[])) {
    process.on(signal, () => {
      if (draining) {
        log(`${new Date().toISOString()} ${signal} again: exiting now`)
        exit(1)
        return
      }
      void shutdown(signal)
    })
  }
  return { isDraining: () => draining !== null, shutdown }
}

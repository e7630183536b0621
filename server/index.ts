/**
 * Production entry point (`npm run serve`; `npm start` runs setup and build first): serves the Remix build
 * in `build/` with the app of `server/app.ts` and drains on SIGTERM / SIGINT (`server/graceful.ts`),
 * closing the database last through the build's entry module (`closeDatabase` in `app/entry.server.tsx`).
 *
 * Environment: `PORT` (default 3000), `HOST` (default: every interface, as remix-serve), `NODE_ENV`
 * (default production), `SHUTDOWN_TIMEOUT_MS` (default 8000), `BODY_LIMIT_BYTES` (default 1 MiB),
 * `WEB_CONCURRENCY` (server processes, default 1; more run as a cluster, `server/cluster.ts`); the app's
 * own variables are in `app/env.server.ts`. Run with `node --import tsx server/index.ts`.
 */
import cluster from 'node:cluster'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { DEFAULT_BODY_LIMIT_BYTES, createApp, createRemixHandler } from './app'
import { drainWhenPrimaryAsks, runPrimary, workersFromEnv } from './cluster'
import { installGracefulShutdown } from './graceful'

process.env.NODE_ENV ??= 'production'
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 8_000)
const workers = workersFromEnv(process.env.WEB_CONCURRENCY)

if (cluster.isPrimary && workers > 1) runPrimary({ workers, graceTimeoutMs: shutdownTimeoutMs + 2_000 })
else await serve()

/** One server process: the whole app on `PORT`, drained on a signal or when the cluster's primary asks. */
async function serve() {
  const buildDir = path.resolve(process.env.FAHM_BUILD_DIR ?? 'build')
  const build = (await import(pathToFileURL(path.join(buildDir, 'server', 'index.js')).href)) as ServerBuild
  const closeDatabase = (build.entry.module as { closeDatabase?: () => Promise<void> }).closeDatabase

  let isDraining = () => false
  const app = createApp({
    handler: createRemixHandler(build),
    clientDir: path.join(buildDir, 'client'),
    bodyLimitBytes: Number(process.env.BODY_LIMIT_BYTES ?? DEFAULT_BODY_LIMIT_BYTES),
    isDraining: () => isDraining(),
  })

  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST
  const onListening = () => {
    const address = server.address()
    const actual = typeof address === 'object' && address ? address.port : port
    console.log(`Fahm is listening on http://${host && host !== '0.0.0.0' ? host : 'localhost'}:${actual}`)
  }
  const server = host ? app.listen(port, host, onListening) : app.listen(port, onListening)
  // Slow clients must not hold a connection (and a shutdown) open for long.
  server.requestTimeout = 30_000
  server.headersTimeout = 20_000

  const control = installGracefulShutdown(server, {
    timeoutMs: shutdownTimeoutMs,
    onDrained: closeDatabase,
  })
  isDraining = control.isDraining
  drainWhenPrimaryAsks(control.shutdown)
}

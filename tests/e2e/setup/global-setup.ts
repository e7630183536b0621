/**
 * Global setup of the end-to-end suite (`npm run test:e2e`, vitest.e2e.config.ts): the app as a user meets
 * it, on a database of its own.
 *
 * 1. A fresh SQLite file in a temporary directory: `prisma migrate deploy`, then the seed (`tsx
 *    prisma/seed.ts`: the sample articles with their banks, and the demo teacher with one class, whose join
 *    code the student flow uses; read back from the database, not from the seed's printout).
 * 2. `npm run build` when CI is set, when there is no build, or when a source file is newer than the build.
 * 3. `npm run serve` (the production server, whatever serves the build) with NODE_ENV=production, a
 *    generated SESSION_SECRET and PORT (E2E_PORT, default 3118), in its own process group; its output goes
 *    to test-results/e2e/server.log. Setup waits until the home page answers 200.
 *
 * The teardown kills the whole process group (npm → node) and removes the temporary directory. The tests
 * get what they need through vitest's `provide`/`inject` ({@link E2eContext}).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { TestProject } from 'vitest/node'

/** What every e2e test file can `inject('e2e')`. */
export interface E2eContext {
  /** The server's origin, e.g. `http://localhost:3118` (no trailing slash). */
  baseURL: string
  /** The seeded demo class's eight-character join code. */
  demoJoinCode: string
  /** Absolute path of the server's SQLite file (tests may read it to check what the pages show). */
  databaseFile: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext
  }
}

/** Where server logs, screenshots and accessibility reports go (gitignored). */
export const resultsDir = path.resolve('test-results/e2e')

/** Files and folders whose change makes the production build stale. */
const BUILD_INPUTS = ['app', 'public', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json']

export default async function setup(project: TestProject) {
  // Each run starts from empty artifacts, so screenshots and axe.jsonl describe this run only.
  rmSync(resultsDir, { recursive: true, force: true })
  mkdirSync(resultsDir, { recursive: true })
  const port = Number(process.env.E2E_PORT ?? 3118)
  const baseURL = `http://localhost:${port}`
  if (await answers(baseURL)) {
    throw new Error(`${baseURL} already answers: stop that server or set E2E_PORT to a free port`)
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fahm-e2e-'))
  const databaseFile = path.join(tmp, 'e2e.db')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${databaseFile}`,
    SESSION_SECRET: randomBytes(48).toString('base64url'),
  }
  // The seed runs outside production so that it creates the demo teacher and class.
  run('npx', ['prisma', 'migrate', 'deploy'], { ...env, NODE_ENV: 'development' })
  run('npx', ['tsx', 'prisma/seed.ts'], { ...env, NODE_ENV: 'development', FAHM_DEMO: 'on' })
  const demoJoinCode = readDemoJoinCode(databaseFile)

  if (buildIsStale()) run('npm', ['run', 'build'], { ...env, NODE_ENV: 'production' })

  const server = startServer({ ...env, NODE_ENV: 'production', PORT: String(port) })
  try {
    await waitUntilAnswering(baseURL, server, 60_000)
  } catch (error) {
    await stopServer(server)
    rmSync(tmp, { recursive: true, force: true })
    throw error
  }

  project.provide('e2e', { baseURL, demoJoinCode, databaseFile })

  return async () => {
    await stopServer(server)
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** Runs a command to completion with inherited output; throws on a non-zero exit. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`)
}

/** The join code of the demo class the seed created (see app/models/demo.server.ts). */
function readDemoJoinCode(databaseFile: string): string {
  const db = new Database(databaseFile, { readonly: true })
  try {
    const row = db
      .prepare(
        `SELECT c.joinCode AS code FROM Classroom c JOIN Teacher t ON t.id = c.teacherId
         WHERE t.email = 'demo.teacher@example.com' ORDER BY c.createdAt LIMIT 1`,
      )
      .get() as { code: string } | undefined
    if (!row) throw new Error('the seed created no demo class (is FAHM_DEMO off or NODE_ENV production?)')
    return row.code
  } finally {
    db.close()
  }
}

/** True in CI, without a build, or when any build input is newer than build/server/index.js. */
function buildIsStale(): boolean {
  if (process.env.CI) return true
  const built = path.resolve('build/server/index.js')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return BUILD_INPUTS.some((input) => newestMtime(path.resolve(input)) > builtAt)
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0
  const stat = statSync(file)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of readdirSync(file)) {
    if (name === 'generated') continue // Prisma's client, rewritten by every `prisma generate`
    newest = Math.max(newest, newestMtime(path.join(file, name)))
  }
  return newest
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(path.join(resultsDir, 'server.log'))
  // detached: the server gets its own process group, so the teardown can end npm and node together.
  const child = spawn('npm', ['run', 'serve'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  return child
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
    await response.body?.cancel()
    return response.ok
  } catch {
    return false
  }
}

async function waitUntilAnswering(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`npm run serve exited with ${server.exitCode}; see ${path.join(resultsDir, 'server.log')}`)
    }
    if (await answers(url)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms; see ${path.join(resultsDir, 'server.log')}`)
}

/**
 * SIGTERM to the server's process group (npm and the node it started), SIGKILL after 10 s if any is left
 * (a graceful server drains its requests and closes the database first).
 */
async function stopServer(server: ChildProcess): Promise<void> {
  const pid = server.pid
  if (pid === undefined) return
  const groupAlive = () => {
    try {
      process.kill(-pid, 0)
      return true
    } catch {
      return false
    }
  }
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name)
    } catch {
      // The group is already gone.
    }
  }
  signal('SIGTERM')
  const deadline = Date.now() + 10_000
  while (groupAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
  if (groupAlive()) signal('SIGKILL')
}

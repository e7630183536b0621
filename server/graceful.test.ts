/**
 * SIGTERM drains the production server (issue 9): a request in flight when the signal arrives completes,
 * new connections are refused, the database is closed last and the process exits with status 0; a
 * request longer than the shutdown timeout is cut and the exit status is 1. Runs the real app and signal
 * handling in a child process (`server/fixtures/slow-server.ts`) on a port the system picks.
 */
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { get, startFixtureServer } from './fixtures/spawn'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

const startServer = async (env: Record<string, string>) => {
  const started = await startFixtureServer(env)
  children.push(started.child)
  return started
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('graceful shutdown', () => {
  it('finishes the request in flight, refuses new connections, closes the database and exits 0', async () => {
    const { child, port, output } = await startServer({ SLOW_MS: '1500' })
    expect((await get(port, '/fast')).body).toBe('ok')

    const inFlight = get(port, '/slow')
    await sleep(300) // the slow request is being handled
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await sleep(200)
    await expect(get(port, '/fast')).rejects.toMatchObject({ code: 'ECONNREFUSED' })

    const slow = await inFlight
    expect(slow).toMatchObject({ status: 200, body: 'slow done' })
    expect(slow.headers.connection).toBe('close')
    const [code] = await exited
    expect(code).toBe(0)
    expect(output()).toContain('db closed')
  }, 20_000)

  it('cuts a request that outlasts the shutdown timeout and exits 1', async () => {
    const { child, port, output } = await startServer({ SLOW_MS: '10000', SHUTDOWN_TIMEOUT_MS: '500' })
    const inFlight = get(port, '/slow').then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code,
    )
    await sleep(300)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const [code] = await exited
    expect(code).toBe(1)
    expect(await inFlight).toBe('ECONNRESET')
    expect(output()).not.toContain('db closed')
  }, 20_000)
})

/**
 * SIGTERM drains the production server (issue 9): a request in flight when the signal arrives completes,
 * new connections are refused, the database is closed last and the process exits with status 0; a
 * request longer than the shutdown timeout is cut and the exit status is 1. Runs the real app and signal
 * handling in a child process (`server/fixtures/slow-server.ts`) on a port the system picks.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/fixtures/slow-server.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  let out = ''
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /listening (\d+)/.exec(out)
      if (m) resolve(Number(m[1]))
    })
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${out}`)))
  })
  return { child, port, output: () => out }
}

/** GET over a fresh connection; resolves with status and body, or rejects with the socket error. */
function get(port: number, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
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

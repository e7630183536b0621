/**
 * `WEB_CONCURRENCY` > 1 (`server/cluster.ts`): workers share one port and answer in turn; SIGTERM to the
 * primary drains every worker (the request in flight completes, new connections are refused) and the
 * primary exits 0 once all have; a worker that dies is replaced. Runs `server/fixtures/slow-server.ts` in a
 * child process on a port the system picks.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { workersFromEnv } from './cluster'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

async function startCluster(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/fixtures/slow-server.ts'], {
    env: { ...process.env, WEB_CONCURRENCY: '2', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  let out = ''
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const ports = [...out.matchAll(/listening (\d+)/g)].map((m) => Number(m[1]))
      if (ports.length === 2) resolve(ports[0]!)
    })
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${out}`)))
  })
  return { child, port, output: () => out }
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

async function workerPids(port: number, requests = 12): Promise<Set<number>> {
  const pids = new Set<number>()
  for (let i = 0; i < requests; i++) pids.add(Number((await get(port, '/pid')).body))
  return pids
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('WEB_CONCURRENCY', () => {
  it('reads 1 when unset or empty and refuses anything but a whole number from 1 to 64', () => {
    expect(workersFromEnv(undefined)).toBe(1)
    expect(workersFromEnv('')).toBe(1)
    expect(workersFromEnv('4')).toBe(4)
    for (const bad of ['0', '-1', '1.5', 'two', '65']) expect(() => workersFromEnv(bad)).toThrow(/WEB_CONCURRENCY/)
  })
})

describe('cluster of two workers', () => {
  it('answers from both workers on one port; SIGTERM drains them all and the primary exits 0', async () => {
    const { child, port, output } = await startCluster({ SLOW_MS: '1500' })
    const pids = await workerPids(port)
    expect(pids.size).toBe(2)
    expect(pids.has(child.pid!)).toBe(false)

    const inFlight = get(port, '/slow')
    await sleep(300)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await sleep(300)
    await expect(get(port, '/pid')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(await inFlight).toEqual({ status: 200, body: 'slow done' })
    const [code] = await exited
    expect(code).toBe(0)
    expect(output().match(/db closed/g)).toHaveLength(2)
  }, 30_000)

  it('replaces a worker that dies', async () => {
    const { child, port, output } = await startCluster({})
    const before = await workerPids(port)
    expect(before.size).toBe(2)
    const [victim] = before
    process.kill(victim!, 'SIGKILL')
    await expect.poll(() => (output().match(/listening \d+/g) ?? []).length, { timeout: 15_000 }).toBe(3)
    const after = await workerPids(port)
    expect(after.size).toBe(2)
    expect(after.has(victim!)).toBe(false)
    expect(output()).toContain(`worker ${victim} exited (SIGKILL); starting another`)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    // The crash was logged and repaired; the shutdown itself went well.
    expect((await exited)[0]).toBe(0)
  }, 30_000)
})

/**
 * `WEB_CONCURRENCY` > 1 (`server/cluster.ts`): workers share one port and answer in turn; SIGTERM to the
 * primary drains every worker (the request in flight completes, new connections are refused) and the
 * primary exits 0 once all have; a worker that dies is replaced. Runs `server/fixtures/slow-server.ts` in a
 * child process on a port the system picks.
 */
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { get, startFixtureServer } from './fixtures/spawn'
import { workersFromEnv } from './cluster'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

const startCluster = async (env: Record<string, string>) => {
  const started = await startFixtureServer({ WEB_CONCURRENCY: '2', ...env }, 2)
  children.push(started.child)
  return started
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
    const { status, body } = await inFlight
    expect({ status, body }).toEqual({ status: 200, body: 'slow done' })
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

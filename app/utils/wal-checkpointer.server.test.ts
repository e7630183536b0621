/**
 * The checkpoint thread: copies a writer's WAL into the database file without the writer checkpointing,
 * stops cleanly, and reports a thread that dies.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startCheckpointer, type CheckpointResult } from './wal-checkpointer.server'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function walDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), 'fahm-wal-'))
  dirs.push(dir)
  const file = path.join(dir, 'db.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('wal_autocheckpoint = 0')
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
  return { file, db }
}

describe('startCheckpointer', () => {
  it('checkpoints what the writer committed, while the writer never checkpoints', async () => {
    const { file, db } = walDatabase()
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200))
    })()
    const sizeBefore = statSync(file).size
    const results: CheckpointResult[] = []
    const onExit = vi.fn()
    const checkpointer = startCheckpointer(file, { intervalMs: 20, onCheckpoint: (r) => results.push(r), onExit })
    await expect.poll(() => results.some((r) => r.log > 100 && r.checkpointed === r.log), { timeout: 10_000 }).toBe(true)
    // The rows are in the database file now (it grew by about the 400 KB written).
    expect(statSync(file).size).toBeGreaterThan(sizeBefore + 300_000)
    await checkpointer.stop()
    await checkpointer.stop() // idempotent
    expect(onExit).not.toHaveBeenCalled()
    expect((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(2000)
    db.close()
  })

  it('reports a thread that cannot run (a missing database file)', async () => {
    const onExit = vi.fn()
    startCheckpointer(path.join(tmpdir(), 'fahm-no-such-dir', 'x', 'db.sqlite'), { intervalMs: 20, onExit })
    await expect.poll(() => onExit.mock.calls.length, { timeout: 10_000 }).toBe(1)
    expect(String(onExit.mock.calls[0]![0])).toMatch(/directory|unable to open/i)
  })
})

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useWriteAheadLog } from './sqlite.server'

const tmpFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'fahm-sqlite-')), 'x.db')

describe('useWriteAheadLog', () => {
  it('switches a rollback-journal file to WAL, and keeps it there', () => {
    const file = tmpFile()
    new Database(file).exec('CREATE TABLE t (x)')
    expect(useWriteAheadLog(`file:${file}`)).toBe(true)
    const db = new Database(file)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    expect(useWriteAheadLog(`file:${file}`)).toBe(true)
  })

  it('leaves a file another connection is writing as it is, without throwing', () => {
    const file = tmpFile()
    const other = new Database(file)
    other.exec('CREATE TABLE t (x)')
    other.exec('BEGIN IMMEDIATE')
    other.exec('INSERT INTO t VALUES (1)')
    try {
      expect(useWriteAheadLog(`file:${file}`)).toBe(false)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
  })
})

/**
 * Vitest global setup: builds one migrated SQLite database per run (tests/.tmp/base.db) by applying every
 * prisma/migrations/<name>/migration.sql in order, as `prisma migrate deploy` would (without its
 * bookkeeping table, which the app never reads). tests/setup/db.ts copies it for each test file.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export const tmpDir = path.resolve('tests/.tmp')
export const baseDbPath = path.join(tmpDir, 'base.db')

export default function setup() {
  rmSync(tmpDir, { recursive: true, force: true })
  mkdirSync(tmpDir, { recursive: true })
  const migrationsDir = path.resolve('prisma/migrations')
  const migrations = readdirSync(migrationsDir)
    .filter((name) => statSync(path.join(migrationsDir, name)).isDirectory())
    .sort()
  const db = new Database(baseDbPath)
  try {
    for (const name of migrations) db.exec(readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'))
  } finally {
    db.close()
  }
  return () => rmSync(tmpDir, { recursive: true, force: true })
}

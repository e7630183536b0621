/**
 * Vitest global setup: builds one migrated SQLite database per run by applying every
 * prisma/migrations/<name>/migration.sql in order, as `prisma migrate deploy` would (without its
 * bookkeeping table, which the app never reads). tests/setup/db.ts copies it for each test file.
 *
 * Each run gets its own directory, tests/.tmp/run-<pid>-<random>/, named to the workers through
 * FAHM_TEST_RUN_DIR, so two runs in the same tree (two people, or a watch run and a full run) never
 * delete each other's databases; the teardown removes only its own directory.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export const tmpDir = path.resolve('tests/.tmp')

export default function setup() {
  const runDir = path.join(tmpDir, `run-${process.pid}-${randomBytes(4).toString('hex')}`)
  mkdirSync(runDir, { recursive: true })
  process.env.FAHM_TEST_RUN_DIR = runDir
  const migrationsDir = path.resolve('prisma/migrations')
  const migrations = readdirSync(migrationsDir)
    .filter((name) => statSync(path.join(migrationsDir, name)).isDirectory())
    .sort()
  const db = new Database(path.join(runDir, 'base.db'))
  try {
    for (const name of migrations) db.exec(readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'))
  } finally {
    db.close()
  }
  return () => rmSync(runDir, { recursive: true, force: true })
}

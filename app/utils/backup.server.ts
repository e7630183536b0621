/**
 * Online backup and restore of the SQLite database with the driver's backup API (better-sqlite3's
 * `Database#backup`, SQLite's Online Backup API: https://www.sqlite.org/backup.html) — a consistent copy
 * taken page by page while the app keeps serving, unlike a file copy, which can catch a write half-done
 * or miss the WAL file's pages.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/** Raised when a backup file is missing, is not a SQLite database, or fails its integrity check. */
export class BackupError extends Error {
  override name = 'BackupError'
}

/** The path of a `file:` URL (relative paths resolve from the working directory). */
export function fileOfUrl(url: string): string {
  return path.resolve(url.replace(/^file:/, ''))
}

/**
 * Writes a consistent copy of the live database to `destination` (created with its folder).
 * @param source path of the database file the app uses.
 * @param destination path of the backup file; an existing file is replaced.
 * @returns the number of pages copied.
 * @throws BackupError when the source does not exist.
 */
export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new BackupError(`${source}: no database to back up`)
  mkdirSync(path.dirname(path.resolve(destination)), { recursive: true })
  const db = new Database(source, { fileMustExist: true })
  try {
    const result = await db.backup(destination)
    return { pages: result.totalPages }
  } finally {
    db.close()
  }
}

/**
 * Checks that a file is a healthy SQLite database holding the app's tables.
 * @throws BackupError naming what is wrong.
 */
export function verifyBackup(file: string): void {
  if (!existsSync(file)) throw new BackupError(`${file}: no such backup`)
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const check = db.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new BackupError(`${file}: integrity check failed (${String(check)})`)
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name))
    for (const t of ['Article', 'Question', 'Learner', 'Attempt', 'Response']) {
      if (!tables.has(t)) throw new BackupError(`${file}: not a Fahm database (table ${t} is missing)`)
    }
  } catch (err) {
    if (err instanceof BackupError) throw err
    throw new BackupError(`${file}: not a SQLite database (${(err as Error).message})`)
  } finally {
    db?.close()
  }
}

/**
 * Replaces the database at `target` with the backup: the backup is verified, copied with the backup API
 * into a temporary file beside the target, and renamed over it (with its WAL and shared-memory files
 * removed), so a failure leaves the current database untouched. Stop the server first.
 * @throws BackupError when the backup fails verification.
 */
export async function restoreDatabase(backup: string, target: string): Promise<{ pages: number }> {
  verifyBackup(backup)
  const temp = `${target}.restoring`
  rmSync(temp, { force: true })
  const db = new Database(backup, { readonly: true, fileMustExist: true })
  let pages = 0
  try {
    pages = (await db.backup(temp)).totalPages
  } finally {
    db.close()
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
  renameSync(temp, target)
  return { pages }
}

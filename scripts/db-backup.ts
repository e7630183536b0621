/**
 * `npm run db:backup [-- <file>]` — a consistent online backup of the database (DATABASE_URL, default
 * file:./data/fahm.db) with SQLite's backup API; default destination `data/backups/fahm-<UTC time>.db`.
 */
import path from 'node:path'
import { BackupError, backupDatabase, fileOfUrl } from '../app/utils/backup.server'

const source = fileOfUrl(process.env.DATABASE_URL ?? 'file:./data/fahm.db')
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const destination = path.resolve(process.argv[2] ?? path.join('data', 'backups', `fahm-${stamp}.db`))
try {
  const { pages } = await backupDatabase(source, destination)
  process.stdout.write(`backed up ${source} to ${destination} (${pages} pages)\n`)
} catch (err) {
  if (err instanceof BackupError) {
    process.stderr.write(`db:backup: ${err.message}\n`)
    process.exit(1)
  }
  throw err
}

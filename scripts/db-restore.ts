/**
 * `npm run db:restore -- <backup file>` — replaces the database (DATABASE_URL, default
 * file:./data/fahm.db) with a verified backup. Stop the server first.
 */
import { BackupError, fileOfUrl, restoreDatabase } from '../app/utils/backup.server'

const backup = process.argv[2]
if (!backup) {
  process.stderr.write('usage: npm run db:restore -- <backup file>\n')
  process.exit(2)
}
const target = fileOfUrl(process.env.DATABASE_URL ?? 'file:./data/fahm.db')
try {
  const { pages } = await restoreDatabase(backup, target)
  process.stdout.write(`restored ${target} from ${backup} (${pages} pages)\n`)
} catch (err) {
  if (err instanceof BackupError) {
    process.stderr.write(`db:restore: ${err.message}\n`)
    process.exit(1)
  }
  throw err
}

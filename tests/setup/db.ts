/**
 * Per test file: a private copy of the migrated base database, and the environment the app reads,
 * set before any app module (app/db.server.ts, app/session.server.ts) is imported. The global setup's
 * teardown removes the copies with tests/.tmp.
 */
import { copyFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import path from 'node:path'

const tmpDir = path.resolve('tests/.tmp')
const file = path.join(tmpDir, `test-${randomUUID()}.db`)
copyFileSync(path.join(tmpDir, 'base.db'), file)

process.env.DATABASE_URL = `file:${file}`
process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789'

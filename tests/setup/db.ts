/**
 * Per test file: a private copy of the run's migrated base database (see global-setup.ts), and the
 * environment the app reads, set before any app module (app/db.server.ts, app/session.server.ts) is
 * imported. The global setup's teardown removes the copies with the run's directory.
 */
import { copyFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import path from 'node:path'

const runDir = process.env.FAHM_TEST_RUN_DIR
if (!runDir) throw new Error('FAHM_TEST_RUN_DIR is not set: run the tests through vitest (tests/setup/global-setup.ts)')
const file = path.join(runDir, `test-${randomUUID()}.db`)
copyFileSync(path.join(runDir, 'base.db'), file)

process.env.DATABASE_URL = `file:${file}`
process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789'
// Schedules must equal what ts-fsrs returns for the same card, rating and clock: no interval fuzz.
process.env.FSRS_FUZZ = 'off'

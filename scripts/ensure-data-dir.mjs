#!/usr/bin/env node
/**
 * Prepares `data/` for the app: creates the folder of the SQLite database (DATABASE_URL, default
 * `file:./data/fahm.db`; SQLite creates the file but not a missing parent folder) and, unless
 * SESSION_SECRET is set, the session secret `data/.session-secret` (48 random bytes, base64url, mode 600)
 * that `app/env.server.ts` reads. Idempotent: an existing secret is kept. Prints nothing on success.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const dataDir = path.resolve('data')
mkdirSync(dataDir, { recursive: true })

const url = process.env.DATABASE_URL ?? 'file:./data/fahm.db'
const file = url.replace(/^file:/, '')
if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })

const secretFile = path.join(dataDir, '.session-secret')
if (!process.env.SESSION_SECRET && !existsSync(secretFile)) {
  writeFileSync(secretFile, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 })
}

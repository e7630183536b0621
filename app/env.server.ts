/**
 * Server environment, validated once with zod at first use (boot of the server, start of the seed).
 *
 * | variable | default | notes |
 * | --- | --- | --- |
 * | NODE_ENV | development | `production` under `npm start` / `npm run serve` (server/index.ts) |
 * | DATABASE_URL | file:./data/fahm.db | SQLite file, relative to the working directory |
 * | SESSION_SECRET | — | ≥ 32 characters; see {@link resolveSessionSecret} for the fallback |
 * | FSRS_FUZZ | on | `off` turns off FSRS interval fuzz (tests compare schedules with ts-fsrs exactly) |
 * | COOKIE_SECURE | on in production | `off` for plain http on a trusted school network (see {@link cookieSecure}) |
 *
 * Nothing here is exposed to the browser; the app has no client-side environment yet.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/** The server's environment variables (see the table above). */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, 'DATABASE_URL must be a SQLite URL such as file:./data/fahm.db')
    .default('file:./data/fahm.db'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must hold at least 32 characters').optional(),
  FSRS_FUZZ: z.enum(['on', 'off']).default('on'),
  COOKIE_SECURE: z.enum(['on', 'off']).optional(),
})
export type Env = z.infer<typeof EnvSchema>

/** Raised when the environment does not satisfy {@link EnvSchema} or no session secret can be found. */
export class EnvError extends Error {
  override name = 'EnvError'
}

let cached: Env | undefined

/**
 * Parses `process.env` (once; later calls return the cached result).
 * @returns the validated environment with defaults filled in.
 * @throws EnvError listing every invalid variable.
 */
export function getEnv(): Env {
  if (cached) return cached
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new EnvError(`Invalid environment:\n  ${lines.join('\n  ')}`)
  }
  cached = parsed.data
  return cached
}

/**
 * Whether cookies carry the `Secure` attribute: `COOKIE_SECURE` when set, else on in production. Browsers
 * keep Secure cookies only over HTTPS (and on http://localhost), so a server reached by plain http at a
 * network address needs HTTPS in front of it or `COOKIE_SECURE=off` (a trusted network only: the session
 * cookie then crosses the network in the clear).
 */
export function cookieSecure(env: Env = getEnv()): boolean {
  return env.COOKIE_SECURE ? env.COOKIE_SECURE === 'on' : env.NODE_ENV === 'production'
}

/** Where the generated development secret is kept (gitignored with the rest of data/). */
export const sessionSecretFile = path.resolve('data', '.session-secret')

/**
 * The secret that signs the session cookie.
 *
 * `SESSION_SECRET` wins. Otherwise the secret kept in `data/.session-secret` is used: in development and
 * test it is created on first use (48 random bytes, base64url); in production it must already exist —
 * `npm run setup` creates it — so a production server never invents a secret on its own.
 * @param env the validated environment.
 * @param file the secret file (tests pass a temporary one).
 * @returns the secret, at least 32 characters.
 * @throws EnvError in production when neither the variable nor the file provides a secret.
 */
export function resolveSessionSecret(env: Env, file = sessionSecretFile): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim()
    if (secret.length >= 32) return secret
    throw new EnvError(`${file}: the session secret must hold at least 32 characters`)
  }
  if (env.NODE_ENV === 'production') {
    throw new EnvError('SESSION_SECRET is not set and data/.session-secret does not exist (run `npm run setup`)')
  }
  const secret = randomBytes(48).toString('base64url')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

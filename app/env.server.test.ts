import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EnvError, EnvSchema, cookieSecure, resolveSessionSecret } from './env.server'

const tmpFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'fahm-env-')), '.session-secret')

describe('EnvSchema', () => {
  it('fills in the defaults', () => {
    expect(EnvSchema.parse({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: 'file:./data/fahm.db',
      FSRS_FUZZ: 'on',
    })
  })

  it('rejects a short secret and a non-SQLite URL', () => {
    const result = EnvSchema.safeParse({ SESSION_SECRET: 'short', DATABASE_URL: 'postgres://x' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['DATABASE_URL', 'SESSION_SECRET'])
  })
})

describe('resolveSessionSecret', () => {
  it('prefers SESSION_SECRET', () => {
    const env = EnvSchema.parse({ SESSION_SECRET: 'x'.repeat(40) })
    expect(resolveSessionSecret(env, tmpFile())).toBe('x'.repeat(40))
  })

  it('creates and then reuses the development secret file', () => {
    const file = tmpFile()
    const env = EnvSchema.parse({ NODE_ENV: 'development' })
    const secret = resolveSessionSecret(env, file)
    expect(secret.length).toBeGreaterThanOrEqual(32)
    expect(readFileSync(file, 'utf8').trim()).toBe(secret)
    expect(resolveSessionSecret(env, file)).toBe(secret)
  })

  it('never invents a secret in production', () => {
    const env = EnvSchema.parse({ NODE_ENV: 'production' })
    const file = tmpFile()
    expect(() => resolveSessionSecret(env, file)).toThrow(EnvError)
    writeFileSync(file, 'y'.repeat(64))
    expect(resolveSessionSecret(env, file)).toBe('y'.repeat(64))
  })
})

describe('cookieSecure', () => {
  it('is on in production and off in development unless COOKIE_SECURE says otherwise', () => {
    expect(cookieSecure(EnvSchema.parse({ NODE_ENV: 'production' }))).toBe(true)
    expect(cookieSecure(EnvSchema.parse({ NODE_ENV: 'development' }))).toBe(false)
    expect(cookieSecure(EnvSchema.parse({ NODE_ENV: 'production', COOKIE_SECURE: 'off' }))).toBe(false)
    expect(cookieSecure(EnvSchema.parse({ NODE_ENV: 'development', COOKIE_SECURE: 'on' }))).toBe(true)
    expect(() => EnvSchema.parse({ COOKIE_SECURE: 'yes' })).toThrow()
  })
})

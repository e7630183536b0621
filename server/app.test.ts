/**
 * The production server's layers in front of Remix (server/app.ts), over real HTTP on a port the system
 * picks: request ids and log lines, the central cross-site refusal, the body limit (declared and
 * streamed), and a 500 without internals.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { request } from 'node:http'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp, listPublicFiles, type RequestLocals } from './app'

const lines: string[] = []
const logError = vi.fn()
let server: Server
let base: string

beforeAll(async () => {
  const app = createApp({
    bodyLimitBytes: 1000,
    log: (line) => lines.push(line),
    logError,
    handler: (req, res) => {
      if (req.path === '/boom') throw new Error('SELECT secret FROM "Teacher" failed')
      const body = (res.locals as RequestLocals).body
      res.json({ method: req.method, requestId: req.get('X-Request-Id'), bodyBytes: body?.length ?? null })
    },
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('request ids and logs', () => {
  it('gives each request its own id, in the answer, in the request Remix sees and in one log line', async () => {
    const a = await fetch(`${base}/x`, { headers: { 'X-Request-Id': 'spoofed' } })
    const b = await fetch(`${base}/x`)
    const idA = a.headers.get('X-Request-Id')!
    expect(idA).toMatch(/^[0-9a-f-]{36}$/)
    expect(b.headers.get('X-Request-Id')).not.toBe(idA)
    expect(((await a.json()) as { requestId: string }).requestId).toBe(idA)
    await b.text()
    expect(lines.filter((l) => l.includes(idA))).toHaveLength(1)
    expect(lines.find((l) => l.includes(idA))).toMatch(/ GET \/x 200 /)
  })
})

describe('cross-site state-changing requests', () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${base}/join`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: 'a=1' })

  it.each([
    [{ Origin: 'https://evil.example' }],
    [{ Origin: 'null' }],
    [{ 'Sec-Fetch-Site': 'cross-site' }],
    [{ 'Sec-Fetch-Site': 'same-site', Origin: 'https://sub.example' }],
  ])('refuses %o with a bilingual 403 before the app runs', async (headers) => {
    const res = await post(headers)
    expect(res.status).toBe(403)
    const html = await res.text()
    expect(html).toContain('رُفض الطلب لأنه جاء من موقع آخر.')
    expect(html).toContain('The request was refused because it came from another site.')
    expect(html).toContain(res.headers.get('X-Request-Id'))
  })

  it('lets same-origin posts, posts without browser headers and cross-site GETs through', async () => {
    const host = new URL(base).host
    expect((await post({ Origin: base, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
    expect((await post({})).status).toBe(200)
    expect((await fetch(`${base}/x`, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(200)
    const proxied = await post({ Origin: 'https://school.example', 'X-Forwarded-Host': 'school.example', Host: host })
    expect(proxied.status).toBe(200)
  })
})

describe('body limit', () => {
  it('passes a body within the limit to the handler, byte for byte', async () => {
    const res = await fetch(`${base}/form`, { method: 'POST', body: 'x'.repeat(1000) })
    expect(await res.json()).toMatchObject({ method: 'POST', bodyBytes: 1000 })
  })

  it('refuses a declared Content-Length over the limit with 413', async () => {
    const res = await fetch(`${base}/form`, { method: 'POST', body: 'x'.repeat(1001) })
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('The request body is larger than allowed.')
  })

  it('counts a chunked body without Content-Length and refuses it once it passes the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(base)
      const req = request({ host: '127.0.0.1', port, path: '/form', method: 'POST', agent: false }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      expect(req.getHeader('Content-Length')).toBeUndefined()
      for (let i = 0; i < 5; i++) req.write('y'.repeat(300)) // 1500 bytes, chunked
      req.end()
    })
    expect(status).toBe(413)
  })
})

describe('route discovery', () => {
  it('refuses a /__manifest URL longer than Remix\'s client ever sends, and passes a normal one', async () => {
    const paths = (n: number) => Array.from({ length: n }, (_, i) => `p=${encodeURIComponent(`/articles/a${i}/quiz`)}`).join('&')
    const normal = await fetch(`${base}/__manifest?${paths(20)}&version=abc`)
    expect(normal.status).toBe(200)
    const long = await fetch(`${base}/__manifest?${paths(400)}&version=abc`)
    expect(long.status).toBe(414)
    expect(await long.text()).toContain('The request URL is longer than allowed.')
  })
})

describe('errors', () => {
  it('answers 500 with a bilingual message and the request id, never the error text', async () => {
    const res = await fetch(`${base}/boom`)
    expect(res.status).toBe(500)
    const html = await res.text()
    expect(html).toContain('Something went wrong.')
    expect(html).not.toContain('SELECT')
    expect(html).toContain(res.headers.get('X-Request-Id'))
    expect(logError).toHaveBeenCalledOnce()
    expect(logError.mock.calls[0]![0]).toContain(res.headers.get('X-Request-Id'))
  })
})

describe('static files', () => {
  it('serves the client build: hashed assets for a year, listed public files for an hour, everything else to Remix', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fahm-client-'))
    mkdirSync(path.join(dir, 'assets'))
    mkdirSync(path.join(dir, 'fonts'))
    writeFileSync(path.join(dir, 'assets', 'entry-abc123.js'), 'console.log(1)')
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>')
    writeFileSync(path.join(dir, 'fonts', 'naskh.woff2'), 'font')
    expect([...listPublicFiles(dir)].sort()).toEqual(['/favicon.svg', '/fonts/naskh.woff2'])
    const seen: string[] = []
    const app = createApp({ clientDir: dir, log: () => {}, handler: (req, res) => {
      seen.push(req.path)
      res.send('remix')
    } })
    const staticServer = app.listen(0, '127.0.0.1')
    await new Promise((r) => staticServer.once('listening', r))
    const at = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}`
    try {
      const asset = await fetch(`${at}/assets/entry-abc123.js`)
      expect(await asset.text()).toBe('console.log(1)')
      expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
      const icon = await fetch(`${at}/favicon.svg`)
      expect(await icon.text()).toBe('<svg/>')
      expect(icon.headers.get('Cache-Control')).toBe('public, max-age=3600')
      expect(await (await fetch(`${at}/fonts/naskh.woff2`)).text()).toBe('font')
      expect(await (await fetch(`${at}/fonts/`)).text()).toBe('remix')
      expect(await (await fetch(`${at}/articles/x/quiz`)).text()).toBe('remix')
      expect(seen).toEqual(['/fonts/', '/articles/x/quiz'])
    } finally {
      await new Promise<void>((r) => staticServer.close(() => r()))
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

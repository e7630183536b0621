/**
 * The production server's layers in front of Remix (server/app.ts), over real HTTP on a port the system
 * picks: request ids and log lines, the central cross-site refusal, the body limit (declared and
 * streamed), and a 500 without internals.
 */
import type { AddressInfo } from 'node:net'
import { request } from 'node:http'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp, type RequestLocals } from './app'

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

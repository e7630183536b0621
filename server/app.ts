/**
 * The production HTTP server's Express app (issue 9): what `remix-serve` did (static files, compression,
 * the Remix request handler) plus what a school-wide deployment needs in front of Remix:
 *
 * - a request id per request (`crypto.randomUUID`), sent back as `X-Request-Id`, passed to Remix in the
 *   same request header (overwriting any the client sent, so logs cannot be spoofed), and one log line per
 *   request with method, path, status, bytes and milliseconds;
 * - a central cross-site check: every state-changing request (not GET/HEAD/OPTIONS) from another site is
 *   refused with 403 before Remix runs (`app/utils/same-origin.ts`), in addition to SameSite=Lax cookies;
 * - `/__manifest` (Remix's route discovery) URLs longer than {@link MANIFEST_URL_LIMIT} refused with 414;
 * - a request body limit (default 1 MiB): a larger `Content-Length` is refused at once with 413, and a
 *   body without one (chunked) is counted while it streams and refused when it passes the limit;
 * - long caching for Vite's content-hashed files under `/assets/`, one hour for the other public files
 *   (listed at start-up, so page URLs cost no file-system look-up);
 * - a last error handler that logs the error with the request id and answers a bilingual 500 without any
 *   stack trace or SQL.
 *
 * The shape follows Remix's Express template (`@remix-run/express`); graceful shutdown is in
 * `server/graceful.ts`, the entry point in `server/index.ts`.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import compression from 'compression'
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import { createRequestHandler as createRemixRequestHandler, writeReadableStreamToWritable, type ServerBuild } from '@remix-run/node'
import { CROSS_SITE_MESSAGE, SAFE_METHODS, isCrossSiteRequest } from '../app/utils/same-origin'

/** Largest request body accepted, in bytes (1 MiB): a pasted article is far smaller. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024

/** Options of {@link createApp}. */
export interface AppOptions {
  /**
   * Handles what the middlewares let through: the Remix handler from {@link createRemixHandler} in
   * production; tests pass their own.
   */
  handler: (req: Request, res: Response, next: NextFunction) => void | Promise<void>
  /** Directory of the client build (`build/client`); omitted → no static files. */
  clientDir?: string
  /** Body limit in bytes (default {@link DEFAULT_BODY_LIMIT_BYTES}). */
  bodyLimitBytes?: number
  /** Where log lines go (default `console.log`; errors through `console.error`). */
  log?: (line: string) => void
  logError?: (line: string, error: unknown) => void
  /** True once shutdown has begun: responses then carry `Connection: close`. */
  isDraining?: () => boolean
}

/** Per-request values kept in `res.locals`. */
export interface RequestLocals {
  requestId: string
  /** The buffered request body (state-changing requests only), at most the body limit. */
  body?: Buffer
}

/** A small bilingual HTML page for answers the server gives itself (403, 413, 500). */
export function bilingualPage(status: number, message: { ar: string; en: string }, requestId: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${status}</title></head><body>
<h1>${status}</h1><p>${escape(message.ar)}</p><p lang="en" dir="ltr">${escape(message.en)}</p>
<p><a href="/">العودة إلى الصفحة الرئيسية</a> · <span lang="en" dir="ltr">Request id: <code>${escape(requestId)}</code></span></p>
</body></html>\n`
}

/** Headers on the server's own answers (Remix's responses get theirs in `app/entry.server.tsx`). */
const OWN_ANSWER_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'no-store',
}

function answer(res: Response, status: number, message: { ar: string; en: string }): void {
  const requestId = (res.locals as RequestLocals).requestId
  res.status(status).set(OWN_ANSWER_HEADERS).send(bilingualPage(status, message, requestId))
}

export const BODY_TOO_LARGE_MESSAGE = {
  ar: 'الطلب أكبر من الحدّ المسموح به.',
  en: 'The request body is larger than allowed.',
} as const

/** Longest `/__manifest` URL accepted, in characters (Remix's client stays under 7680). */
export const MANIFEST_URL_LIMIT = 8192

export const URL_TOO_LONG_MESSAGE = {
  ar: 'عنوان الطلب أطول من المسموح به.',
  en: 'The request URL is longer than allowed.',
} as const

export const SERVER_ERROR_MESSAGE = {
  ar: 'حدث خطأ غير متوقع. حاول مرة أخرى بعد قليل.',
  en: 'Something went wrong. Please try again later.',
} as const

/**
 * Reads a request body into memory, counting bytes as they arrive.
 * @returns the body, or null when it passed `limit` bytes (the rest is not read).
 */
function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.pause()
        resolve(null)
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks, size)))
    req.once('error', reject)
  })
}

/**
 * The URL paths (`/favicon.svg`) of the files in the client build outside `assets/`, which
 * `express.static` serves under their own name.
 * @param clientDir the client build directory; missing → no files.
 */
export function listPublicFiles(clientDir: string): Set<string> {
  if (!existsSync(clientDir)) return new Set()
  const files = readdirSync(clientDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(clientDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !relative.startsWith('assets/'))
  return new Set(files.map((relative) => `/${relative}`))
}

/**
 * Builds the Express app (see the module header for what each layer does).
 * @returns the app; listen with `server/index.ts` or `app.listen(port)` in tests.
 */
export function createApp(options: AppOptions): express.Express {
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES
  const log = options.log ?? ((line: string) => console.log(line))
  const logError = options.logError ?? ((line: string, error: unknown) => console.error(line, error))
  const app = express()
  app.disable('x-powered-by')

  // Request id and one log line per request (written when the response ends or the client goes away).
  app.use((req, res, next) => {
    const requestId = randomUUID()
    ;(res.locals as RequestLocals).requestId = requestId
    req.headers['x-request-id'] = requestId
    res.setHeader('X-Request-Id', requestId)
    if (options.isDraining?.()) res.setHeader('Connection', 'close')
    const start = process.hrtime.bigint()
    let logged = false
    const line = (outcome: string) => {
      if (logged) return
      logged = true
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      const bytes = res.getHeader('Content-Length') ?? '-'
      log(`${new Date().toISOString()} ${requestId} ${req.method} ${req.originalUrl} ${outcome} ${bytes} ${ms.toFixed(1)}ms`)
    }
    res.once('finish', () => line(String(res.statusCode)))
    res.once('close', () => line(res.writableFinished ? String(res.statusCode) : 'aborted'))
    next()
  })

  app.use(compression())

  if (options.clientDir) {
    // Vite names these files by content hash: they never change under their name.
    app.use('/assets', express.static(path.join(options.clientDir, 'assets'), { immutable: true, maxAge: '1y' }))
    // The other public files (favicon, …) are listed once: a page URL then costs no file-system look-up
    // (express.static would `stat` the disk for every page and form post; about 8 % of a quiz page's
    // server time in a CPU profile, BENCHMARKS.md).
    const publicFiles = listPublicFiles(options.clientDir)
    const servePublic = express.static(options.clientDir, { maxAge: '1h', index: false, redirect: false })
    app.use((req, res, next) => (SAFE_METHODS.has(req.method) && publicFiles.has(req.path) ? servePublic(req, res, next) : next()))
  }

  // Remix's route-discovery endpoint matches every `p` path of its query against the route table; its own
  // client never sends a URL over 7680 characters (`URL_LIMIT` in @remix-run/react's fog-of-war.js), so a
  // longer one is refused before any matching (advisory GHSA-chx6-hx7r-mcp5, docs/security.md).
  app.use('/__manifest', (req, res, next) => {
    if (req.originalUrl.length > MANIFEST_URL_LIMIT) return answer(res, 414, URL_TOO_LONG_MESSAGE)
    next()
  })

  // Central cross-site check and body limit for every state-changing request.
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const headers = { get: (name: string) => req.get(name) ?? null }
    if (isCrossSiteRequest(headers)) return answer(res, 403, CROSS_SITE_MESSAGE)
    const declared = Number(req.get('Content-Length') ?? NaN)
    if (Number.isFinite(declared) && declared > limit) {
      // Do not read the body; close the connection so the client stops sending it.
      res.setHeader('Connection', 'close')
      return answer(res, 413, BODY_TOO_LARGE_MESSAGE)
    }
    readLimitedBody(req, limit).then(
      (body) => {
        if (body === null) {
          res.setHeader('Connection', 'close')
          return answer(res, 413, BODY_TOO_LARGE_MESSAGE)
        }
        ;(res.locals as RequestLocals).body = body
        next()
      },
      (error: unknown) => next(error),
    )
  })

  app.all('*', (req, res, next) => {
    Promise.resolve(options.handler(req, res, next)).catch(next)
  })

  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const requestId = (res.locals as RequestLocals).requestId
    logError(`${new Date().toISOString()} ${requestId} unhandled error`, error)
    if (res.headersSent) {
      res.destroy()
      return
    }
    answer(res, 500, SERVER_ERROR_MESSAGE)
  }
  app.use(onError)
  return app
}

/**
 * The Remix request handler for {@link createApp}: as `@remix-run/express`'s (whose request and response helpers it
 * follows; they are not exported), but the body of a
 * state-changing request is the buffer the body-limit layer already read (`res.locals.body`).
 * @param build the server build (`build/server/index.js`).
 * @param mode `production` or `development` (Remix hides error details in production).
 */
export function createRemixHandler(build: ServerBuild, mode = process.env.NODE_ENV): RequestHandler {
  const handleRequest = createRemixRequestHandler(build, mode)
  return async (req, res, next) => {
    try {
      const response = await handleRequest(toFetchRequest(req, res))
      res.statusMessage = response.statusText
      res.status(response.status)
      for (const [name, value] of response.headers.entries()) res.append(name, value)
      if (response.body) await writeReadableStreamToWritable(response.body, res)
      else res.end()
    } catch (error) {
      next(error)
    }
  }
}

/** The Fetch Request Remix sees, built as `@remix-run/express` builds it (host and port, abort on close). */
function toFetchRequest(req: Request, res: Response): globalThis.Request {
  const [, forwardedPort] = req.get('X-Forwarded-Host')?.split(':') ?? []
  const [, hostPort] = req.get('host')?.split(':') ?? []
  const port = [forwardedPort, hostPort].map((p) => Number.parseInt(p ?? '', 10)).find(Number.isSafeInteger)
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  let controller: AbortController | null = new AbortController()
  const signal = controller.signal
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())
  const headers = new Headers()
  for (const [name, values] of Object.entries(req.headers)) {
    if (values === undefined) continue
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value)
  }
  const init: RequestInit = { method: req.method, headers, signal }
  const body = (res.locals as RequestLocals).body
  if (!SAFE_METHODS.has(req.method) && body) init.body = new Uint8Array(body) // a copy typed as Fetch expects (≤ the body limit)
  return new globalThis.Request(url.href, init)
}

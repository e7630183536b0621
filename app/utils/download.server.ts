/**
 * File downloads from resource routes: a `Content-Disposition: attachment` header with an ASCII `filename`
 * for old clients and a UTF-8 `filename*` (RFC 6266 §4.3 with RFC 8187's `UTF-8''` encoding) that browsers
 * prefer, so an Arabic title survives as the saved file's name.
 */
import { NotFoundError, type BilingualMessage } from '~/models/errors'
import { applySecurityHeaders } from './security-headers.server'

/**
 * An ASCII file name: letters, digits, `.`, `_` and `-` kept, every other run of characters one `-`.
 * @example asciiFileName('fahm xi/moscow.gift') // 'fahm-xi-moscow.gift'
 */
export function asciiFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '')
  return cleaned || 'download'
}

/** RFC 8187 `value-chars`: percent-encoded UTF-8 bytes except its `attr-char`s. */
function encodeExtValue(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * The `Content-Disposition` value of an attachment.
 * @param names.ascii the fallback name (made ASCII-safe here as well).
 * @param names.utf8 the full name, any Unicode (line breaks and path separators become spaces or `-`).
 * @example contentDisposition({ ascii: 'quiz.gift', utf8: 'أسئلة.gift' })
 * // `attachment; filename="quiz.gift"; filename*=UTF-8''%D8%A3%D8%B3%D8%A6%D9%84%D8%A9.gift`
 */
export function contentDisposition(names: { ascii: string; utf8: string }): string {
  const utf8 = names.utf8.replace(/[\r\n\t]+/g, ' ').replace(/[/\\]/g, '-').trim()
  return `attachment; filename="${asciiFileName(names.ascii)}"; filename*=UTF-8''${encodeExtValue(utf8)}`
}

/** A file to send: its text, MIME type and names. */
export interface DownloadFile {
  body: string
  /** e.g. `text/plain; charset=utf-8`. */
  contentType: string
  /** ASCII fallback name. */
  asciiName: string
  /** Full UTF-8 name. */
  utf8Name: string
}

/**
 * A 200 response that the browser saves as a file: the text as UTF-8, `Content-Disposition: attachment`,
 * `Cache-Control: private, no-store` (a teacher's material, never cached by a shared cache) and the app's
 * security headers (resource routes do not pass through entry.server's `handleRequest`).
 */
export function downloadResponse(file: DownloadFile): Response {
  const headers = new Headers({
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition({ ascii: file.asciiName, utf8: file.utf8Name }),
    'Cache-Control': 'private, no-store',
  })
  applySecurityHeaders(headers)
  return new Response(file.body, { status: 200, headers })
}

/**
 * A plain-text 404 for a resource route. Resource routes have no error boundary: a thrown `data()` would be
 * logged by Remix as a server error and its message replaced in production, so they return this instead.
 */
export function fileNotFound(message: BilingualMessage = { ar: 'الصفحة المطلوبة غير موجودة.', en: 'Page not found.' }): Response {
  const headers = applySecurityHeaders(new Headers({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' }))
  return new Response(`${message.ar}\n${message.en}\n`, { status: 404, headers })
}

/**
 * Makes a file and answers it as a download ({@link downloadResponse}), or a {@link fileNotFound} when the
 * record is missing or not the asker's.
 * @throws any error other than NotFoundError (a 500).
 */
export async function downloadOrNotFound(make: () => Promise<DownloadFile>): Promise<Response> {
  try {
    return downloadResponse(await make())
  } catch (error) {
    if (error instanceof NotFoundError) return fileNotFound(error.userMessage)
    throw error
  }
}

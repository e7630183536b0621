/**
 * Server entry: Remix's default Node entry (streaming, bots wait for the whole document), plus
 * {@link createNulPaddingStripper} because React 18's streaming renderer pads split multi-byte characters
 * with zero bytes — every Arabic page was affected. Timeouts follow the Single Fetch guide.
 *
 * Each document gets a fresh Content-Security-Policy nonce (16 random bytes, base64) for Remix's inline
 * scripts (`security-headers.server.ts`). Errors are logged with the request id the production server
 * puts in `X-Request-Id` (`server/app.ts`); the server closes the database through {@link closeDatabase}
 * when it shuts down.
 */
import { randomBytes } from 'node:crypto'
import { PassThrough } from 'node:stream'
import type { ActionFunctionArgs, EntryContext, LoaderFunctionArgs } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from '~/components/nonce'
import { disconnectDatabase } from '~/db.server'
import { applySecurityHeaders, contentSecurityPolicy } from '~/utils/security-headers.server'
import { createNulPaddingStripper } from '~/utils/strip-nul-padding.server'

/** Milliseconds pending promises may stream before Remix rejects them (Single Fetch `streamTimeout`). */
export const streamTimeout = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Bots and SPA mode get the complete document; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  const readyEvent = waitForAll ? 'onAllReady' : 'onShellReady'

  const nonce = randomBytes(16).toString('base64')
  // The relaxed policy only for the Vite dev server (NODE_ENV unset or development); tests get the real one.
  const development = process.env.NODE_ENV !== 'production' && process.env.NODE_ENV !== 'test'

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const app = (
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>
    )
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [readyEvent]() {
        shellRendered = true
        const body = new PassThrough()
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
        applySecurityHeaders(responseHeaders, contentSecurityPolicy(nonce, { development }))
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        )
        pipe(createNulPaddingStripper()).pipe(body)
      },
      onShellError(error: unknown) {
        reject(error)
      },
      onError(error: unknown) {
        responseStatusCode = 500
        // Errors before the shell is ready reject above and are logged by Remix; later ones only here.
        if (shellRendered) logServerError(error, request)
      },
    })
    // Abort React's rendering a second after Remix rejects pending promises.
    setTimeout(abort, streamTimeout + 1_000)
  })
}

/**
 * Single Fetch data responses (loader and action data requested by the client) get the same security
 * headers as documents.
 */
export function handleDataRequest(response: Response): Response {
  applySecurityHeaders(response.headers)
  return response
}

/**
 * Remix calls this for errors thrown by loaders, actions and rendering (not for thrown responses): one
 * log entry with the request id, the method and the path. The client sees only a generic message in
 * production (Remix strips error details); requests the client aborted are not logged.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs): void {
  if (request.signal.aborted) return
  logServerError(error, request)
}

function logServerError(error: unknown, request: Request): void {
  const requestId = request.headers.get('X-Request-Id') ?? '-'
  console.error(`${new Date().toISOString()} ${requestId} ${request.method} ${new URL(request.url).pathname} server error:`, error)
}

/** Closes the database connection; `server/index.ts` calls it after the last request has finished. */
export async function closeDatabase(): Promise<void> {
  await disconnectDatabase()
}

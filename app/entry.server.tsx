/**
 * Server entry: Remix's default Node entry (streaming, bots wait for the whole document), plus
 * {@link createNulPaddingStripper} because React 18's streaming renderer pads split multi-byte characters
 * with zero bytes — every Arabic page was affected. Timeouts follow the Single Fetch guide.
 */
import { PassThrough } from 'node:stream'
import type { EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { applySecurityHeaders } from '~/utils/security-headers.server'
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

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [readyEvent]() {
        shellRendered = true
        const body = new PassThrough()
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
        applySecurityHeaders(responseHeaders)
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
        if (shellRendered) console.error(error)
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

/**
 * Cross-site request checks for state-changing posts that do not carry a form token (sign-out, log-out).
 *
 * The session cookie is SameSite=Lax, so a cross-site POST arrives without it; but the response could still
 * set a cookie (a forced sign-out). Browsers send `Sec-Fetch-Site` and `Origin` with every POST: refuse a
 * post whose `Sec-Fetch-Site` is `cross-site`, or whose `Origin` names another host than the request's
 * `Host` (or `X-Forwarded-Host`). Requests without either header (curl, old browsers) are let through — they cannot be forged
 * cross-site by a page.
 */
import { data } from '@remix-run/node'
import type { ErrorPayload } from './http.server'

/**
 * @throws a 403 `data()` response when the request comes from another site.
 */
export function requireSameOrigin(request: Request): void {
  const site = request.headers.get('Sec-Fetch-Site')
  const origin = request.headers.get('Origin')
  // Behind a reverse proxy that rewrites Host, the public host arrives as X-Forwarded-Host.
  const hosts = [request.headers.get('Host') ?? new URL(request.url).host, request.headers.get('X-Forwarded-Host')]
  let foreign = site === 'cross-site'
  if (!foreign && origin && origin !== 'null') {
    try {
      foreign = !hosts.includes(new URL(origin).host)
    } catch {
      foreign = true
    }
  } else if (origin === 'null') foreign = true
  if (foreign) {
    throw data<ErrorPayload>(
      {
        message: {
          ar: 'رُفض الطلب لأنه جاء من موقع آخر.',
          en: 'The request was refused because it came from another site.',
        },
      },
      { status: 403 },
    )
  }
}

/**
 * A path to go back to after a post: only a local path (`/…`, not `//…`), else the fallback.
 * @example safeRedirectPath('/articles/x/quiz', '/') // '/articles/x/quiz'
 */
export function safeRedirectPath(value: FormDataEntryValue | null, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback
  }
  return value
}

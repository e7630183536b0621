/**
 * Cross-site request checks inside routes. The production server refuses every cross-site state-changing
 * request before Remix sees it (`server/app.ts`); routes whose posts carry no form token (sign-out,
 * log-out) also call {@link requireSameOrigin}, so the check holds under `npm run dev` and in tests that
 * call actions directly. The test itself is `isCrossSiteRequest` in `same-origin.ts`.
 */
import { data } from '@remix-run/node'
import type { ErrorPayload } from './http.server'
import { CROSS_SITE_MESSAGE, isCrossSiteRequest } from './same-origin'

/**
 * @throws a 403 `data()` response when the request comes from another site.
 */
export function requireSameOrigin(request: Request): void {
  if (isCrossSiteRequest(request.headers, new URL(request.url).host)) {
    throw data<ErrorPayload>({ message: { ...CROSS_SITE_MESSAGE } }, { status: 403 })
  }
}

/** The origin local paths are resolved against in {@link safeRedirectPath} (never contacted). */
const LOCAL_ORIGIN = 'http://fahm.invalid'

/**
 * A path to go back to after a post: only a path on this site, else the fallback. The value is resolved
 * as a browser resolves a `Location` header (WHATWG URL: tabs and newlines removed, `\` read as `/` in
 * http URLs), so `//evil.example`, `/\evil.example` and `/<TAB>/evil.example` — which browsers send to
 * another site — are refused rather than matched by prefix (OWASP "Unvalidated Redirects and Forwards").
 * @returns the normalised path with its query and fragment, or `fallback`.
 * @example safeRedirectPath('/articles/x/quiz', '/') // '/articles/x/quiz'
 * @example safeRedirectPath('/\t/evil.example', '/') // '/'
 */
export function safeRedirectPath(value: FormDataEntryValue | null, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback
  let resolved: URL
  try {
    resolved = new URL(value, LOCAL_ORIGIN)
  } catch {
    return fallback
  }
  if (resolved.origin !== LOCAL_ORIGIN) return fallback
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}

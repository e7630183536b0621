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

/**
 * The cross-site test shared by the production server's central check (`server/app.ts`, every
 * state-changing request) and {@link requireSameOrigin} in routes (which also runs under `npm run dev`).
 * Pure: no Remix, no Node APIs, so the server imports it as it is.
 *
 * Browsers send `Sec-Fetch-Site` (Fetch Metadata) and `Origin` with every POST. A request is cross-site when
 * `Sec-Fetch-Site` says `cross-site` or `same-site` (a sibling subdomain is another site for our cookies'
 * purposes), or when `Origin` is `null` or names a host other than the request's own (`Host`, or
 * `X-Forwarded-Host` behind a proxy). A request with neither header (curl, a server-side client) cannot
 * have been forged by a page in a browser and passes. Following OWASP's CSRF cheat sheet ("Verifying
 * Origin with standard headers" and "Fetch Metadata headers").
 */

/** Request headers the check reads (names are case-insensitive, as in Fetch's Headers). */
export interface OriginHeaders {
  get(name: string): string | null
}

/**
 * True when the request comes from another site (see the module header).
 * @param headers the request's headers.
 * @param fallbackHost the host to compare with when the request has no `Host` header (e.g. from its URL).
 */
export function isCrossSiteRequest(headers: OriginHeaders, fallbackHost?: string): boolean {
  const site = headers.get('Sec-Fetch-Site')
  if (site === 'cross-site' || site === 'same-site') return true
  const origin = headers.get('Origin')
  if (origin === null) return false
  if (origin === 'null') return true
  const hosts = [headers.get('Host') ?? fallbackHost, headers.get('X-Forwarded-Host')].filter(Boolean)
  try {
    return !hosts.includes(new URL(origin).host)
  } catch {
    return true
  }
}

/** Methods that change nothing (RFC 9110 §9.2.1 "safe methods"); every other method is checked. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The refusal shown for a cross-site request, in Arabic and English. */
export const CROSS_SITE_MESSAGE = {
  ar: 'رُفض الطلب لأنه جاء من موقع آخر.',
  en: 'The request was refused because it came from another site.',
} as const

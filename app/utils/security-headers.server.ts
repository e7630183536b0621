/**
 * Security headers set on every document and data response (issue 9), following OWASP's HTTP headers
 * cheat sheet: a Content-Security-Policy, no MIME sniffing, no framing by other sites
 * (`frame-ancestors 'none'` and the older `X-Frame-Options`), referrers cut to the origin across sites,
 * and no access to camera, microphone or location.
 *
 * The policy of a document ({@link contentSecurityPolicy}) allows only our own scripts: files from our
 * origin (Vite's bundles under `/assets/`) and inline scripts carrying the response's nonce — Remix's
 * hydration and Single Fetch scripts get it through `<Scripts nonce>`, `<ScrollRestoration nonce>` and
 * `<RemixServer nonce>` (Remix docs, "Content Security Policy"; the nonce comes from
 * `app/entry.server.tsx`). Styles and fonts come from our origin only (the font is self-hosted). In
 * development Vite's client needs inline scripts and styles, `eval` for React Refresh and a WebSocket
 * for hot reloading, so the development policy relaxes exactly those.
 */

/** Headers other than the Content-Security-Policy, the same on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
}

/** The policy for responses that are not documents (Single Fetch data): nothing may load from them. */
export const DATA_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"

/**
 * The Content-Security-Policy of an HTML document.
 * @param nonce the response's nonce (base64, at least 128 random bits), or null for the development policy.
 * @param options.development true under `remix vite:dev` (see the module header).
 * @returns the header value.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  const dev = options.development === true
  const directives = [
    "default-src 'self'",
    // A nonce makes browsers ignore 'unsafe-inline' (CSP 3), so development sends no nonce in the policy.
    dev ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'" : `script-src 'self' 'nonce-${nonce}'`,
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]
  return directives.join('; ')
}

/**
 * Sets {@link SECURITY_HEADERS} and a Content-Security-Policy on a response's headers (an existing value is
 * kept, so a route can set its own).
 * @param csp the policy; default {@link DATA_CONTENT_SECURITY_POLICY}.
 * @returns the same Headers object.
 */
export function applySecurityHeaders(headers: Headers, csp: string = DATA_CONTENT_SECURITY_POLICY): Headers {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!headers.has(name)) headers.set(name, value)
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', csp)
  return headers
}

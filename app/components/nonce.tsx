/**
 * The Content-Security-Policy nonce of the current document, from `app/entry.server.tsx` to the
 * `<Scripts>` and `<ScrollRestoration>` of `app/root.tsx` (epic-stack's NonceProvider pattern). In the
 * browser the value is '' : browsers hide a nonce attribute from scripts once the policy has read it, and
 * no new inline script is made after hydration.
 */
import { createContext, useContext } from 'react'

const NonceContext = createContext<string>('')

/** Provides the nonce to the document (server render only). */
export const NonceProvider = NonceContext.Provider

/** The document's nonce: a base64 string on the server, '' in the browser. */
export function useNonce(): string {
  return useContext(NonceContext)
}

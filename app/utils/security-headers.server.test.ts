import { describe, expect, it } from 'vitest'
import { applySecurityHeaders } from './security-headers.server'

describe('applySecurityHeaders', () => {
  it('forbids framing and sniffing and trims referrers', () => {
    const h = applySecurityHeaders(new Headers({ 'Content-Type': 'text/html' }))
    expect(h.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(h.get('X-Content-Type-Options')).toBe('nosniff')
    expect(h.get('X-Frame-Options')).toBe('DENY')
    expect(h.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
  })

  it('keeps a value a route set itself', () => {
    const h = applySecurityHeaders(new Headers({ 'Referrer-Policy': 'no-referrer' }))
    expect(h.get('Referrer-Policy')).toBe('no-referrer')
  })
})

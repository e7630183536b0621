/**
 * safeRedirectPath: local paths pass (normalised as a browser would), anything a browser would send to
 * another site falls back.
 */
import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './csrf.server'

describe('safeRedirectPath', () => {
  it('keeps local paths with their query and fragment', () => {
    expect(safeRedirectPath('/articles/x/quiz')).toBe('/articles/x/quiz')
    expect(safeRedirectPath('/review?lang=en#top', '/x')).toBe('/review?lang=en#top')
    expect(safeRedirectPath('/a/../teacher')).toBe('/teacher')
  })

  it('refuses every form a browser would resolve to another origin', () => {
    for (const evil of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\\/evil.example', '\\\\evil.example', 'https://evil.example', 'evil', '']) {
      expect(safeRedirectPath(evil, '/home'), JSON.stringify(evil)).toBe('/home')
      // Cross-check with the resolver browsers use: anything kept must stay on the site.
      const kept = safeRedirectPath(evil, '/home')
      expect(new URL(kept, 'https://fahm.school').origin).toBe('https://fahm.school')
    }
    expect(safeRedirectPath(null)).toBe('/')
  })
})

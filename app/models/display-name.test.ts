import { describe, expect, it } from 'vitest'
import { cleanDisplayName, parseDisplayNameText } from './display-name'

describe('cleanDisplayName', () => {
  it('removes joiners, direction marks, bidi controls and soft hyphens, and collapses white space', () => {
    expect(cleanDisplayName('\u200F سارة\u200C\u200D  أحمد\u00AD \u202B\u2067x\u2069\u202C\uFEFF')).toBe('سارة أحمد x')
    expect(cleanDisplayName('\u200E\u200F\u061C')).toBe('')
  })
})

describe('parseDisplayNameText', () => {
  it('accepts a cleaned name with a letter', () => {
    expect(parseDisplayNameText('  ليلى\u200F ')).toEqual({ success: true, name: 'ليلى' })
    expect(parseDisplayNameText('Ali 2')).toEqual({ success: true, name: 'Ali 2' })
  })

  it('refuses names that are empty after cleaning or hold no letter', () => {
    expect(parseDisplayNameText('\u200D\u200C \u00AD')).toEqual({ success: false, code: 'display_name_empty' })
    expect(parseDisplayNameText('123 ...')).toEqual({ success: false, code: 'display_name_no_letter' })
    expect(parseDisplayNameText('\u0651\u064E')).toEqual({ success: false, code: 'display_name_no_letter' })
  })

  it('keeps the 60-character limit after cleaning', () => {
    expect(parseDisplayNameText('م'.repeat(60) + '\u200F'.repeat(10))).toEqual({ success: true, name: 'م'.repeat(60) })
    expect(parseDisplayNameText('م'.repeat(61))).toEqual({ success: false, code: 'display_name_too_long' })
  })
})

import { describe, expect, it } from 'vitest'
import { formatDateTimeIn, formatDayKey, formatInterval } from './format'

describe('formatInterval', () => {
  it('names intervals in Arabic with ICU number agreement and Western digits', () => {
    expect(formatInterval(30_000)).toBe('أقل من دقيقة')
    expect(formatInterval(60_000)).toBe('دقيقة')
    expect(formatInterval(10 * 60_000)).toBe('10 دقائق')
    expect(formatInterval(2 * 3_600_000)).toBe('ساعتان')
    expect(formatInterval(3 * 86_400_000)).toBe('3 أيام')
    expect(formatInterval(11 * 86_400_000)).toBe('11 يومًا')
    expect(formatInterval(92 * 86_400_000)).toBe('3 أشهر')
    expect(formatInterval(800 * 86_400_000)).toBe('سنتان')
    expect(formatInterval(-5)).toBe('أقل من دقيقة')
  })
})

describe('formatDayKey and formatDateTimeIn', () => {
  it('formats a learner day without bidi marks in the short style', () => {
    expect(formatDayKey('2026-12-01', 'short')).toBe('1/12')
    expect(formatDayKey('2026-12-01')).toContain('ديسمبر')
  })

  it('formats an instant in the learner\'s zone', () => {
    // 20:30 UTC is 23:30 in Riyadh.
    expect(formatDateTimeIn(new Date('2026-11-30T20:30:00Z'), 'Asia/Riyadh')).toContain('11:30')
  })
})

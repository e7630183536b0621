import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTimeIn, formatDateTimeShortIn, formatDayKey, formatInterval } from './format'

describe('formatInterval', () => {
  it('names intervals in Arabic with ICU number agreement and Western digits', () => {
    expect(formatInterval(30_000, 'ar')).toBe('أقل من دقيقة')
    expect(formatInterval(60_000, 'ar')).toBe('دقيقة')
    expect(formatInterval(10 * 60_000, 'ar')).toBe('10 دقائق')
    expect(formatInterval(2 * 3_600_000, 'ar')).toBe('ساعتان')
    expect(formatInterval(3 * 86_400_000, 'ar')).toBe('3 أيام')
    expect(formatInterval(11 * 86_400_000, 'ar')).toBe('11 يومًا')
    expect(formatInterval(92 * 86_400_000, 'ar')).toBe('3 أشهر')
    expect(formatInterval(800 * 86_400_000, 'ar')).toBe('سنتان')
    expect(formatInterval(-5, 'ar')).toBe('أقل من دقيقة')
  })

  it('names the same intervals in English', () => {
    expect(formatInterval(30_000, 'en')).toBe('less than a minute')
    expect(formatInterval(60_000, 'en')).toBe('1 minute')
    expect(formatInterval(10 * 60_000, 'en')).toBe('10 minutes')
    expect(formatInterval(2 * 3_600_000, 'en')).toBe('2 hours')
    expect(formatInterval(11 * 86_400_000, 'en')).toBe('11 days')
    expect(formatInterval(92 * 86_400_000, 'en')).toBe('3 months')
    expect(formatInterval(800 * 86_400_000, 'en')).toBe('2 years')
  })
})

describe('formatDate', () => {
  it('formats a publication date per language, Western digits in Arabic', () => {
    expect(formatDate('2023-09-13', 'ar')).toBe('13 سبتمبر 2023')
    expect(formatDate('2023-09-13', 'en')).toBe('13 September 2023')
  })
})

describe('formatDayKey and formatDateTimeIn', () => {
  it('formats a learner day without bidi marks in the short style', () => {
    expect(formatDayKey('2026-12-01', 'ar', 'short')).toBe('1/12')
    expect(formatDayKey('2026-12-01', 'ar')).toContain('ديسمبر')
    expect(formatDayKey('2026-12-01', 'en', 'short')).toBe('01/12')
    expect(formatDayKey('2026-12-01', 'en')).toBe('Tuesday 1 December')
  })

  it("formats an instant in the learner's zone and names the zone", () => {
    // 20:30 UTC is 23:30 in Riyadh (UTC+3, no DST).
    const instant = new Date('2026-11-30T20:30:00Z')
    expect(formatDateTimeIn(instant, 'Asia/Riyadh', 'ar')).toBe('الاثنين، 30 نوفمبر 2026 في 11:30 م غرينتش+3')
    expect(formatDateTimeIn(instant, 'Asia/Riyadh', 'en')).toBe('Monday, 30 November 2026 at 23:30 GMT+3')
    expect(formatDateTimeShortIn(instant, 'Asia/Riyadh', 'ar')).toBe('30 نوفمبر 2026، 11:30 م غرينتش+3')
    expect(formatDateTimeShortIn(instant, 'Asia/Riyadh', 'en')).toBe('30 Nov 2026, 23:30 GMT+3')
    expect(formatDateTimeShortIn(instant, 'UTC', 'en')).toBe('30 Nov 2026, 20:30 UTC')
  })

  it('names the offset in force at the instant (summer time)', () => {
    // New York is UTC-4 in July and UTC-5 in December.
    expect(formatDateTimeShortIn(new Date('2026-07-01T16:00:00Z'), 'America/New_York', 'en')).toBe('1 Jul 2026, 12:00 GMT-4')
    expect(formatDateTimeShortIn(new Date('2026-12-01T17:00:00Z'), 'America/New_York', 'en')).toBe('1 Dec 2026, 12:00 GMT-5')
    expect(formatDateTimeShortIn(new Date('2026-07-01T16:00:00Z'), 'America/New_York', 'ar')).toBe('1 يوليو 2026، 12:00 م غرينتش-4')
  })
})

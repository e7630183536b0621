import { describe, expect, it } from 'vitest'
import { formatDateTime, formatDecimal, formatDuration, formatPercent } from './format'

describe('insight formats', () => {
  it('formats percentages and decimals with Western digits in both languages', () => {
    expect(formatPercent(56, 'en')).toBe('56%')
    expect(formatPercent(62.5, 'en')).toBe('62.5%')
    expect(formatPercent(56, 'ar')).toMatch(/^\u200E?56\u200E?[%٪]\u200E?$/)
    expect(formatDecimal(0.40825, 3, 'en')).toBe('0.408')
    expect(formatDecimal(-0.78446, 3, 'en')).toBe('-0.784')
    expect(formatDecimal(0.8, 3, 'ar')).toMatch(/^0[.,٫]800$/)
  })
  it('formats durations as minutes and seconds', () => {
    expect(formatDuration(425_000)).toBe('7:05')
    expect(formatDuration(3_723_000)).toBe('1:02:03')
    expect(formatDuration(-5)).toBe('0:00')
  })
  it('gives submission times in the teacher\'s zone with the zone named', () => {
    expect(formatDateTime('2026-11-30T20:30:00Z', 'Asia/Riyadh', 'en')).toBe('30 Nov 2026, 23:30 GMT+3')
    expect(formatDateTime('2026-11-30T20:30:00Z', 'Asia/Riyadh', 'ar')).toBe('30 نوفمبر 2026، 11:30 م غرينتش+3')
    expect(formatDateTime('2026-07-01T12:00:00Z', 'America/New_York', 'en')).toBe('1 Jul 2026, 08:00 GMT-4')
  })
})

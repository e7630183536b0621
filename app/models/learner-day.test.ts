import { describe, expect, it } from 'vitest'
import { isValidTimeZone, learnerDayOf, shiftLearnerDay } from './learner-day'

const at = (iso: string) => new Date(iso)
const HOUR = 3_600_000

describe('learnerDayOf in UTC+3 (Asia/Riyadh, no DST), rollover 04:00', () => {
  const zone = 'Asia/Riyadh'
  const day30 = { key: '2026-11-30', start: at('2026-11-30T01:00:00Z'), end: at('2026-12-01T01:00:00Z') }

  it('puts a review at 23:30 local in that day', () => {
    // 23:30 in Riyadh = 20:30 UTC
    expect(learnerDayOf(at('2026-11-30T20:30:00Z'), zone)).toEqual(day30)
  })

  it('keeps 00:30 and 03:59:59 local of the next calendar date in the same day', () => {
    expect(learnerDayOf(at('2026-11-30T21:30:00Z'), zone)).toEqual(day30)
    expect(learnerDayOf(at('2026-12-01T00:59:59Z'), zone)).toEqual(day30)
  })

  it('starts the next day at 04:00 local exactly', () => {
    expect(learnerDayOf(at('2026-12-01T01:00:00Z'), zone).key).toBe('2026-12-01')
    expect(learnerDayOf(at('2026-11-30T00:59:59Z'), zone).key).toBe('2026-11-29')
  })

  it('differs from the UTC day: 02:00 UTC on 1 December is 05:00 local, already 1 December', () => {
    expect(learnerDayOf(at('2026-12-01T02:00:00Z'), zone).key).toBe('2026-12-01')
    expect(learnerDayOf(at('2026-12-01T02:00:00Z'), 'UTC').key).toBe('2026-11-30')
  })
})

describe('learnerDayOf across DST changes in America/New_York', () => {
  const zone = 'America/New_York'

  it('spring forward (8 March 2026, 02:00 → 03:00): the day holding the change lasts 23 hours', () => {
    // 7 March 04:00 EST = 09:00 UTC; 8 March 04:00 EDT = 08:00 UTC.
    const day = learnerDayOf(at('2026-03-08T06:30:00Z'), zone) // 01:30 EST on 8 March
    expect(day).toEqual({ key: '2026-03-07', start: at('2026-03-07T09:00:00Z'), end: at('2026-03-08T08:00:00Z') })
    expect(day.end.getTime() - day.start.getTime()).toBe(23 * HOUR)
    // 03:30 EDT (07:30 UTC), after the jump, is still before the 04:00 rollover.
    expect(learnerDayOf(at('2026-03-08T07:30:00Z'), zone).key).toBe('2026-03-07')
    // 04:00 EDT starts 8 March; 23:30 EDT on 8 March belongs to it.
    expect(learnerDayOf(at('2026-03-08T08:00:00Z'), zone).key).toBe('2026-03-08')
    expect(learnerDayOf(at('2026-03-09T03:30:00Z'), zone).key).toBe('2026-03-08')
  })

  it('fall back (1 November 2026, 02:00 → 01:00): the day holding the change lasts 25 hours', () => {
    // 31 October 04:00 EDT = 08:00 UTC; 1 November 04:00 EST = 09:00 UTC.
    const day = learnerDayOf(at('2026-11-01T05:30:00Z'), zone) // 01:30 EDT, the first of the two 01:30s
    expect(day).toEqual({ key: '2026-10-31', start: at('2026-10-31T08:00:00Z'), end: at('2026-11-01T09:00:00Z') })
    expect(day.end.getTime() - day.start.getTime()).toBe(25 * HOUR)
    // The second 01:30 (EST) and 03:59 EST are still 31 October's day.
    expect(learnerDayOf(at('2026-11-01T06:30:00Z'), zone).key).toBe('2026-10-31')
    expect(learnerDayOf(at('2026-11-01T08:59:59Z'), zone).key).toBe('2026-10-31')
    expect(learnerDayOf(at('2026-11-01T09:00:00Z'), zone).key).toBe('2026-11-01')
  })

  it('shifts days across the change by calendar date, not by 24 hours', () => {
    const before = learnerDayOf(at('2026-03-07T15:00:00Z'), zone)
    const after = shiftLearnerDay(before, 1, zone)
    expect(after).toEqual({ key: '2026-03-08', start: at('2026-03-08T08:00:00Z'), end: at('2026-03-09T08:00:00Z') })
    expect(shiftLearnerDay(after, -1, zone)).toEqual(before)
    // Thirty days back from 30 November crosses the fall-back change.
    const today = learnerDayOf(at('2026-11-30T15:00:00Z'), zone)
    const first = shiftLearnerDay(today, -29, zone)
    expect(first).toMatchObject({ key: '2026-11-01', start: at('2026-11-01T09:00:00Z') })
  })
})

describe('isValidTimeZone', () => {
  it('accepts IANA names Intl knows and UTC', () => {
    for (const zone of ['Asia/Riyadh', 'America/New_York', 'Europe/Berlin', 'UTC', 'Asia/Kathmandu']) {
      expect(isValidTimeZone(zone)).toBe(true)
    }
  })

  it('rejects unknown names, offsets and junk', () => {
    for (const zone of ['', 'Mars/Olympus', '+03:00', 'Asia/Riyadh; drop table', 'x'.repeat(65), '../etc']) {
      expect(isValidTimeZone(zone)).toBe(false)
    }
  })

  it('computes days in a zone with a 45-minute offset', () => {
    // Kathmandu is UTC+5:45: 04:00 local = 22:15 UTC the day before.
    expect(learnerDayOf(at('2026-11-30T22:15:00Z'), 'Asia/Kathmandu')).toMatchObject({
      key: '2026-12-01',
      start: at('2026-11-30T22:15:00Z'),
    })
  })
})

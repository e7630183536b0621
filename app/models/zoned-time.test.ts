import { describe, expect, it } from 'vitest'
import { utcToZonedLocal, zonedLocalToUtc } from './zoned-time'

describe('zonedLocalToUtc', () => {
  it('reads a wall-clock time in the zone', () => {
    expect(zonedLocalToUtc('2026-12-01T09:30', 'Asia/Riyadh')?.toISOString()).toBe('2026-12-01T06:30:00.000Z')
    expect(zonedLocalToUtc('2026-12-01T09:30', 'UTC')?.toISOString()).toBe('2026-12-01T09:30:00.000Z')
    expect(zonedLocalToUtc('2026-07-01T09:30', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T07:30:00.000Z')
  })

  it('handles daylight-saving changes', () => {
    // Berlin falls back on 2026-10-25 at 03:00 → 02:00: 02:30 happens twice, the earlier is taken.
    expect(zonedLocalToUtc('2026-10-25T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T00:30:00.000Z')
    // Spring forward on 2026-03-29: 02:30 does not exist; it reads as 03:30 CEST = 01:30Z.
    expect(zonedLocalToUtc('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z')
  })

  it('refuses malformed values', () => {
    for (const bad of ['', '2026-02-30T10:00', '2026-12-01 09:30', '2026-12-01T25:00']) expect(zonedLocalToUtc(bad, 'UTC')).toBe(null)
  })

  it('round-trips with utcToZonedLocal', () => {
    const instant = new Date('2026-12-01T06:30:00Z')
    expect(utcToZonedLocal(instant, 'Asia/Riyadh')).toBe('2026-12-01T09:30')
    expect(zonedLocalToUtc(utcToZonedLocal(instant, 'America/New_York'), 'America/New_York')).toEqual(instant)
  })
})

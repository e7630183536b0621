/**
 * Wall-clock times in a time zone ↔ UTC instants, for due dates entered and shown in the teacher's zone and
 * stored in UTC. Pure (Intl only).
 */

function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return wall - Math.floor(instant / 1000) * 1000
}

/**
 * The UTC instant of a `datetime-local` value (`YYYY-MM-DDTHH:mm`) read in a zone. In a spring-forward
 * gap the time is read with the offset before the change; in a fall-back overlap, the earlier instant.
 * @returns the instant, or null for a malformed value.
 * @example zonedLocalToUtc('2026-12-01T09:30', 'Asia/Riyadh') // 2026-12-01T06:30:00.000Z
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number]
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  const check = new Date(wall)
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null
  // Offsets in force a day either side of the wall time cover any one change of offset around it.
  const before = offsetAt(wall - 86_400_000, timeZone)
  const offsets = new Set([before, offsetAt(wall, timeZone), offsetAt(wall + 86_400_000, timeZone)])
  const candidates = [...offsets].map((o) => wall - o).filter((t) => t + offsetAt(t, timeZone) === wall)
  return new Date(candidates.length ? Math.min(...candidates) : wall - before)
}

/**
 * An instant as a `datetime-local` value in a zone (to prefill the form).
 * @example utcToZonedLocal(new Date('2026-12-01T06:30:00Z'), 'Asia/Riyadh') // '2026-12-01T09:30'
 */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone)).toISOString().slice(0, 16)
}

/**
 * A learner's day: the span of real time that counts as "today" for due cards, the daily limit of new cards
 * and the statistics. It follows the learner's IANA time zone and, as in Anki, rolls over at 04:00 local
 * time rather than midnight, so a late-evening session (or one just after midnight) belongs to the day it
 * started in.
 *
 * Pure: time is a parameter, zone rules come from the runtime's ICU (`Intl.DateTimeFormat`), which knows
 * daylight-saving changes. A day is `[start, end)`; across a DST change it is 23 or 25 hours long.
 */

/** Local hour at which a learner's day begins (Anki's default "next day starts at"). */
export const DAY_ROLLOVER_HOUR = 4

/** The zone used while a learner's browser has not reported one. */
export const FALLBACK_TIME_ZONE = 'UTC'

/** One learner day. */
export interface LearnerDay {
  /** The local calendar date the day starts on, `YYYY-MM-DD`. */
  key: string
  /** First instant of the day (04:00 local). */
  start: Date
  /** First instant of the next day (exclusive end). */
  end: Date
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    partsFormatters.set(timeZone, f)
  }
  return f
}

/**
 * Whether a string names a time zone the runtime knows (IANA names such as `Asia/Riyadh`, and `UTC`).
 * @param timeZone the candidate, e.g. from `Intl.DateTimeFormat().resolvedOptions().timeZone` in a browser.
 * @returns false for anything `Intl.DateTimeFormat` rejects, for offsets such as `+03:00`, and for strings
 *   longer than 64 characters.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) return false
  try {
    partsFormatter(timeZone)
    return true
  } catch {
    return false
  }
}

interface WallClock {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** The wall-clock reading of an instant in a zone (seconds precision). */
function wallClock(instant: Date, timeZone: string): WallClock {
  const out: Record<string, number> = {}
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value)
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  }
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/**
 * The instant at which a zone's clocks read a given local date and hour. When that reading does not exist
 * (the hour skipped by a DST change) the instant after the gap is returned; when it exists twice (the hour
 * repeated) the first one.
 */
function instantOfLocal(date: { year: number; month: number; day: number }, hour: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour)
  const first = wall - offsetAt(new Date(wall), timeZone)
  const second = wall - offsetAt(new Date(first), timeZone)
  if (first === second) return new Date(first)
  // The offset changes between the two guesses: take the guess whose local reading is the wanted hour, the
  // earlier one when both are (repeated hour), the later one when neither is (skipped hour).
  const reads = (t: number) => offsetAt(new Date(t), timeZone) === wall - t
  const [early, late] = first < second ? [first, second] : [second, first]
  if (reads(early)) return new Date(early)
  return new Date(late)
}

function addCalendarDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

function dateKey(date: { year: number; month: number; day: number }): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`
}

function parseKey(key: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key)
  if (!m) throw new RangeError(`not a YYYY-MM-DD day key: ${key}`)
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
}

/**
 * The learner day an instant belongs to.
 * @param now the instant.
 * @param timeZone an IANA zone (see {@link isValidTimeZone}).
 * @param rolloverHour local hour at which days begin, 0–23 (default {@link DAY_ROLLOVER_HOUR}).
 * @returns the day: its key (local start date) and `[start, end)` instants.
 * @throws RangeError when the time zone is unknown.
 * @example
 * // 23:30 in Riyadh (UTC+3) on 30 November still belongs to 30 November; so does 03:59 on 1 December.
 * learnerDayOf(new Date('2026-11-30T20:30:00Z'), 'Asia/Riyadh')
 * // { key: '2026-11-30', start: 2026-11-30T01:00:00Z, end: 2026-12-01T01:00:00Z }
 */
export function learnerDayOf(now: Date, timeZone: string, rolloverHour = DAY_ROLLOVER_HOUR): LearnerDay {
  const w = wallClock(now, timeZone)
  let date = { year: w.year, month: w.month, day: w.day }
  if (w.hour < rolloverHour) date = addCalendarDays(date, -1)
  let start = instantOfLocal(date, rolloverHour, timeZone)
  // A reading just before the rollover in a zone whose clocks jump over it: step back a day.
  if (start.getTime() > now.getTime()) {
    date = addCalendarDays(date, -1)
    start = instantOfLocal(date, rolloverHour, timeZone)
  }
  return { key: dateKey(date), start, end: instantOfLocal(addCalendarDays(date, 1), rolloverHour, timeZone) }
}

/**
 * The learner day a number of days after (or before) a given one.
 * @param day a day from {@link learnerDayOf}.
 * @param days whole days to move, negative for earlier days.
 * @param timeZone the zone the day was computed in.
 * @throws RangeError when the time zone is unknown.
 */
export function shiftLearnerDay(day: LearnerDay, days: number, timeZone: string, rolloverHour = DAY_ROLLOVER_HOUR): LearnerDay {
  const date = addCalendarDays(parseKey(day.key), days)
  return {
    key: dateKey(date),
    start: instantOfLocal(date, rolloverHour, timeZone),
    end: instantOfLocal(addCalendarDays(date, 1), rolloverHour, timeZone),
  }
}

/** Formatting for Arabic pages, done on the server so the browser's ICU cannot cause a hydration mismatch. */

const arabicDate = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' })

/**
 * Formats a calendar date in Arabic.
 * @param isoDate `YYYY-MM-DD`.
 * @returns e.g. «13 سبتمبر 2023» (digits as Node's `ar` locale renders them).
 * @throws RangeError when the date is not valid.
 */
export function formatArabicDate(isoDate: string): string {
  return arabicDate.format(new Date(`${isoDate}T00:00:00Z`))
}

const LATN_ARABIC = 'ar-u-nu-latn'
const unitFormats = new Map<string, Intl.NumberFormat>()

function formatUnit(value: number, unit: 'minute' | 'hour' | 'day' | 'month' | 'year'): string {
  const key = unit
  let f = unitFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(LATN_ARABIC, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 })
    unitFormats.set(key, f)
  }
  return f.format(value)
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * A review interval in Arabic words with Western digits, as the rating buttons show it: minutes under an
 * hour, hours under a day, days under a month, months under a year, then years (rounded; Arabic number
 * agreement from ICU: «دقيقة»، «دقيقتان»، «3 دقائق»، «11 يومًا»).
 * @param ms the interval in milliseconds (negative counts as 0).
 * @example formatInterval(3 * 86_400_000) // '3 أيام'
 */
export function formatInterval(ms: number): string {
  const t = Math.max(0, ms)
  if (t < MINUTE) return 'أقل من دقيقة'
  if (t < HOUR) return formatUnit(Math.round(t / MINUTE), 'minute')
  if (t < DAY) return formatUnit(Math.round(t / HOUR), 'hour')
  const days = Math.round(t / DAY)
  if (days < 31) return formatUnit(days, 'day')
  if (days < 365) return formatUnit(Math.round(days / 30.44), 'month')
  return formatUnit(Math.round(days / 365.25), 'year')
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(key)
  if (!f) {
    f = make()
    dateTimeFormats.set(key, f)
  }
  return f
}

/**
 * An instant in a learner's time zone, in Arabic with Western digits.
 * @param date the instant.
 * @param timeZone an IANA zone.
 * @returns e.g. «الثلاثاء، 1 ديسمبر 2026 في 9:30 ص».
 * @throws RangeError for an unknown zone.
 */
export function formatDateTimeIn(date: Date, timeZone: string): string {
  return cachedFormat(`dt:${timeZone}`, () =>
    new Intl.DateTimeFormat(LATN_ARABIC, { dateStyle: 'full', timeStyle: 'short', timeZone }),
  ).format(date)
}

/**
 * A learner day's date in Arabic, from its `YYYY-MM-DD` key.
 * @param style `long` «الثلاثاء، 1 ديسمبر» or `short` «1/12» (without the bidi marks ICU puts around the
 *   slash, so it can be drawn as plain left-to-right text in a chart).
 */
export function formatDayKey(key: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${key}T12:00:00Z`)
  const f = cachedFormat(`day:${style}`, () =>
    new Intl.DateTimeFormat(
      LATN_ARABIC,
      style === 'long'
        ? { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }
        : { day: 'numeric', month: 'numeric', timeZone: 'UTC' },
    ),
  )
  const text = f.format(date)
  return style === 'short' ? text.replace(/[\u061C\u200E\u200F]/g, '') : text
}

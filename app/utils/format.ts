/**
 * Dates, instants and intervals in the interface language, with `Intl` (locales from `intlLocale`: Arabic
 * with Western digits, `ar-u-nu-latn`, and British English). Done on the server (loaders) so the browser's
 * ICU cannot cause a hydration mismatch. Formatters are cached per language and option set.
 */
import { intlLocale, type Lang } from '~/i18n/lang'

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
 * Formats a calendar date (a publication date).
 * @param isoDate `YYYY-MM-DD`.
 * @returns e.g. «13 سبتمبر 2023» in Arabic, «13 September 2023» in English.
 * @throws RangeError when the date is not valid.
 */
export function formatDate(isoDate: string, lang: Lang): string {
  return cachedFormat(`date:${lang}`, () =>
    new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(new Date(`${isoDate}T00:00:00Z`))
}

const unitFormats = new Map<string, Intl.NumberFormat>()

function formatUnit(value: number, unit: 'minute' | 'hour' | 'day' | 'month' | 'year', lang: Lang): string {
  const key = `${lang}:${unit}`
  let f = unitFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 })
    unitFormats.set(key, f)
  }
  return f.format(value)
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const UNDER_A_MINUTE: Record<Lang, string> = { ar: 'أقل من دقيقة', en: 'less than a minute' }

/**
 * A review interval in words, as the rating buttons show it: minutes under an hour, hours under a day, days
 * under a month, months under a year, then years (rounded; number agreement from ICU: «دقيقة»، «دقيقتان»،
 * «3 دقائق»، «11 يومًا»; «1 minute», «3 days»).
 * @param ms the interval in milliseconds (negative counts as 0).
 * @example formatInterval(3 * 86_400_000, 'ar') // '3 أيام'
 */
export function formatInterval(ms: number, lang: Lang): string {
  const t = Math.max(0, ms)
  if (t < MINUTE) return UNDER_A_MINUTE[lang]
  if (t < HOUR) return formatUnit(Math.round(t / MINUTE), 'minute', lang)
  if (t < DAY) return formatUnit(Math.round(t / HOUR), 'hour', lang)
  const days = Math.round(t / DAY)
  if (days < 31) return formatUnit(days, 'day', lang)
  if (days < 365) return formatUnit(Math.round(days / 30.44), 'month', lang)
  return formatUnit(Math.round(days / 365.25), 'year', lang)
}

// dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out; ICU then puts the
// zone after the time in each language's own pattern.
const FULL_WITH_ZONE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
}
const SHORT_WITH_ZONE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
}

/**
 * An instant in a time zone, with the zone's short name (CLDR `timeZoneName: 'short'`: a GMT offset, or an
 * abbreviation where the locale has one) so a reader in another zone knows whose clock it is.
 * @param date the instant.
 * @param timeZone an IANA zone.
 * @returns e.g. «الثلاثاء، 1 ديسمبر 2026 في 9:30 ص غرينتش+3» or «Tuesday, 1 December 2026 at 09:30 GMT+3».
 * @throws RangeError for an unknown zone.
 */
export function formatDateTimeIn(date: Date, timeZone: string, lang: Lang): string {
  return cachedFormat(`dt:${lang}:${timeZone}`, () =>
    new Intl.DateTimeFormat(intlLocale(lang), { ...FULL_WITH_ZONE, timeZone }),
  ).format(date)
}

/**
 * An instant in a time zone, compact (a result's submission time in a roster), with the zone's short name.
 * @returns e.g. «30 نوفمبر 2026، 11:30 م غرينتش+3» or «30 Nov 2026, 23:30 GMT+3».
 * @throws RangeError for an unknown zone.
 */
export function formatDateTimeShortIn(date: Date, timeZone: string, lang: Lang): string {
  return cachedFormat(`dts:${lang}:${timeZone}`, () =>
    new Intl.DateTimeFormat(intlLocale(lang), { ...SHORT_WITH_ZONE, timeZone }),
  ).format(date)
}

/**
 * A learner day's date, from its `YYYY-MM-DD` key.
 * @param style `long` «الثلاثاء، 1 ديسمبر» / «Tuesday 1 December», or `short` «1/12» / «01/12» (without
 *   the bidi marks ICU puts around the slash, so it can be drawn as plain left-to-right text in a chart).
 */
export function formatDayKey(key: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${key}T12:00:00Z`)
  const f = cachedFormat(`day:${lang}:${style}`, () =>
    new Intl.DateTimeFormat(
      intlLocale(lang),
      style === 'long'
        ? { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }
        : { day: 'numeric', month: 'numeric', timeZone: 'UTC' },
    ),
  )
  const text = f.format(date)
  return style === 'short' ? text.replace(/[\u061C\u200E\u200F]/g, '') : text
}

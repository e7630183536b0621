/**
 * Number and date formats of the class-insight pages, through `Intl` with the interface language's locale
 * (`intlLocale`: Western digits in Arabic). Formatters are cached per locale (and zone).
 */
import { intlLocale, type Lang } from '~/i18n/lang'
import { formatDateTimeShortIn } from '~/utils/format'

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined
  if (!f) {
    f = make()
    cache.set(key, f)
  }
  return f
}

/** A percentage given 0–100, one decimal at most: «56%», «62.5%». */
export function formatPercent(value: number, lang: Lang): string {
  return cached(`pct:${lang}`, () => new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 1 })).format(value / 100)
}

/** A rate given 0–1 as a percentage: «83%». */
export function formatRate(value: number, lang: Lang): string {
  return formatPercent(value * 100, lang)
}

/** A plain number with `digits` decimals exactly (facility, discrimination: 3; statistics: 1). */
export function formatDecimal(value: number, digits: number, lang: Lang): string {
  return cached(`dec:${lang}:${digits}`, () =>
    new Intl.NumberFormat(intlLocale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }),
  ).format(value)
}

/** An integer count: «1,000» / «1٬000» per locale. */
export function formatCount(value: number, lang: Lang): string {
  return cached(`int:${lang}`, () => new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 0 })).format(value)
}

/** A duration in ms as minutes and seconds, «7:05», or hours «1:02:03»; negative counts as 0. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`
}

/**
 * An instant (ISO 8601) in the teacher's time zone, compact, with the zone's short name (the roster's
 * {@link formatDateTimeShortIn}), e.g. «30 Nov 2026, 23:30 GMT+3».
 * @throws RangeError for an unknown zone.
 */
export function formatDateTime(iso: string, timeZone: string, lang: Lang): string {
  return formatDateTimeShortIn(new Date(iso), timeZone, lang)
}

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

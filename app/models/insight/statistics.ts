/**
 * Classical test theory statistics for the teacher's class insight: summary statistics of scores, a score
 * histogram, and item analysis (facility index, discrimination index, distractor use, flags). Pure: no I/O.
 * The SQL side (`*.server.ts` in this folder) aggregates responses into the sums these functions take, so
 * a class of any size costs one GROUP BY, not a loop over rows.
 *
 * Definitions (the ones Moodle's quiz statistics report, see docs.moodle.org/en/Quiz_statistics_calculations):
 * - **Facility index** F = mean item score = proportion of students who answered the item correctly, 0–1.
 * - **Discrimination index**: the *corrected point-biserial correlation* (item–rest correlation), i.e. the
 *   Pearson correlation between the 0/1 item score and the rest score (the test score without this item),
 *   −1…1. Correcting for the item removes its own contribution, which inflates the plain item–total
 *   correlation on short tests. Kelley's upper/lower 27 % index is not used.
 * - **Standard deviation** of scores: the *sample* SD (divisor n − 1), as Moodle reports it.
 * - **Usual ranges** (flags): facility below 0.2 (too hard) or above 0.95 (too easy); discrimination below
 *   0.25 (weak), below 0 (negative: stronger students miss it more, often a wrong key or an ambiguous stem);
 *   a distractor nobody chose (it does no work). With fewer than {@link SMALL_CLASS} students the figures
 *   are noisy and the page says so.
 */

/** Below this many students the item statistics are shown with a warning that they are noisy. */
export const SMALL_CLASS = 30
/** Facility below this is flagged as too hard. */
export const FACILITY_LOW = 0.2
/** Facility above this is flagged as too easy. */
export const FACILITY_HIGH = 0.95
/** Discrimination below this is flagged as weak. */
export const DISCRIMINATION_LOW = 0.25

/** Mean, median and sample standard deviation of a list of scores (any unit); nulls when undefined. */
export interface SummaryStatistics {
  n: number
  /** Arithmetic mean, null for an empty list. */
  mean: number | null
  /** Middle value (mean of the two middle values for an even count), null for an empty list. */
  median: number | null
  /** Sample standard deviation (divisor n − 1), null for fewer than two scores. */
  sd: number | null
}

/**
 * Summary statistics of scores.
 * @param scores any finite numbers (e.g. percentages 0–100).
 * @returns see {@link SummaryStatistics}; SD is the sample SD (n − 1), as Moodle reports.
 * @example summarize([80, 60, 40, 60, 40]) // { n: 5, mean: 56, median: 60, sd: 16.733… }
 */
export function summarize(scores: readonly number[]): SummaryStatistics {
  const n = scores.length
  if (n === 0) return { n, mean: null, median: null, sd: null }
  const mean = scores.reduce((s, x) => s + x, 0) / n
  const sorted = [...scores].sort((a, b) => a - b)
  const mid = Math.floor(n / 2)
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  const sd = n < 2 ? null : Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1))
  return { n, mean, median, sd }
}

/** One bar of a histogram: scores in [from, to) (the last bin includes `to`). */
export interface HistogramBin {
  from: number
  to: number
  count: number
}

/**
 * A histogram of percentage scores in equal bins over 0–100: [0, 10), [10, 20), …, [90, 100] by default.
 * @param percents scores in percent; values outside 0–100 are clamped into the first or last bin.
 * @param bins number of bins (≥ 1).
 * @throws RangeError when `bins` is not a positive integer.
 */
export function histogram(percents: readonly number[], bins = 10): HistogramBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`)
  const width = 100 / bins
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }))
  for (const p of percents) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor(p / width + 1e-9)))
    out[i]!.count++
  }
  return out
}

/**
 * The sums one SQL GROUP BY per item yields for the item–rest correlation, over the students who answered
 * the item: x is the 0/1 item score, R the rest score (test score − x).
 */
export interface ItemSums {
  /** Students who answered the item. */
  n: number
  /** Σx: how many answered correctly. */
  correct: number
  /** ΣR */
  sumRest: number
  /** ΣR² */
  sumRest2: number
  /** Σ x·R */
  sumItemRest: number
}

/**
 * Facility index: the proportion of students answering the item correctly (mean item score), 0–1.
 * @returns null when nobody answered the item.
 */
export function facilityIndex(sums: Pick<ItemSums, 'n' | 'correct'>): number | null {
  return sums.n === 0 ? null : sums.correct / sums.n
}

/**
 * Discrimination index as the corrected point-biserial (item–rest) correlation, computed from sums:
 * r = (nΣxR − ΣxΣR) / √((nΣx² − (Σx)²)(nΣR² − (ΣR)²)), with Σx² = Σx for a 0/1 score (Pearson's r; Moodle's
 * "discrimination index").
 * @returns −1…1, or null when either variance is zero (everyone right, everyone wrong, or equal rest scores).
 */
export function discriminationIndex(sums: ItemSums): number | null {
  const { n, correct: sx, sumRest: sr, sumRest2: srr, sumItemRest: sxr } = sums
  const varX = n * sx - sx * sx
  const varR = n * srr - sr * sr
  // Integer sums: a zero variance is exactly zero; guard against float dust anyway.
  if (n < 2 || varX <= 1e-12 || varR <= 1e-12) return null
  const r = (n * sxr - sx * sr) / Math.sqrt(varX * varR)
  return Math.max(-1, Math.min(1, r))
}

/**
 * The sums of {@link ItemSums} from raw data (for tests and small lists; the app computes them in SQL).
 * @param rows one per student who answered: the item score (0/1 or boolean) and the student's total score.
 */
export function itemSumsOf(rows: readonly { correct: boolean | 0 | 1; total: number }[]): ItemSums {
  const sums: ItemSums = { n: 0, correct: 0, sumRest: 0, sumRest2: 0, sumItemRest: 0 }
  for (const row of rows) {
    const x = row.correct ? 1 : 0
    const rest = row.total - x
    sums.n++
    sums.correct += x
    sums.sumRest += rest
    sums.sumRest2 += rest * rest
    sums.sumItemRest += x * rest
  }
  return sums
}

/** Why an item is outside the usual ranges (see the module header). */
export type ItemFlag =
  | { code: 'too_hard'; facility: number }
  | { code: 'too_easy'; facility: number }
  | { code: 'negative_discrimination'; discrimination: number }
  | { code: 'low_discrimination'; discrimination: number }
  | { code: 'unused_distractor'; option: string }

/**
 * The flags of an item.
 * @param item.facility see {@link facilityIndex}; null adds no facility flag.
 * @param item.discrimination see {@link discriminationIndex}; null adds no discrimination flag.
 * @param item.distractors each wrong option offered with how many chose it (none for typed answers).
 * @returns flags in a stable order: facility, discrimination, then distractors in option order.
 */
export function flagItem(item: {
  facility: number | null
  discrimination: number | null
  distractors: readonly { option: string; count: number }[]
}): ItemFlag[] {
  const flags: ItemFlag[] = []
  const { facility, discrimination } = item
  if (facility !== null && facility < FACILITY_LOW) flags.push({ code: 'too_hard', facility })
  if (facility !== null && facility > FACILITY_HIGH) flags.push({ code: 'too_easy', facility })
  if (discrimination !== null && discrimination < 0) flags.push({ code: 'negative_discrimination', discrimination })
  else if (discrimination !== null && discrimination < DISCRIMINATION_LOW) flags.push({ code: 'low_discrimination', discrimination })
  for (const d of item.distractors) if (d.count === 0) flags.push({ code: 'unused_distractor', option: d.option })
  return flags
}

/**
 * The statistics on a class small enough to compute by hand: five students (A–E), five items, one point
 * each. Item scores (1 = correct):
 *
 *        item1 item2 item3 item4 item5 | total  percent
 *   A      1     1     1     0     1   |   4      80
 *   B      1     1     0     0     1   |   3      60
 *   C      1     0     0     0     1   |   2      40
 *   D      1     1     0     0     1   |   3      60
 *   E      0     0     0     1     1   |   2      40
 *
 * Scores (percent): mean = (80+60+40+60+40)/5 = 280/5 = 56; sorted 40 40 60 60 80 → median 60.
 * Deviations from 56: 24, 4, −16, 4, −16; squares 576 + 16 + 256 + 16 + 256 = 1120; sample variance
 * 1120/4 = 280; SD = √280 = 16.7332 → 16.733 (the population SD would be √224 = 14.967).
 *
 * Item–rest correlation r = (nΣxR − ΣxΣR) / √((nΣx − (Σx)²)(nΣR² − (ΣR)²)), R = total − x:
 * - item1: x = 1 1 1 1 0, R = 3 2 1 2 2; Σx = 4, ΣR = 10, ΣR² = 9+4+1+4+4 = 22, ΣxR = 3+2+1+2 = 8.
 *   num = 5·8 − 4·10 = 0 → r = 0.000; facility 4/5 = 0.800 → flag weak discrimination.
 * - item2: x = 1 1 0 1 0, R = 3 2 2 2 2; Σx = 3, ΣR = 11, ΣR² = 9+4+4+4+4 = 25, ΣxR = 3+2+2 = 7.
 *   num = 35 − 33 = 2; (15 − 9)(125 − 121) = 6·4 = 24; r = 2/√24 = 0.40825 → 0.408; facility 0.600.
 * - item3: x = 1 0 0 0 0, R = 3 3 2 3 2; Σx = 1, ΣR = 13, ΣR² = 9+9+4+9+4 = 35, ΣxR = 3.
 *   num = 15 − 13 = 2; (5 − 1)(175 − 169) = 4·6 = 24; r = 0.408; facility 0.200 (not below 0.2: no flag).
 * - item4: x = 0 0 0 0 1, R = 4 3 2 3 1; Σx = 1, ΣR = 13, ΣR² = 16+9+4+9+1 = 39, ΣxR = 1.
 *   num = 5 − 13 = −8; (5 − 1)(195 − 169) = 4·26 = 104; r = −8/√104 = −0.78446 → −0.784 → flag negative.
 * - item5: everyone right: facility 1.000 > 0.95 → flag too easy; Σx² n − (Σx)² = 25 − 25 = 0 → r undefined.
 */
import { describe, expect, it } from 'vitest'
import { discriminationIndex, facilityIndex, flagItem, histogram, itemSumsOf, summarize } from './statistics'

const matrix = [
  [1, 1, 1, 0, 1],
  [1, 1, 0, 0, 1],
  [1, 0, 0, 0, 1],
  [1, 1, 0, 0, 1],
  [0, 0, 0, 1, 1],
] as const
const totals = matrix.map((row) => row.reduce<number>((s, x) => s + x, 0))
const item = (j: number) => itemSumsOf(matrix.map((row, i) => ({ correct: row[j] === 1, total: totals[i]! })))
const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000)

describe('summary statistics', () => {
  it('gives mean, median and the sample SD of the hand-computed class', () => {
    const s = summarize(totals.map((t) => (t / 5) * 100))
    expect(s.n).toBe(5)
    expect(s.mean).toBeCloseTo(56, 10)
    expect(s.median).toBe(60)
    expect(round3(s.sd)).toBe(16.733)
  })
  it('takes the mean of the two middle scores for an even count; SD needs two scores', () => {
    expect(summarize([10, 40, 20, 30]).median).toBe(25)
    expect(summarize([7])).toEqual({ n: 1, mean: 7, median: 7, sd: null })
    expect(summarize([])).toEqual({ n: 0, mean: null, median: null, sd: null })
  })
})

describe('item analysis', () => {
  it('gives the facility index of each item', () => {
    expect([0, 1, 2, 3, 4].map((j) => round3(facilityIndex(item(j))))).toEqual([0.8, 0.6, 0.2, 0.2, 1])
  })
  it('gives the corrected point-biserial discrimination of each item', () => {
    expect(item(0)).toEqual({ n: 5, correct: 4, sumRest: 10, sumRest2: 22, sumItemRest: 8 })
    expect([0, 1, 2, 3, 4].map((j) => round3(discriminationIndex(item(j))))).toEqual([0, 0.408, 0.408, -0.784, null])
  })
  it('flags items outside the usual ranges with the reason', () => {
    const flags = (j: number, distractors: { option: string; count: number }[] = []) =>
      flagItem({ facility: facilityIndex(item(j)), discrimination: discriminationIndex(item(j)), distractors })
    expect(flags(0, [{ option: 'ب', count: 1 }, { option: 'ج', count: 0 }])).toEqual([
      { code: 'low_discrimination', discrimination: 0 },
      { code: 'unused_distractor', option: 'ج' },
    ])
    expect(flags(1)).toEqual([])
    expect(flags(2)).toEqual([]) // facility exactly 0.2 is inside the range
    expect(flags(3).map((f) => f.code)).toEqual(['negative_discrimination'])
    expect(flags(4)).toEqual([{ code: 'too_easy', facility: 1 }])
    expect(flagItem({ facility: 0.1, discrimination: 0.5, distractors: [] })).toEqual([{ code: 'too_hard', facility: 0.1 }])
  })
  it('has no facility for an item nobody answered, no discrimination without variance', () => {
    expect(facilityIndex({ n: 0, correct: 0 })).toBe(null)
    expect(discriminationIndex({ n: 1, correct: 1, sumRest: 3, sumRest2: 9, sumItemRest: 3 })).toBe(null)
  })
})

describe('histogram', () => {
  it('bins percentages in tens, 100 in the last bin', () => {
    const bins = histogram([0, 9.99, 10, 55, 100, 90])
    expect(bins).toHaveLength(10)
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2])
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 2 })
    expect(() => histogram([], 0)).toThrow(RangeError)
  })
})

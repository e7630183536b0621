import { describe, expect, it } from 'vitest'
import { BASE_THINK_MS, MS_PER_LETTER, gradeTypedAnswer, slowAfterMs } from './answer-grading'

const cloze = { direction: 'cloze' as const, surface: 'الرئيس', lemma: 'رئيس' }
const production = { direction: 'production' as const, surface: 'الرئيس', lemma: 'رئيس' }

describe('slowAfterMs', () => {
  it('allows thinking time plus typing time per letter of the normalised answer', () => {
    expect(slowAfterMs('قاعدة')).toBe(BASE_THINK_MS + 5 * MS_PER_LETTER)
    // Diacritics and spaces are not letters to type.
    expect(slowAfterMs('قَاعِدَة')).toBe(slowAfterMs('قاعدة'))
    expect(slowAfterMs('كوريا الشمالية')).toBe(BASE_THINK_MS + 13 * MS_PER_LETTER)
  })
})

describe('gradeTypedAnswer', () => {
  const fast = 3_000
  const slow = slowAfterMs('الرئيس') + 1

  it.each([
    // [card, answer, duration, rating, correct, reason]
    [cloze, 'الرئيس', fast, 3, true, 'fast'],
    [cloze, 'الرئيس', slow, 2, true, 'slow'],
    [cloze, 'الرئيس', slowAfterMs('الرئيس'), 3, true, 'fast'],
    [cloze, 'الرئيس', null, 3, true, 'fast'],
    [cloze, '  الرَّئيسُ ', fast, 3, true, 'fast'],
    [cloze, 'رئيس', fast, 2, false, 'lemma_in_cloze'],
    [cloze, 'الزعيم', fast, 1, false, 'wrong'],
    [cloze, '', fast, 1, false, 'empty'],
    [cloze, ' ؟ ', fast, 1, false, 'empty'],
    [production, 'رئيس', fast, 3, true, 'fast'],
    [production, 'الرئيس', fast, 3, true, 'fast'],
    [production, 'رئيس', 60_000, 2, true, 'slow'],
    [production, 'رأيس', fast, 1, false, 'wrong'],
  ] as const)('%o «%s» in %s ms → %i', (card, answer, duration, rating, correct, reason) => {
    expect(gradeTypedAnswer(card, answer, duration)).toEqual({ rating, correct, reason })
  })

  it('forgives the spelling variants normalizeAnswer merges (hamza, ة/ه, ى/ي, tatweel)', () => {
    const card = { direction: 'cloze' as const, surface: 'قاعدة', lemma: 'قاعدة' }
    for (const answer of ['قاعده', 'قاعـــدة', 'قَاعِدَة']) expect(gradeTypedAnswer(card, answer, fast).rating).toBe(3)
    const hamza = { direction: 'production' as const, surface: 'أطلق', lemma: 'أطلق' }
    expect(gradeTypedAnswer(hamza, 'اطلق', fast).rating).toBe(3)
  })

  it('never gives Easy', () => {
    expect(gradeTypedAnswer(production, 'رئيس', 0).rating).toBe(3)
  })
})

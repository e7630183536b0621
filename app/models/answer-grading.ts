/**
 * Grading typed review answers: the app, not the learner, rates production and cloze cards.
 *
 * | answer (after `normalizeAnswer`) | time to answer | rating |
 * | --- | --- | --- |
 * | empty, "I don't know", or matches no accepted form | any | Again (1) |
 * | cloze only: the word's dictionary form (lemma) instead of the form the sentence needs | any | Hard (2) |
 * | an accepted form | slower than {@link slowAfterMs} | Hard (2) |
 * | an accepted form | within {@link slowAfterMs}, or unknown | Good (3) |
 *
 * Accepted forms: for production (English gloss → Arabic), the lemma and the surface form in the article;
 * for cloze (the article sentence with the term blanked), the surface form only.
 *
 * Why this mapping:
 * - FSRS needs one bit above all — recalled or not — and uses Hard/Good to adjust difficulty. A wrong or
 *   missing answer is a lapse (Again) whatever the reason, as in Anki.
 * - Latency measures retrieval effort: a correct answer found slowly was recalled with difficulty, which is
 *   exactly what Hard means in FSRS (a pass, with a smaller stability gain). The threshold grows with the
 *   length of the word because the time includes typing it: {@link BASE_THINK_MS} to recall plus
 *   {@link MS_PER_LETTER} per letter (a learner typing Arabic on an unfamiliar layout manages about two
 *   letters a second). Unknown timing is not held against the learner.
 * - A lemma typed into a cloze shows the word was recalled but not its form in the sentence: a pass, with
 *   difficulty.
 * - Never Easy: the app cannot tell "easy" from "known" in a typed answer, and an unearned Easy pushes the
 *   next review far out; FSRS's own difficulty update already rewards a run of quick correct answers.
 *
 * Pure; the spelling comparison is the shared `normalizeAnswer`, so diacritics, hamza forms, ى/ي, ة/ه,
 * tatweel and punctuation do not count as mistakes.
 */
import { normalizeAnswer } from '~/generator/text/normalize'

/** FSRS ratings the grader can give (ts-fsrs `Rating` values: Again 1, Hard 2, Good 3). */
export type GradedRating = 1 | 2 | 3

/** Directions of cards graded by the app. */
export type TypedDirection = 'production' | 'cloze'

/** Time allowed to recall a word before a correct answer counts as slow, before typing (ms). */
export const BASE_THINK_MS = 8_000
/** Typing time allowed per letter of the expected answer (ms). */
export const MS_PER_LETTER = 600

/** The grader's verdict. */
export interface AnswerGrade {
  rating: GradedRating
  /** True when the answer is an accepted form (Good or Hard); false for Again and for the lemma-in-cloze case. */
  correct: boolean
  /** Why this rating, for the feedback line. */
  reason: 'wrong' | 'empty' | 'lemma_in_cloze' | 'slow' | 'fast'
}

/** What grading needs to know about the vocabulary item. */
export interface TypedCardKey {
  direction: TypedDirection
  /** The term as it occurs in the article sentence. */
  surface: string
  /** Its dictionary form. */
  lemma: string
}

/**
 * The time after which a correct answer counts as slow.
 * @param expected the answer the card expects (the surface for cloze, the lemma for production).
 * @returns milliseconds: {@link BASE_THINK_MS} + {@link MS_PER_LETTER} × letters of the normalised answer.
 * @example slowAfterMs('قاعدة') // 8000 + 5 × 600 = 11000
 */
export function slowAfterMs(expected: string): number {
  const letters = [...normalizeAnswer(expected).replace(/\s/g, '')].length
  return BASE_THINK_MS + MS_PER_LETTER * letters
}

/**
 * Rates a typed answer (see the table in the module header).
 * @param key the card's direction and the item's surface and lemma.
 * @param answer what the learner typed ('' for "I don't know").
 * @param durationMs time from showing the card to the answer, in ms, or null when unknown.
 * @returns the rating, whether the answer was right, and the reason.
 * @example
 * gradeTypedAnswer({ direction: 'cloze', surface: 'قاعدة', lemma: 'قاعدة' }, 'قاعده', 4000)
 * // { rating: 3, correct: true, reason: 'fast' }
 */
export function gradeTypedAnswer(key: TypedCardKey, answer: string, durationMs: number | null): AnswerGrade {
  const given = normalizeAnswer(answer)
  if (given === '') return { rating: 1, correct: false, reason: 'empty' }
  const accepted = key.direction === 'cloze' ? [key.surface] : [key.lemma, key.surface]
  if (!accepted.some((form) => normalizeAnswer(form) === given)) {
    if (key.direction === 'cloze' && normalizeAnswer(key.lemma) === given) {
      return { rating: 2, correct: false, reason: 'lemma_in_cloze' }
    }
    return { rating: 1, correct: false, reason: 'wrong' }
  }
  const expected = key.direction === 'cloze' ? key.surface : key.lemma
  if (durationMs !== null && durationMs > slowAfterMs(expected)) return { rating: 2, correct: true, reason: 'slow' }
  return { rating: 3, correct: true, reason: 'fast' }
}

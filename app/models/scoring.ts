/**
 * Pure scoring of a quiz submission. Choice questions (mcq, true/false, cloze) are correct when the chosen
 * option is the key. A short answer is correct when, after the generator's `normalizeAnswer` (diacritics,
 * hamza forms, punctuation), it
 * - equals the key or an accepted form; or
 * - holds the words of the key or of an accepted form, in order and contiguous, plus at most
 *   {@link MAX_EXTRA_WORDS} other words (a title or a first name: «الأستاذ فلاديمير تيخونوف» for
 *   «تيخونوف») none of which negates («ليس روسيا» is not «روسيا»);
 * and words are compared by their transliteration skeleton (`skeleton` of the generator's tokens), so a
 * foreign name spelt another way («فلادمير», «جونج» for «جونغ») counts; words whose skeleton is shorter than
 * three letters must match exactly.
 */
import { normalizeAnswer } from '~/generator/text/normalize'
import { skeleton, tokenize } from '~/generator/text/tokens'

/** Words a typed answer may carry beyond an accepted form (titles, first names). */
export const MAX_EXTRA_WORDS = 2

/** Extra words that turn an answer into its opposite: never accepted around a form. Normalised spellings. */
const NEGATIONS = new Set(['لا', 'ليس', 'ليست', 'لم', 'لن', 'غير', 'ما', 'not', 'no'])

/** The part of a stored question that scoring needs. */
export interface ScorableQuestion {
  id: string
  type: string
  key: string
  /** Every accepted surface form (the key and its variants). */
  accepted: string[]
}

export interface ScoredResponse {
  questionId: string
  /** The answer as the learner gave it (not normalised). */
  answer: string
  correct: boolean
}

export interface Score {
  /** Number of correct responses. */
  score: number
  /** Number of questions. */
  total: number
  /** One response per question, in question order. */
  responses: ScoredResponse[]
}

/**
 * Whether an answer is correct.
 * @param question the question with its key and accepted forms.
 * @param answer the learner's answer: the chosen option, or the typed text for short answers.
 * @example isCorrect({ id: 'q', type: 'short_answer', key: 'بوتين', accepted: ['بوتين'] }, ' بوتينُ ') // true
 */
export function isCorrect(question: ScorableQuestion, answer: string): boolean {
  if (question.type !== 'short_answer') return answer === question.key
  const given = normalizeAnswer(answer)
  if (given === '') return false
  const forms = [question.key, ...question.accepted]
  if (forms.some((form) => normalizeAnswer(form) === given)) return true
  const givenWords = words(given)
  return forms.some((form) => containsForm(givenWords, words(normalizeAnswer(form))))
}

function words(normalised: string): string[] {
  return tokenize(normalised).map((t) => t.norm)
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true
  const sa = skeleton(a)
  return sa.length >= 3 && sa === skeleton(b)
}

/** Whether `given` holds `form` as a contiguous run of words with at most MAX_EXTRA_WORDS non-negating others. */
function containsForm(given: readonly string[], form: readonly string[]): boolean {
  if (form.length === 0 || given.length < form.length || given.length - form.length > MAX_EXTRA_WORDS) return false
  for (let at = 0; at + form.length <= given.length; at++) {
    if (!form.every((word, i) => sameWord(given[at + i]!, word))) continue
    const extra = [...given.slice(0, at), ...given.slice(at + form.length)]
    if (extra.every((word) => !NEGATIONS.has(word))) return true
  }
  return false
}

/**
 * Scores answers to a quiz.
 * @param questions the quiz's questions in display order.
 * @param answers answer per question id; must hold one for every question.
 * @returns the score out of `questions.length` and one response per question.
 * @throws Error when a question has no answer (validate the submission first).
 */
export function scoreAnswers(questions: readonly ScorableQuestion[], answers: ReadonlyMap<string, string>): Score {
  const responses = questions.map((question) => {
    const answer = answers.get(question.id)
    if (answer === undefined) throw new Error(`scoreAnswers: no answer for question ${question.id}`)
    return { questionId: question.id, answer, correct: isCorrect(question, answer) }
  })
  return { score: responses.filter((r) => r.correct).length, total: questions.length, responses }
}

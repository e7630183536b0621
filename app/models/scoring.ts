/**
 * Pure scoring of a quiz submission. Choice questions (mcq, true/false, cloze) are correct when the chosen
 * option is the key; short answers are compared on the generator's `normalizeAnswer` key against the key
 * and every accepted form, so spelling variants, diacritics, hamza forms and punctuation do not matter.
 */
import { normalizeAnswer } from '~/generator/text/normalize'

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
  return [question.key, ...question.accepted].some((form) => normalizeAnswer(form) === given)
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

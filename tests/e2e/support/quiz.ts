/**
 * Filling in the quiz form (article quiz or assignment) the way a student does — clicking radio buttons
 * and typing — with the answers chosen from the stored keys, so a flow knows the exact score to expect.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { ANSWER_PREFIX } from '~/models/quiz-fields'
import { questionsById } from './db'

/** A wrong typed answer: Arabic words no generated key is made of. */
export const WRONG_TYPED_ANSWER = 'لا أدري'

/** What {@link answerQuiz} did. */
export interface AnsweredQuiz {
  /** Question ids in page order. */
  questionIds: string[]
  /** The ids answered wrongly on purpose. */
  wrongIds: string[]
  /** Items the page showed, and the score the stored keys say the submission earns. */
  total: number
  expectedScore: number
}

/**
 * Answers every question on the page: the stored key for all but the first `wrong` questions, which get
 * another option (or {@link WRONG_TYPED_ANSWER}). Does not submit.
 * @throws when the page shows no question, or a question's field is neither radios nor a text input.
 */
export async function answerQuiz(page: Page, { wrong }: { wrong: number }): Promise<AnsweredQuiz> {
  const fields = await page.evaluate((prefix) => {
    const seen = new Map<string, string>()
    for (const el of document.querySelectorAll<HTMLInputElement>('form input')) {
      if (el.name.startsWith(prefix) && !seen.has(el.name)) seen.set(el.name, el.type)
    }
    return [...seen].map(([name, type]) => ({ name, type }))
  }, ANSWER_PREFIX)
  expect(fields.length, 'questions on the quiz page').toBeGreaterThan(0)
  const ids = fields.map((f) => f.name.slice(ANSWER_PREFIX.length))
  const stored = questionsById(ids)
  const wrongIds: string[] = []
  for (const [i, field] of fields.entries()) {
    const question = stored.get(ids[i]!)!
    const answerWrongly = i < wrong
    if (answerWrongly) wrongIds.push(question.id)
    if (field.type === 'radio') {
      const radios = page.locator(`input[type="radio"][name="${cssString(field.name)}"]`)
      const values = await radios.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))
      const index = answerWrongly ? values.findIndex((v) => v !== question.key) : values.indexOf(question.key)
      expect(index, `an option of ${question.id} to choose (key ${question.key}, options ${values.join(' | ')})`).toBeGreaterThanOrEqual(0)
      await radios.nth(index).check()
    } else if (field.type === 'text') {
      await page.locator(`input[name="${cssString(field.name)}"]`).fill(answerWrongly ? WRONG_TYPED_ANSWER : question.key)
    } else {
      throw new Error(`question ${question.id}: unexpected field type ${field.type}`)
    }
  }
  return { questionIds: ids, wrongIds, total: ids.length, expectedScore: ids.length - wrongIds.length }
}

/** A value safe inside a double-quoted CSS attribute selector. */
export function cssString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
}

/** The attempt id of a result page URL (`/attempts/<id>`). */
export function attemptIdOf(url: string): string {
  const match = /\/attempts\/([^/?#]+)/.exec(new URL(url).pathname)
  if (!match) throw new Error(`not a result page: ${url}`)
  return match[1]!
}

import { describe, expect, it } from 'vitest'
import { isCorrect, scoreAnswers, type ScorableQuestion } from './scoring'

const mcq: ScorableQuestion = { id: 'q1', type: 'mcq', key: 'فلاديمير بوتين', accepted: ['فلاديمير بوتين', 'بوتين'] }
const tf: ScorableQuestion = { id: 'q2', type: 'true_false', key: 'صح', accepted: ['صح'] }
const short: ScorableQuestion = {
  id: 'q3',
  type: 'short_answer',
  key: 'شاهد-136',
  accepted: ['شاهد-136', 'شاهد 136', 'شاهد١٣٦'],
}

describe('isCorrect', () => {
  it('accepts exactly the key for choice questions', () => {
    expect(isCorrect(mcq, 'فلاديمير بوتين')).toBe(true)
    // An accepted variant is not an option: choice answers must be the key itself.
    expect(isCorrect(mcq, 'بوتين')).toBe(false)
    expect(isCorrect(tf, 'خطأ')).toBe(false)
  })

  it('compares short answers on the normalised key against every accepted form', () => {
    expect(isCorrect(short, 'شاهد-136')).toBe(true)
    expect(isCorrect(short, '  «شاهد ١٣٦» ')).toBe(true)
    expect(isCorrect(short, 'شاهِد 136')).toBe(true)
    expect(isCorrect(short, 'شاهد 131')).toBe(false)
    expect(isCorrect(short, '   ')).toBe(false)
  })

  it('folds hamza, teh marbuta and diacritics in short answers', () => {
    const q: ScorableQuestion = { id: 'q', type: 'short_answer', key: 'قاعدة فوستوتشني', accepted: [] }
    expect(isCorrect(q, 'قاعده فوستوتشنى')).toBe(true)
    expect(isCorrect(q, 'قَاعِدَةُ فوستوتشني')).toBe(true)
  })
})

describe('isCorrect: whole words and name skeletons', () => {
  const person: ScorableQuestion = { id: 'p', type: 'short_answer', key: 'تيخونوف', accepted: ['فلاديمير تيخونوف'] }

  it('accepts an accepted form inside the answer with at most two extra words', () => {
    expect(isCorrect(person, 'الأستاذ فلاديمير تيخونوف')).toBe(true)
    expect(isCorrect(person, 'السيد الأستاذ تيخونوف')).toBe(true)
    expect(isCorrect(person, 'هو السيد الأستاذ تيخونوف')).toBe(false)
  })

  it('matches whole words only, and never around a negation', () => {
    expect(isCorrect(person, 'تيخونوفي')).toBe(false)
    expect(isCorrect({ id: 'r', type: 'short_answer', key: 'روسيا', accepted: [] }, 'ليست روسيا')).toBe(false)
    expect(isCorrect({ id: 'r', type: 'short_answer', key: 'روسيا', accepted: [] }, 'إلى روسيا')).toBe(true)
  })

  it('accepts spelling variants of a name by their transliteration skeleton', () => {
    const kim: ScorableQuestion = { id: 'k', type: 'short_answer', key: 'كيم جونغ أون', accepted: [] }
    expect(isCorrect(kim, 'كيم جونج أون')).toBe(true)
    expect(isCorrect(person, 'فلادمير تيخونوف')).toBe(true)
    expect(isCorrect({ id: 'b', type: 'short_answer', key: 'بوتين', accepted: [] }, 'تيخونوف')).toBe(false)
    expect(isCorrect({ id: 'l', type: 'short_answer', key: 'شويغو', accepted: [] }, 'لافروف')).toBe(false)
  })

  it('leaves choice questions exact', () => {
    expect(isCorrect({ ...mcq }, 'الرئيس فلاديمير بوتين')).toBe(false)
  })
})

describe('scoreAnswers', () => {
  it('scores each question and counts the correct ones', () => {
    const result = scoreAnswers(
      [mcq, tf, short],
      new Map([
        ['q1', 'فلاديمير بوتين'],
        ['q2', 'خطأ'],
        ['q3', 'شاهد 136'],
      ]),
    )
    expect(result).toEqual({
      score: 2,
      total: 3,
      responses: [
        { questionId: 'q1', answer: 'فلاديمير بوتين', correct: true },
        { questionId: 'q2', answer: 'خطأ', correct: false },
        { questionId: 'q3', answer: 'شاهد 136', correct: true },
      ],
    })
  })

  it('scores an empty quiz as 0 of 0', () => {
    expect(scoreAnswers([], new Map())).toEqual({ score: 0, total: 0, responses: [] })
  })

  it('throws when a question has no answer', () => {
    expect(() => scoreAnswers([mcq], new Map())).toThrow('no answer for question q1')
  })
})

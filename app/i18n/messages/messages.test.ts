/**
 * Catalogue parity. The compiler already refuses an English table with a missing or extra key or a
 * different parameter shape (the `@ts-expect-error` lines below fail `tsc` if that ever stops being true);
 * the run-time check guards against a cast slipping a table past it, and every message renders.
 */
import { describe, expect, it } from 'vitest'
import { defineMessages, translator, type Catalogue, type MessageTable } from '../catalogue'
import { articleMessages } from './articles'
import { classroomMessages } from './classroom'
import { commonMessages } from './common'
import { quizMessages } from './quiz'
import { reviewText } from './review'
import { teacherMessages } from './teacher'
import { teacherArticleText } from './teacher-articles'

const catalogues: Record<string, Catalogue<MessageTable>> = {
  common: commonMessages,
  articles: articleMessages,
  quiz: quizMessages,
  classroom: classroomMessages,
  teacher: teacherMessages,
  teacherArticles: teacherArticleText,
  review: reviewText,
}

describe('message catalogues', () => {
  it('refuses, at compile time, an English table that misses or adds a key or changes parameters', () => {
    // @ts-expect-error the English table lacks `cancel`
    defineMessages({ ar: { save: 'احفظ', cancel: 'ألغِ' }, en: { save: 'Save' } })
    // @ts-expect-error the English table has a key the Arabic lacks
    defineMessages({ ar: { save: 'احفظ' }, en: { save: 'Save', extra: 'Extra' } })
    // @ts-expect-error the English message takes other parameters
    defineMessages({ ar: { n: (p: { n: number }) => `${p.n}` }, en: { n: (p: { count: string }) => p.count } })
    expect(true).toBe(true)
  })

  for (const [area, catalogue] of Object.entries(catalogues)) {
    it(`${area}: same keys and kinds in Arabic and English, every message non-empty`, () => {
      expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.ar).sort())
      for (const key of Object.keys(catalogue.ar)) {
        expect(typeof catalogue.en[key], key).toBe(typeof catalogue.ar[key])
        if (typeof catalogue.ar[key] === 'string') {
          expect((catalogue.ar[key] as string).length, key).toBeGreaterThan(0)
          expect((catalogue.en[key] as string).length, key).toBeGreaterThan(0)
        }
      }
    })
  }

  it('counts with CLDR plural rules in both languages', () => {
    const ar = translator(teacherMessages, 'ar')
    const en = translator(teacherMessages, 'en')
    expect([0, 1, 2, 3, 11, 100].map((n) => ar('students', { n }))).toEqual(['لا طلاب', 'طالب واحد', 'طالبان', '3 طلاب', '11 طالبًا', '100 طالب'])
    expect([1, 2].map((n) => en('students', { n }))).toEqual(['1 student', '2 students'])
    expect(translator(articleMessages, 'ar')('questionCount', { n: 12 })).toBe('12 سؤالًا')
    expect(translator(articleMessages, 'en')('questionCount', { n: 1 })).toBe('1 question')
  })
})

import { describe, expect, it } from 'vitest'
import { defineMessages, plural, translator } from './catalogue'

const messages = defineMessages({
  ar: { save: 'احفظ', cards: (p: { n: number }) => plural('ar', p.n, { one: 'بطاقة واحدة', two: 'بطاقتان', few: '# بطاقات', other: '# بطاقة' }) },
  en: { save: 'Save', cards: (p: { n: number }) => plural('en', p.n, { one: '# card', other: '# cards' }) },
})

describe('translator', () => {
  it('returns the message of the language', () => {
    expect(translator(messages, 'ar')('save')).toBe('احفظ')
    expect(translator(messages, 'en')('save')).toBe('Save')
  })
  it('applies CLDR plural rules in each language, with Western digits', () => {
    const ar = translator(messages, 'ar')
    expect([1, 2, 3, 11, 100].map((n) => ar('cards', { n }))).toEqual(['بطاقة واحدة', 'بطاقتان', '3 بطاقات', '11 بطاقة', '100 بطاقة'])
    expect(translator(messages, 'en')('cards', { n: 1 })).toBe('1 card')
    expect(translator(messages, 'en')('cards', { n: 12 })).toBe('12 cards')
  })
})

/**
 * findQuantities on sentences of the kind the newcomer's article had: a number list, Monday, a definite
 * numeral phrase, and a count after a proclitic.
 */
import { describe, expect, it } from 'vitest'
import { loadLexicon } from '~/lexicon/load.server'
import { findQuantities } from './recognize'

const lexicon = loadLexicon()
const texts = (s: string) => findQuantities(s, lexicon).map((q) => q.text)

describe('findQuantities', () => {
  it('ends a count at its noun when the next word starts another count', () => {
    expect(texts('عقوبات تستهدف خمس عشرة شركة وثمانية مسؤولين')).toEqual(['خمس عشرة شركة'])
  })
  it('keeps the adjective of the counted noun', () => {
    expect(texts('قتل ثلاثة قادة عسكريين في الغارة')).toEqual(['ثلاثة قادة عسكريين'])
  })
  it('reads no count inside a word: Monday, or a definite numeral phrase', () => {
    expect(texts('أقر الاتحاد يوم الاثنين حزمة عقوبات')).toEqual([])
    expect(texts('اجتماع وزراء خارجية الدول السبع والعشرين')).toEqual([])
  })
  it('reads a count after a one-letter proclitic, without the proclitic', () => {
    const s = 'أطلق صاروخين وثلاثة صواريخ في التجربة'
    expect(findQuantities(s, lexicon)).toEqual([
      { index: s.indexOf('صاروخين'), text: 'صاروخين' },
      { index: s.indexOf('ثلاثة'), text: 'ثلاثة صواريخ' },
    ])
  })
})

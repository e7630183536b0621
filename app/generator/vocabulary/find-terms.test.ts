/**
 * Vocabulary cards: a later form of an entry already carded is not given to another entry it only stems to.
 */
import { describe, expect, it } from 'vitest'
import { generateBank } from '../index'
import { loadLexicon } from '../../lexicon/load.server'

const lexicon = loadLexicon()
const cards = (text: string) => generateBank(text, lexicon, { articleKey: 'k' }).vocabulary.map((v) => `${v.surface}=${v.lemma}`)

describe('findTerms', () => {
  it('cards «مسؤولين» as مسؤول once, and never its later plural as مسؤولية (responsibility)', () => {
    const text =
      'فرض الاتحاد الأوروبي عقوبات على ثمانية مسؤولين في الحكومة يوم الاثنين.\nوقال مسؤولون في الاتحاد إن القرار اتخذ بالإجماع.\nوأضاف المسؤولين أن الحكومة تتحمل مسؤولية الهجمات.'
    const found = cards(text)
    expect(found).toContain('مسؤولين=مسؤول')
    expect(found.filter((c) => c.endsWith('=مسؤولية'))).toEqual(['مسؤولية=مسؤولية'])
  })
})

/**
 * Property tests (fast-check): the generator never throws on arbitrary text, every offset it reports
 * slices back to its text, and every item it emits passes the validator — also on the sample articles
 * with their sentences shuffled (the bank must not depend on one article's order).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../lexicon/load.server'
import { SAMPLES, loadSample } from '../../tests/support/samples'
import { generate } from './index'
import { validateItem } from './questions/validate'
import { segmentText } from './text/segments'
import { splitSentences } from './text/sentences'

const lexicon = loadLexicon()

function checkBank(text: string) {
  const r = generate(text, lexicon, { articleKey: 'prop' })
  for (const s of r.bank.article.sentences) expect(text.slice(s.start, s.end)).toBe(s.text)
  for (const e of r.bank.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text)
  for (const q of r.bank.questions) {
    expect(q.stem.trim()).not.toBe('')
    expect(q.key.trim()).not.toBe('')
    expect(validateItem(q, text, r.analysis.segments)).toEqual([])
  }
  for (const v of r.bank.vocabulary) expect(text.slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.text)
  return r
}

describe('generator properties', () => {
  it('never throws and reports only offsets that slice back, on arbitrary Unicode', () => {
    const arabicish = fc.string({ unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآةى،.؟!"«»()-\n0123456789٠١٢ًٌٍَُِّْـ\u200c\u200f'.split('')), maxLength: 600 })
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), arabicish), (s) => void checkBank(s)), { numRuns: 150 })
  })

  it('emits only valid items when the sentences of a sample article are shuffled', () => {
    const pieces = SAMPLES.map((name) => {
      const { text } = loadSample(name)
      return splitSentences(text, segmentText(text)).map((s) => s.text)
    })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SAMPLES.length - 1 }), fc.integer(), (which, seed) => {
        const sentences = [...pieces[which]!]
        let x = seed >>> 0
        for (let i = sentences.length - 1; i > 0; i--) {
          x = (Math.imul(x, 1103515245) + 12345) >>> 0
          const j = x % (i + 1)
          ;[sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!]
        }
        checkBank(sentences.join(' '))
      }),
      { numRuns: 25 },
    )
  })

  it('says plainly when an article gives nothing to ask', () => {
    const r = checkBank('هذا نص قصير. ')
    expect(r.bank.questions).toEqual([])
    expect(r.quiz).toEqual([])
  })
})

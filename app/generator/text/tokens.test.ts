import { describe, expect, it } from 'vitest'
import { cliticBases, skeleton, stemCandidates, tokenize } from './tokens'

const norm = (w: string) => tokenize(w)[0]!.norm

describe('tokenize', () => {
  it('keeps offsets into the raw text and hyphenated model names whole', () => {
    const text = 'مسيرة "شاهد-136" ومنظومة IRIS-T'
    const toks = tokenize(text)
    expect(toks.map((t) => t.text)).toEqual(['مسيرة', 'شاهد-136', 'ومنظومة', 'IRIS-T'])
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text)
  })

  it('drops the accusative tanwin alef from the matching form', () => {
    expect(norm('صاروخاً')).toBe('صاروخ')
    expect(norm('باليستياً')).toBe('باليستي')
  })
})

describe('light stemming (Light10-style candidates)', () => {
  it.each([
    ['لروسيا', 'روسيا'],
    ['للأقمار', 'اقمار'],
    ['والغواصات', 'غواص'],
    ['وبوتين', 'بوتين'],
    ['المدفعية', 'مدفعيه'],
  ])('%s has the candidate %s', (word, stem) => {
    expect(stemCandidates(norm(word))).toContain(stem)
  })

  it('keeps a name whole as its first candidate', () => {
    expect(stemCandidates(norm('بكين'))[0]).toBe('بكين')
    expect(cliticBases(norm('فلاديمير'))[0]).toBe('فلاديمير')
  })
})

describe('transliteration skeletons', () => {
  it.each([
    ['جونج', 'جونغ'],
    ['فلاديمير', 'فلادمير'],
    ['بالستي', 'باليستي'],
    ['سيرغي', 'سيرجي'],
  ])('merge %s and %s', (a, b) => {
    expect(skeleton(norm(a))).toBe(skeleton(norm(b)))
  })

  it.each([
    ['شويغو', 'لافروف'],
    ['بوتين', 'تيخونوف'],
  ])('keep %s and %s apart', (a, b) => {
    expect(skeleton(norm(a))).not.toBe(skeleton(norm(b)))
  })
})

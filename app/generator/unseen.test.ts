/**
 * Regressions found by reading the generator's output on articles written after the generator (tests/fixtures/
 * unseen-*.ar.txt: a Maghreb diplomatic row and a cross-border strike), each assertion a mistake that was
 * once made there.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../lexicon/load.server'
import { generate } from './index'

const lexicon = loadLexicon()
const run = (name: string) => {
  const text = readFileSync(`tests/fixtures/${name}`, 'utf8')
  return { text, ...generate(text, lexicon, { articleKey: name }) }
}

describe('unseen Maghreb article', () => {
  const { text, bank, analysis } = run('unseen-maghreb.ar.txt')
  it('leaves the «PLACE (AGENCY) -» dateline out of the body', () => {
    const credit = analysis.segments.filter((s) => s.kind === 'credit').map((s) => text.slice(s.start, s.end).trim())
    expect(credit[0]).toMatch(/^الجزائر \(رويترز\) -$/)
    expect(bank.questions.some((q) => q.stem.startsWith('_____ -'))).toBe(false)
  })
  it('offers neighbouring countries, not far-away ones, beside a North African key', () => {
    const where = bank.questions.filter((q) => q.skill === 'where' && q.key === 'الجزائر' && q.type !== 'true_false')
    expect(where.length).toBeGreaterThan(0)
    const farAway = ['نيوي', 'ليبيريا', 'بيلاروسيا']
    for (const q of where) for (const o of q.options) expect(farAway).not.toContain(o)
  })
})

describe('unseen cross-border strike article', () => {
  const { bank, analysis } = run('unseen-kurdistan.ar.txt')
  const names = (type: string) => analysis.entities.filter((e) => e.type === type).map((e) => e.canonical)
  it('does not read fighters (people) as fighter jets, nor «بنحو» as a place', () => {
    expect(names('weapon')).not.toContain('مقاتلة')
    expect(names('place')).not.toContain('بنحو')
  })
  it('ends a count before «على الأقل» and an organisation before the verb’s object', () => {
    expect(names('number')).toContain('9 أشخاص')
    expect(names('organization')).toContain('وزارة الخارجية العراقية')
  })
  it('finds the dateline «PLACE - أ ف ب:» and never blanks it', () => {
    expect(bank.questions.some((q) => /^_____ - أ ف ب/.test(q.stem))).toBe(false)
  })
})

/**
 * The generator on the held-out development set (tests/fixtures/heldout: articles in other outlets' styles,
 * written for the project and never tuned to): the contract, grounding and page furniture hold, and the
 * annotated key facts are covered.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { missedFacts, type Fact } from '../../scripts/lib/coverage'
import { loadLexicon } from '../lexicon/load.server'
import { generate } from './index'
import { BankSchema } from './schema'
import { normalizeAnswer } from './text/normalize'

const dir = path.resolve('tests/fixtures/heldout')
const lexicon = loadLexicon()
const files = readdirSync(dir).filter((f) => f.endsWith('.ar.txt')).sort()

describe.each(files)('held-out %s', (file) => {
  const text = readFileSync(path.join(dir, file), 'utf8')
  const expected = JSON.parse(readFileSync(path.join(dir, file.replace('.ar.txt', '.expected.json')), 'utf8')) as {
    boilerplate: string[]
    caption?: string
    facts: Fact[]
  }
  const { bank } = generate(text, lexicon, { articleKey: file })

  it('keeps the contract, grounds every key and slices every offset back', () => {
    expect(() => BankSchema.parse(bank)).not.toThrow()
    for (const q of bank.questions) {
      expect(text.slice(q.evidence.start, q.evidence.end)).toBe(q.evidence.text)
      if (q.type !== 'true_false' && q.type !== 'matching') expect(normalizeAnswer(q.evidence.text)).toContain(normalizeAnswer(q.key))
    }
    for (const e of bank.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text)
  })

  it('takes no evidence from the caption, credits or page furniture', () => {
    const zones = [...expected.boilerplate, ...(expected.caption ? [expected.caption] : [])]
    for (const item of [...bank.questions, ...bank.vocabulary]) {
      for (const z of zones) expect(item.evidence.text.includes(z) && z.length > 12, z).toBe(false)
    }
  })

  it('covers at least 80% of the annotated key facts', () => {
    const missed = missedFacts(bank, expected.facts)
    expect(1 - missed.length / expected.facts.length, missed.map((f) => f.question_en).join('; ')).toBeGreaterThanOrEqual(0.8)
  })
})

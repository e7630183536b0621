import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../../lexicon/load.server'
import { loadSample } from '../../../tests/support/samples'
import { generate } from '../index'
import { bankToGift, escapeGift } from './gift'
import { parseGift } from '../../../tests/support/export-parsers'

describe('GIFT export', () => {
  it('escapes the special characters', () => {
    expect(escapeGift('a:b=c~d#e{f}g\\')).toBe('a\\:b\\=c\\~d\\#e\\{f\\}g\\\\')
  })

  it('writes every question of the Vostochny bank in a form that parses back to the same keys', () => {
    const { text } = loadSample('00-putin-kim-vostochny')
    const { bank } = generate(text, loadLexicon(), { articleKey: 'putin-kim-vostochny' })
    const parsed = parseGift(bankToGift(bank, 'putin-kim-vostochny'))
    expect(parsed).toHaveLength(bank.questions.length)
    bank.questions.forEach((q, i) => {
      const p = parsed[i]!
      if (q.type === 'true_false') expect(p.tf).toBe(q.key === 'صح')
      else if (q.type === 'short_answer') expect(p.right).toContain(q.key)
      else if (q.type === 'matching') expect(p.right).toEqual(q.options.map((o) => o.replace(' ↔ ', ' -> ')))
      else {
        expect(p.right).toEqual([q.key])
        expect([...p.right, ...p.wrong].sort()).toEqual([...q.options].sort())
      }
    })
  })
})

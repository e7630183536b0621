import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../../lexicon/load.server'
import { loadSample } from '../../../tests/support/samples'
import { generate } from '../index'
import { bankToGift, escapeGift } from './gift'

/**
 * A strict reader of the GIFT subset we write (Moodle's grammar: blocks, ::title::, answer sets with = / ~,
 * T/F, #feedback, backslash escapes): returns each question's title, text and answers, or throws.
 */
function parseGift(src: string) {
  const out: Array<{ title: string; text: string; right: string[]; wrong: string[]; tf?: boolean }> = []
  for (const block of src.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => !l.startsWith('//') && !l.startsWith('$CATEGORY:') && l.trim())
    if (!lines.length) continue
    const s = lines.join(' ')
    let i = 0
    const readUntil = (stop: (c: string) => boolean) => {
      let buf = ''
      while (i < s.length && !stop(s[i]!)) {
        if (s[i] === '\\') {
          if (!/[~=#{}:\\]/.test(s[i + 1] ?? '')) throw new Error(`bad escape in ${s}`)
          buf += s[i + 1]
          i += 2
        } else buf += s[i++]
      }
      return buf
    }
    if (!s.startsWith('::')) throw new Error(`no title: ${s}`)
    i = 2
    const title = readUntil((c) => c === ':')
    if (s.slice(i, i + 2) !== '::') throw new Error(`unclosed title: ${s}`)
    i += 2
    let text = readUntil((c) => c === '{')
    if (s[i] !== '{') throw new Error(`no answer set: ${s}`)
    i++
    const set = readUntil((c) => c === '}')
    if (s[i] !== '}') throw new Error(`unclosed answer set: ${s}`)
    i++
    text += readUntil(() => false)
    if (/[{}]/.test(set)) throw new Error('nested braces')
    const q = { title, text: text.trim(), right: [] as string[], wrong: [] as string[], tf: undefined as boolean | undefined }
    const body = set.split('#')[0]!.trim()
    if (body === 'T' || body === 'F') q.tf = body === 'T'
    else for (const m of body.matchAll(/([=~])([^=~]*)/g)) (m[1] === '=' ? q.right : q.wrong).push(m[2]!.trim())
    out.push(q)
  }
  return out
}

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

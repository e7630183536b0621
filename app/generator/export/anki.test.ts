import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../../lexicon/load.server'
import { loadSample } from '../../../tests/support/samples'
import { generate } from '../index'
import type { BankVocabulary } from '../schema'
import { ANKI_COLUMNS, vocabularyToAnkiTsv } from './anki'
import { parseAnkiTsv } from '../../../tests/support/export-parsers'

describe('Anki TSV export', () => {
  it('writes the header lines and one note per vocabulary item that parse back to the same fields', () => {
    const { bank } = generate(loadSample('01-xi-moscow-visit').text, loadLexicon(), { articleKey: 'xi-moscow-visit' })
    expect(bank.vocabulary.length).toBeGreaterThan(3)
    const tsv = vocabularyToAnkiTsv(bank.vocabulary, { deck: 'Fahm::زيارة شي', tags: ['xi-moscow-visit'] })
    const { headers, rows } = parseAnkiTsv(tsv)
    expect(headers).toEqual({
      separator: 'tab',
      html: 'false',
      notetype: 'Basic',
      deck: 'Fahm::زيارة شي',
      columns: ANKI_COLUMNS.join('\t'),
      'tags column': '3',
    })
    expect(rows).toEqual(
      bank.vocabulary.map((v) => [v.surface, [v.gloss_en, v.root ? `${v.lemma} (${v.root})` : v.lemma, v.evidence.text].join('\n'), 'fahm xi-moscow-visit']),
    )
  })

  it('keeps tabs, line breaks, quotes and a leading # inside one field', () => {
    const v: BankVocabulary = {
      id: 'v1',
      surface: '#وسم\tمع "علامة"',
      lemma: 'وسم',
      root: null,
      gloss_en: 'tag\r\nline',
      evidence: { start: 0, end: 3, text: 'جملة\tفيها\nسطر' },
    }
    const tsv = vocabularyToAnkiTsv([v, { ...v, id: 'v2', surface: 'ثان' }], { deck: 'سطر\nثان', tags: ['a b'] })
    const { headers, rows } = parseAnkiTsv(tsv)
    expect(headers.deck).toBe('سطر ثان')
    expect(rows).toEqual([
      [v.surface, `tag\r\nline\nوسم\n${v.evidence.text}`, 'fahm a_b'],
      ['ثان', `tag\r\nline\nوسم\n${v.evidence.text}`, 'fahm a_b'],
    ])
    // Exactly one header block, then the first record starts with a quote (it begins with «#»).
    expect(tsv.split('\n')[6]!.startsWith('"#')).toBe(true)
  })
})

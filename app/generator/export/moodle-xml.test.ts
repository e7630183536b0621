import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../../lexicon/load.server'
import { loadSample } from '../../../tests/support/samples'
import { generate } from '../index'
import type { BankQuestion } from '../schema'
import { escapeClozeAnswer, questionsToMoodleXml } from './moodle-xml'
import { expectSameItems, parseMoodleXml } from '../../../tests/support/export-parsers'

describe('Moodle XML export', () => {
  it('escapes the characters of embedded answers', () => {
    expect(escapeClozeAnswer('a}b#c~d/e"f\\g')).toBe('a\\}b\\#c\\~d\\/e\\"f\\\\g')
  })

  it('writes every item of each sample bank so that it parses back to the same stems, keys and distractors', () => {
    const seen = new Set<string>()
    for (const [name, key] of [
      ['00-putin-kim-vostochny', 'putin-kim-vostochny'],
      ['02-shahed-drones-kyiv', 'shahed-drones-kyiv'],
    ] as const) {
      const { bank } = generate(loadSample(name).text, loadLexicon(), { articleKey: key })
      for (const q of bank.questions) seen.add(q.type)
      const xml = questionsToMoodleXml(bank.questions, 'عنوان/فرعي')
      const parsed = parseMoodleXml(xml)
      expect(parsed.category).toBe('$course$/top/عنوان//فرعي')
      expectSameItems(parsed.questions, bank.questions)
    }
    expect([...seen].sort()).toEqual(['cloze', 'matching', 'mcq', 'short_answer', 'true_false'])
  })

  it('keeps characters XML, HTML and the cloze syntax give meaning to', () => {
    const evil = 'A&B <b>x</b> ]]> "q" \'s {1:X} ~=#/\\'
    const base = { skill: 'who' as const, accepted: [] as string[], explanation: 'لأن & <', evidence: { start: 0, end: 5, text: `${evil} جملة` } }
    const questions: BankQuestion[] = [
      { ...base, id: 'm', type: 'mcq', stem: `من ${evil}؟`, options: ['أ', evil, 'ج', 'د'], key: evil },
      { ...base, id: 'c', type: 'cloze', stem: `قال ${evil} _____ أمس`, options: [evil, 'ب}', 'ج~', 'د#'], key: 'ب}' },
      { ...base, id: 't', type: 'true_false', stem: evil, options: ['صح', 'خطأ'], key: 'خطأ' },
      { ...base, id: 's', type: 'short_answer', stem: evil, options: [], key: 'AT&T', accepted: ['AT&T', 'أ<ب'] },
    ]
    const parsed = parseMoodleXml(questionsToMoodleXml(questions, evil))
    expectSameItems(parsed.questions, questions)
  })
})

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../../lexicon/load.server'
import { loadSample } from '../../../tests/support/samples'
import { generate } from '../index'
import type { BankQuestion } from '../schema'
import { escapeClozeAnswer, questionsToMoodleXml } from './moodle-xml'

/** What a Moodle question carries back: its type, stem (blank restored), answers by fraction, feedback. */
interface ParsedQuestion {
  type: string
  name: string
  stem: string
  right: string[]
  wrong: string[]
  feedback: string
  pairs?: string[]
}

const unhtml = (s: string) =>
  s
    .replace(/^<p dir="rtl">/, '')
    .replace(/<\/p>$/, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

/** Reads one `{1:MULTICHOICE:…}` subquestion with Moodle's backslash escapes; throws on anything else. */
function parseCloze(text: string): { before: string; after: string; right: string[]; wrong: string[] } {
  const open = text.indexOf('{1:MULTICHOICE:')
  if (open < 0) throw new Error(`no subquestion in ${text}`)
  let i = open + '{1:MULTICHOICE:'.length
  const answers: { text: string; right: boolean }[] = [{ text: '', right: false }]
  for (; i < text.length && text[i] !== '}'; i++) {
    const c = text[i]!
    const current = answers[answers.length - 1]!
    if (c === '\\') current.text += text[++i]!
    else if (c === '~') answers.push({ text: '', right: false })
    else if (c === '=' && current.text === '') current.right = true
    else current.text += c
  }
  if (text[i] !== '}') throw new Error(`unclosed subquestion in ${text}`)
  return {
    before: text.slice(0, open),
    after: text.slice(i + 1),
    right: answers.filter((a) => a.right).map((a) => unhtml(a.text)),
    wrong: answers.filter((a) => !a.right).map((a) => unhtml(a.text)),
  }
}

/** Parses a Moodle XML quiz with fast-xml-parser (entities decoded by the parser, not by us). */
export function parseMoodleXml(xml: string): { category: string; questions: ParsedQuestion[] } {
  expect(XMLValidator.validate(xml)).toBe(true)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    isArray: (name) => ['question', 'answer', 'subquestion'].includes(name),
  })
  type Text = { text: string }
  type Q = {
    type: string
    name?: Text
    category?: Text
    questiontext?: Text
    generalfeedback?: Text
    answer?: { fraction: string; text: string }[]
    subquestion?: { text: string; answer: Text[] }[]
  }
  const doc = parser.parse(xml) as { quiz: { question: Q[] } }
  const [cat, ...rest] = doc.quiz.question
  expect(cat!.type).toBe('category')
  return {
    category: cat!.category!.text,
    questions: rest.map((q) => {
      const parsed: ParsedQuestion = {
        type: q.type,
        name: q.name!.text,
        stem: unhtml(q.questiontext!.text),
        right: [],
        wrong: [],
        feedback: q.generalfeedback!.text,
      }
      if (q.type === 'cloze') {
        const c = parseCloze(q.questiontext!.text)
        parsed.stem = `${unhtml(c.before)}_____${unhtml(c.after)}`
        parsed.right = c.right
        parsed.wrong = c.wrong
      } else if (q.type === 'matching') {
        parsed.pairs = q.subquestion!.map((s) => `${unhtml(s.text)} ↔ ${s.answer[0]!.text}`)
      } else {
        for (const a of q.answer ?? []) {
          const text = q.type === 'multichoice' ? unhtml(a.text) : a.text
          if (a.fraction === '100') parsed.right.push(text)
          else if (a.fraction === '0') parsed.wrong.push(text)
          else throw new Error(`unexpected fraction ${a.fraction}`)
        }
      }
      return parsed
    }),
  }
}

/** Checks every item against its parse: stem, key at fraction 100, distractors at fraction 0, evidence. */
export function expectSameItems(parsed: ParsedQuestion[], questions: readonly BankQuestion[]) {
  expect(parsed).toHaveLength(questions.length)
  questions.forEach((q, i) => {
    const p = parsed[i]!
    expect(p.feedback).toContain(`<p dir="rtl">`)
    expect(unhtml(p.feedback.split('</p>')[0]!)).toBe(q.evidence.text)
    switch (q.type) {
      case 'true_false':
        expect(p).toMatchObject({ type: 'truefalse', stem: q.stem, right: [q.key === 'صح' ? 'true' : 'false'], wrong: [q.key === 'صح' ? 'false' : 'true'] })
        break
      case 'short_answer':
        expect(p).toMatchObject({ type: 'shortanswer', stem: q.stem, wrong: [] })
        expect(p.right[0]).toBe(q.key)
        expect(new Set(p.right)).toEqual(new Set([q.key, ...q.accepted]))
        break
      case 'matching':
        expect(p).toMatchObject({ type: 'matching', stem: q.stem, pairs: q.options })
        break
      default:
        expect(p).toMatchObject({ type: q.type === 'cloze' ? 'cloze' : 'multichoice', stem: q.stem, right: [q.key] })
        expect(p.wrong).toEqual(q.options.filter((o) => o !== q.key))
    }
  })
}

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
    const base = { skill: 'who', accepted: [], explanation: 'لأن & <', evidence: { start: 0, end: 5, text: `${evil} جملة` } } as const
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

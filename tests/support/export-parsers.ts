/**
 * Test support: strict readers of the files the exports write (GIFT, Moodle XML with fast-xml-parser, Anki
 * TSV with csv-parse), so tests check a file by parsing it back to the values it must hold.
 */
import { parse } from 'csv-parse/sync'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { expect } from 'vitest'
import type { BankQuestion } from '~/generator/schema'

/**
 * A strict reader of the GIFT subset we write (Moodle's grammar: blocks, ::title::, answer sets with = / ~,
 * T/F, #feedback, backslash escapes): returns each question's title, text and answers, or throws.
 */
export function parseGift(src: string) {
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

/**
 * Reads an Anki text import the way Anki does: `#key:value` header lines at the top, then tab-separated
 * records with double-quoted fields (csv-parse, `#` lines skipped as comments).
 */
export function parseAnkiTsv(tsv: string): { headers: Record<string, string>; rows: string[][] } {
  const headers: Record<string, string> = {}
  for (const line of tsv.split('\n')) {
    const m = /^#([^:]+):(.*)$/.exec(line)
    if (!m) break
    headers[m[1]!] = m[2]!
  }
  const rows = parse(tsv, { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: false }) as string[][]
  return { headers, rows }
}


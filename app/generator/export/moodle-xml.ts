/**
 * Moodle XML export of quiz items ("Moodle XML format", docs.moodle.org/en/Moodle_XML_format): a `<quiz>`
 * holding a `category` pseudo-question and one `<question type="…">` per item, written with xmlbuilder2
 * (which escapes `&`, `<`, `>` in text and quotes in attributes, so no text ever breaks the XML).
 *
 * Item types:
 * - `mcq` → `multichoice` (single answer, shuffled): the key with `fraction="100"`, each distractor `0`.
 * - `true_false` → `truefalse`: answers `true` / `false`, the key's side with fraction 100.
 * - `short_answer` → `shortanswer` (case-insensitive): every accepted form with fraction 100.
 * - `cloze` → Moodle's `cloze` type ("Embedded answers", qtype_multianswer) with one `MULTICHOICE`
 *   subquestion where the blank was: `{1:MULTICHOICE:option~=key~option~option}`. Chosen over a short
 *   answer because our cloze items are selected-response items — the student picks one of four options
 *   inside the sentence — and a short answer would drop the distractors, turning the item into a harder,
 *   different one whose facility index could not be compared with the app's. Inside the braces Moodle's
 *   embedded-answer syntax needs `}`, `#`, `~`, `/`, `"` and `\` escaped with a backslash (Moodle docs,
 *   "Embedded Answers (Cloze) question type"); {@link escapeClozeAnswer} does that.
 * - `matching` → `matching`: each «left ↔ right» pair a `<subquestion>` with its `<answer>`.
 *
 * Texts are Moodle `html`: the stem and feedback wrapped in `<p dir="rtl">` (the items are Arabic and a
 * Moodle site may be left-to-right), their characters HTML-escaped first. `<generalfeedback>` (shown after
 * the attempt whatever the answer) carries the evidence sentence, then the explanation. A leading
 * `category` question files the items under `$course$/top/<category>`; a `/` inside the name is doubled,
 * Moodle's escape for a slash that is not a path separator.
 */
import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces'
import { PAIR } from '../questions/build'
import type { BankQuestion } from '../schema'
import { moodleCategoryName } from './gift'

const BLANK = '_____'

/** Escapes the characters HTML gives meaning to (`& < > " '`), for text placed in a Moodle html field. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** Escapes an answer inside a Moodle embedded-answer (cloze) subquestion: `}`, `#`, `~`, `/`, `"`, `\`. */
export function escapeClozeAnswer(s: string): string {
  return s.replace(/([}#~/"\\])/g, '\\$1')
}

const rtl = (text: string) => `<p dir="rtl">${escapeHtml(text)}</p>`

function html(parent: XMLBuilder, tag: string, content: string, attrs: Record<string, string> = {}): void {
  parent.ele(tag, { ...attrs, format: 'html' }).ele('text').txt(content)
}

function feedback(q: BankQuestion): string {
  return `${rtl(q.evidence.text)}${rtl(q.explanation)}`
}

function common(el: XMLBuilder, q: BankQuestion, index: number, questionText: string): void {
  el.ele('name').ele('text').txt(`${String(index + 1).padStart(2, '0')} ${q.skill} ${q.type}`)
  html(el, 'questiontext', questionText)
  html(el, 'generalfeedback', feedback(q))
  el.ele('defaultgrade').txt('1')
  el.ele('penalty').txt('0.3333333')
  el.ele('hidden').txt('0')
}

function answer(el: XMLBuilder, fraction: 0 | 100, text: string, format: 'html' | 'plain_text' = 'html'): void {
  el.ele('answer', { fraction: String(fraction), format }).ele('text').txt(format === 'html' ? escapeHtml(text) : text)
}

/**
 * One item as a Moodle `<question>` element appended to `quiz` (see the module header for the mapping).
 * @param index the item's place in the file (0-based), used in its name (`01 who mcq`).
 */
export function appendMoodleQuestion(quiz: XMLBuilder, q: BankQuestion, index: number): void {
  switch (q.type) {
    case 'true_false': {
      const el = quiz.ele('question', { type: 'truefalse' })
      common(el, q, index, rtl(q.stem))
      // Moodle reads the literal words `true` and `false` here, whatever the site's language.
      answer(el, q.key === 'صح' ? 100 : 0, 'true', 'plain_text')
      answer(el, q.key === 'صح' ? 0 : 100, 'false', 'plain_text')
      return
    }
    case 'short_answer': {
      const el = quiz.ele('question', { type: 'shortanswer' })
      common(el, q, index, rtl(q.stem))
      el.ele('usecase').txt('0')
      for (const a of new Set([q.key, ...q.accepted])) answer(el, 100, a, 'plain_text')
      return
    }
    case 'cloze': {
      const at = q.stem.indexOf(BLANK)
      const sub = `{1:MULTICHOICE:${q.options.map((o) => `${o === q.key ? '=' : ''}${escapeClozeAnswer(escapeHtml(o))}`).join('~')}}`
      const text =
        at < 0
          ? `<p dir="rtl">${escapeHtml(q.stem)} ${sub}</p>`
          : `<p dir="rtl">${escapeHtml(q.stem.slice(0, at))}${sub}${escapeHtml(q.stem.slice(at + BLANK.length))}</p>`
      const el = quiz.ele('question', { type: 'cloze' })
      common(el, q, index, text)
      return
    }
    case 'matching': {
      const el = quiz.ele('question', { type: 'matching' })
      common(el, q, index, rtl(q.stem))
      el.ele('shuffleanswers').txt('true')
      for (const pair of q.options) {
        const [left, right] = pair.split(PAIR)
        if (left === undefined || right === undefined) continue
        const s = el.ele('subquestion', { format: 'html' })
        s.ele('text').txt(escapeHtml(left))
        s.ele('answer').ele('text').txt(right)
      }
      return
    }
    default: {
      const el = quiz.ele('question', { type: 'multichoice' })
      common(el, q, index, rtl(q.stem))
      el.ele('single').txt('true')
      el.ele('shuffleanswers').txt('true')
      el.ele('answernumbering').txt('abc')
      for (const o of q.options) answer(el, o === q.key ? 100 : 0, o)
    }
  }
}

/**
 * Items as a Moodle XML question file.
 * @param questions the items in the order they should appear (an assignment's chosen items, or a bank).
 * @param category the category to file them under (e.g. the article title), below the course's top.
 * @returns the XML document (UTF-8 declared), ready to be served as `application/xml`.
 */
export function questionsToMoodleXml(questions: readonly BankQuestion[], category: string): string {
  const quiz = create({ version: '1.0', encoding: 'UTF-8' }).ele('quiz')
  quiz.ele('question', { type: 'category' }).ele('category').ele('text').txt(`$course$/top/${moodleCategoryName(category)}`)
  questions.forEach((q, i) => appendMoodleQuestion(quiz, q, i))
  return quiz.end({ prettyPrint: true })
}

/**
 * Sentence splitting with UTF-16 offsets into the raw text.
 *
 * Why not `Intl.Segmenter`: measured on the sample articles (ARABIC-NOTES.md), its sentence mode has no
 * Arabic tailoring and (1) fuses an embedded photo caption with the next sentence, (2) shatters credit
 * lines such as «د.ب.أ» at every dot before a letter, (3) splits quotations at an inner full stop and moves
 * the closing quote to the next sentence, and (5) makes «مشاركة :» a sentence. Correcting all four costs
 * more than the rules below, which are:
 * - terminators: `.` `!` `?` `؟` `؛` `…` (the Arabic semicolon ends a sentence in news prose);
 * - a dot is not a terminator between digits (3.5), before a letter with no space (initialisms «أ.ف.ب»),
 *   or after a one-letter word («م.»);
 * - terminators inside a quotation («» “” or paired ASCII ") or a parenthesis do not split; quote pairing
 *   is bounded (600 code units) and tolerant: an ASCII " that opens while another is open closes nothing
 *   and the earlier one is treated as unclosed (the seed article has one);
 * - closing quotes and parentheses right after a terminator belong to the sentence;
 * - a line break always ends a sentence (segments are line-based).
 */
import type { Segment } from './segments'

/** A body sentence: UTF-16 offsets `[start, end)` and `text === raw.slice(start, end)`. */
export interface Sentence {
  id: string
  start: number
  end: number
  text: string
}

const TERMINATORS = new Set(['.', '!', '?', '؟', '؛', '…'])
const CLOSERS = new Set(['"', '»', '”', "'", ')', ']', '’'])
const MAX_QUOTE = 600
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)
const isDigit = (c: string | undefined) => c !== undefined && /[0-9\u0660-\u0669\u06F0-\u06F9]/.test(c)
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c)

/**
 * Ranges inside `[from, to)` protected from splitting: paired quotations and parentheses.
 * @returns `[open, close]` offset pairs (inclusive of the marks).
 */
function protectedRanges(text: string, from: number, to: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let ascii: number | null = null
  const stack: Array<{ ch: string; at: number }> = []
  const pairs: Record<string, string> = { '«': '»', '“': '”', '(': ')' }
  // visit only the quotation marks and parentheses (a regex scan), not every code unit
  const marks = /["«»“”()]/g
  marks.lastIndex = from
  for (let m = marks.exec(text); m && m.index < to; m = marks.exec(text)) {
    const i = m.index
    const c = text[i]!
    if (c === '"') {
      const prev = text[i - 1]
      const next = text[i + 1]
      const opener = (i === from || isSpace(prev) || /[(\[:،,«]/.test(prev!)) && !isSpace(next)
      if (ascii !== null && (!opener || i - ascii > MAX_QUOTE)) {
        if (i - ascii <= MAX_QUOTE) ranges.push([ascii, i])
        ascii = null
      } else if (opener) {
        ascii = i // an earlier unclosed quote is dropped here
      }
      continue
    }
    if (c in pairs) {
      stack.push({ ch: c, at: i })
      continue
    }
    const top = stack[stack.length - 1]
    if (top && pairs[top.ch] === c) {
      stack.pop()
      if (i - top.at <= MAX_QUOTE) ranges.push([top.at, i])
    }
  }
  return ranges
}

let cacheText: string | null = null
let cache = new Map<string, number[]>()

/**
 * Offsets just past each sentence end in `[from, to)` (after the terminator and any closing quotes or
 * parentheses that follow it).
 * @param text the raw text; @param from,to UTF-16 offsets bounding the search.
 * @returns ascending offsets; never throws.
 */
export function findSentenceTerminators(text: string, from: number, to: number): number[] {
  // The segmenter and the splitter ask for the same ranges of one text: remember the last text's answers.
  if (cacheText !== text) {
    cacheText = text
    cache = new Map()
  }
  const key = `${from}:${to}`
  const hit = cache.get(key)
  if (hit) return hit
  const out = findTerminatorsUncached(text, from, to)
  cache.set(key, out)
  return out
}

function findTerminatorsUncached(text: string, from: number, to: number): number[] {
  const ranges = protectedRanges(text, from, to)
  // a mark per protected code unit, so the test per character is O(1)
  const covered = new Uint8Array(Math.max(0, to - from))
  for (const [a, b] of ranges) covered.fill(1, a + 1 - from, b - from)
  const inside = (i: number) => covered[i - from] === 1
  const out: number[] = []
  for (let i = from; i < to; i++) {
    const c = text[i]!
    if (!TERMINATORS.has(c) || inside(i)) continue
    if (c === '.') {
      if (isDigit(text[i - 1]) && isDigit(text[i + 1])) continue
      if (isLetter(text[i + 1])) continue
      // one-letter word before the dot: an abbreviation or the last letter of an initialism
      if (isLetter(text[i - 1]) && (i - 1 === from || !isLetter(text[i - 2]))) continue
    }
    let j = i + 1
    while (j < to && (TERMINATORS.has(text[j]!) || CLOSERS.has(text[j]!))) j++
    if (j < to && !isSpace(text[j])) continue // «…؟»، : punctuation glued to more text
    out.push(j)
    i = j - 1
  }
  return out
}

/**
 * Splits the body segments into sentences.
 * @param text the raw article text.
 * @param segments from `segmentText`; only `body` segments are split.
 * @returns sentences in text order with ids `s1`, `s2`, … (stable for the same text).
 */
export function splitSentences(text: string, segments: Segment[]): Sentence[] {
  const out: Sentence[] = []
  for (const seg of segments) {
    if (seg.kind !== 'body') continue
    const cuts = findSentenceTerminators(text, seg.start, seg.end)
    let start = seg.start
    for (const end of [...cuts, seg.end]) {
      let s = start
      let e = Math.min(end, seg.end)
      while (s < e && isSpace(text[s])) s++
      while (e > s && isSpace(text[e - 1])) e--
      if (e > s && /\p{L}|\p{N}/u.test(text.slice(s, e))) {
        out.push({ id: `s${out.length + 1}`, start: s, end: e, text: text.slice(s, e) })
      }
      start = end
    }
  }
  return out
}

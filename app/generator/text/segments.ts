/**
 * Labelled spans over the immutable raw text of a news page: title, body, caption, credit, boilerplate.
 *
 * The raw string is never rewritten (ARABIC-NOTES.md: "labelled spans over the immutable raw text"), so
 * every offset stays valid. Offsets are UTF-16 code units; `text.slice(start, end)` is the segment.
 *
 * Rules, each general to Arabic news pages rather than to one article:
 * - **title**: the first line when the text has several lines, the line is short (≤ 25 words) and has no
 *   sentence-final punctuation.
 * - **boilerplate**: short lines (or line tails) that are page furniture: share / print widgets
 *   («مشاركة :», «طباعة»), "read also" links («اقرأ أيضا: …»), follow-us prompts, publication stamps
 *   («نُشر في: 12/3/2024»).
 * - **credit** also: a dateline opening the first line («موسكو - رويترز», «واشنطن – (أ ف ب):») and a
 *   source line («المصدر: الجزيرة + وكالات»).
 * - **caption** also: lines that announce a photo («صورة أرشيفية …», «مصدر الصورة، …») and lines without a
 *   full stop that end in a parenthesised agency credit («… في باريس (رويترز)»).
 * - **credit**: a line tail made only of author initials and agency names, e.g. «ك.ن/ س.ع (رويترز /
 *   د.ب.أ)», «(أ.ب، كونا)» — initialisms (letters joined by dots), known agency names, slashes,
 *   commas and parentheses.
 * - **caption**: a photo caption embedded without a full stop: a run from a sentence start to a
 *   parenthesis holding only a date, «… (13 سبتمبر 2023)», that is not an in-sentence date (the word
 *   before the parenthesis is not a time word such as «اليوم» or a weekday) and is followed by the end
 *   of the line or by the start of a new sentence (not by a comma or a continuing preposition).
 */
import { findSentenceTerminators } from './sentences'

export type SegmentKind = 'title' | 'body' | 'caption' | 'credit' | 'boilerplate'

/** A labelled span: UTF-16 offsets `[start, end)` into the raw text. */
export interface Segment {
  kind: SegmentKind
  start: number
  end: number
}

const ARABIC_LETTER = '\\u0621-\\u064A\\u0671-\\u06D3'
const MONTHS =
  'يناير|كانون الثاني|فبراير|شباط|مارس|آذار|أبريل|ابريل|إبريل|نيسان|مايو|أيار|يونيو|يونيه|حزيران|يوليو|يوليه|تموز|أغسطس|اغسطس|آب|سبتمبر|أيلول|أكتوبر|اكتوبر|تشرين الأول|نوفمبر|تشرين الثاني|ديسمبر|كانون الأول'
/** A parenthesis holding only a date: day, month (optionally «/ other calendar name»), optional year. */
const DATE_PAREN = new RegExp(
  `\\(\\s*[0-9\\u0660-\\u0669]{1,2}\\s+(?:${MONTHS})(?:\\s*/\\s*(?:${MONTHS}))?(?:\\s+[0-9\\u0660-\\u0669]{4})?\\s*\\)`,
  'g',
)
/** Words before a date parenthesis that make it part of a sentence («اليوم (…)», «يوم الاثنين (…)»). */
const TIME_WORDS = new Set(
  [
    'اليوم', 'يوم', 'أمس', 'امس', 'غدا', 'غداً', 'صباح', 'مساء', 'ليل', 'ليلة', 'فجر', 'ظهر', 'الاثنين',
    'الإثنين', 'الثلاثاء', 'الأربعاء', 'الاربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد', 'الاحد', 'في',
    'منذ', 'حتى', 'بتاريخ', 'الماضي', 'المقبل',
  ].map((w) => w.normalize('NFC')),
)
/** Words that continue a sentence after a parenthesis; a caption is not followed by them. */
const CONTINUATION_WORDS = new Set([
  'بعد', 'قبل', 'في', 'على', 'الى', 'إلى', 'من', 'عن', 'مع', 'حيث', 'حين', 'عندما', 'لهجوم', 'عقوبات',
  'و', 'أو', 'او', 'ثم', 'حسبما', 'بحسب', 'وفق', 'وفقا', 'لمدة', 'خلال',
])

/** Agency names and abbreviations seen in credit lines of Arabic news sites. */
const AGENCIES = [
  'رويترز', 'يونهاب', 'أ.ف.ب', 'ا.ف.ب', 'د.ب.أ', 'أ.ب', 'ا.ب', 'فرانس برس', 'أسوشيتد برس',
  'الأناضول', 'إفي', 'كونا', 'واس', 'وام', 'سانا', 'تاس', 'شينخوا', 'إرنا', 'ارنا', 'سبوتنيك', 'بترا',
  'قنا', 'وفا', 'ك.ن.أ', 'KNA', 'AFP', 'AP', 'dpa', 'Reuters', 'DW', 'د.ف', 'ريا نوفوستي', 'نوفوستي',
  'إنترفاكس', 'كيودو', 'مهر', 'تسنيم', 'فارس', 'بي بي سي', 'CNN', 'سي إن إن',
]
const AGENCY_SET = new Set(AGENCIES.map((a) => a.toLowerCase()))
/** An initialism: letters joined by dots, «ح.ز», «ع.ج.م», «د.ب.أ». */
const INITIALISM = new RegExp(`^[${ARABIC_LETTER}A-Za-z](?:\\.[${ARABIC_LETTER}A-Za-z]){1,4}\\.?$`)

/** Page furniture at the start of a short line. */
const WIDGET =
  /^(?:مشاركة|شارك|شاركوا|طباعة|اطبع|إرسال|ارسال|حفظ|تابعنا|تابعونا|تعليقات?|نسخ الرابط|المزيد|اقرأ المزيد|إقرأ المزيد|إعلان|share|print|email|advertisement|comments?|read more|related(?: articles| stories)?)\s*[:：]?\s*$/i
const READ_ALSO = /^(?:اقرأ|إقرأ|اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|إقرأ أيضاً|شاهد أيضا|شاهد أيضاً|للمزيد|اقرأ كذلك|مواضيع ذات صلة|ذات صلة)\s*(?:أيضا|أيضاً)?\s*[:：]/

const SENTENCE_FINAL = /[.!?؟…]["»”')\s]*$/

interface Line {
  start: number
  end: number
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  const re = /[^\n\r\u2028\u2029]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index
    let end = m.index + m[0].length
    while (start < end && /\s/.test(text[start]!)) start++
    while (end > start && /\s/.test(text[end - 1]!)) end--
    if (end > start) lines.push({ start, end })
  }
  return lines
}

/** True when every token of `s` is an initialism, an agency name, or credit punctuation. */
export function isCreditRun(s: string): boolean {
  const t = s.trim()
  if (!t || t.length > 80) return false
  // Agency names may be two words ("فرانس برس"): try them before tokenising.
  let rest = ` ${t} `
  for (const a of AGENCIES) if (a.includes(' ')) rest = rest.split(a).join(' AGENCY ')
  const tokens = rest.split(/[\s/،,()\-–]+/).filter(Boolean)
  if (tokens.length === 0) return false
  let strong = 0
  let letters = 0
  for (const tok of tokens) {
    if (tok === 'AGENCY' || AGENCY_SET.has(tok.toLowerCase())) strong++
    else if (INITIALISM.test(tok)) strong++
    else if (new RegExp(`^[${ARABIC_LETTER}]$`).test(tok)) letters++ // initials written with spaces: «أ ف ب»
    else if (/^(?:و|\+|وكالات|المصدر)$/.test(tok)) continue
    else return false
  }
  if (letters >= 2) strong++
  return strong > 0 && (/[()/]/.test(t) || tokens.length <= 3)
}

/** Publication and update stamps: «نُشر في: 12/3/2024», «آخر تحديث: …». */
const STAMP = /^(?:نشر في|نُشر في|تم النشر|تاريخ النشر|آخر تحديث|اخر تحديث|تحديث|محدث|نشر بتاريخ|نشر|نُشر)\s*[:：]?\s*[0-9\u0660-\u0669]/
/** Source lines: «المصدر: الجزيرة + وكالات», «المصدر : وكالات». */
const SOURCE = /^(?:المصدر|المصادر|مصدر)\s*[:：]\s*\S/

/** True for page furniture lines: share widgets, "read also" links, publication stamps. */
export function isBoilerplateLine(s: string): boolean {
  const t = s.trim().normalize('NFC')
  if (WIDGET.test(t) || isDateLine(t)) return true
  if (STAMP.test(t.replace(/[\u064B-\u0652]/g, '')) && t.length <= 80) return true
  return READ_ALSO.test(t) && t.length <= 200
}

/** True for a source line at the end of an article: «المصدر: الجزيرة + وكالات». */
export function isSourceLine(s: string): boolean {
  const t = s.trim()
  return SOURCE.test(t) && t.split(/\s+/).length <= 10
}

/** Photo caption lines that announce themselves: «صورة أرشيفية …», «مصدر الصورة، …». */
const CAPTION_LINE = /^(?:(?:صورة أرشيفية|صورة ارشيفية|مصدر الصورة|التعليق على الصورة|تعليق الصورة)[\s:：،,-]|(?:الصورة|صورة|تصوير|أرشيفية)\s*[:：،-])/

/** A line that is only a date: «الجمعة ٢٤ نوفمبر ٢٠٢٣م», «5 أغسطس/ آب 2022», «12/7/2023». */
function isDateLine(line: string): boolean {
  const t = line.trim().normalize('NFC')
  if (t.length > 60) return false
  if (/^[0-9\u0660-\u0669]{1,4}[/.-][0-9\u0660-\u0669]{1,2}[/.-][0-9\u0660-\u0669]{1,4}$/.test(t)) return true
  const rest = t
    .replace(new RegExp(`^(?:${WEEKDAY_NAMES})\\s*[،,]?\\s*`), '')
    .replace(new RegExp(`[0-9\\u0660-\\u0669]{1,2}\\s+(?:${MONTHS})(?:\\s*/\\s*(?:${MONTHS}))?(?:\\s+[0-9\\u0660-\\u0669]{4}\\s*(?:م|هـ)?)?`), '')
    .trim()
  return rest === '' && t !== ''
}
const WEEKDAY_NAMES = 'الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد'

/**
 * A dateline at the start of a body line: «موسكو - رويترز», «واشنطن – (أ ف ب):», «بيروت ـ "القدس العربي":»,
 * «الرباط (رويترز) -».
 * @returns the dateline's length in UTF-16 code units (with the separator and following space), or 0.
 */
export function datelineLength(line: string): number {
  // a line that is nothing but a dateline: «الخرطوم - أ ف ب»
  const whole = /^([^\s\d.،,:؛"«»()-]+(?:\s*[،,]?\s[^\s\d.،,:؛"«»()-]+)?)\s*[-–—ـ]+\s*(.{1,40}?)\s*[:：]?\s*$/u.exec(line)
  if (whole && isCreditRun(`(${whole[2]!.replace(/^[("«]|[)"»]$/g, '')})`)) return line.length
  // the agency in parentheses before the dash: «الجزائر (رويترز) - أعلنت …»
  const paren = /^([^\s\d.،,:؛"«»()-]+(?:\s*[،,]?\s[^\s\d.،,:؛"«»()-]+)?)\s*\(([^()\n]{1,30})\)\s*[-–—ـ]+\s*/u.exec(line)
  if (paren && isCreditRun(`(${paren[2]!})`)) return paren[0].length
  // an unquoted agency of one to three words ending with a colon: «أربيل - أ ف ب: …»
  const colon = /^([^\s\d.،,:؛"«»()-]+(?:\s*[،,]?\s[^\s\d.،,:؛"«»()-]+)?)\s*[-–—ـ]+\s*([^\s:،,.]+(?:\s[^\s:،,.]+){0,2})\s*[:：]\s*/u.exec(line)
  if (colon && isCreditRun(`(${colon[2]!})`)) return colon[0].length
  const m = /^([^\s\d.،,:؛"«»()-]+(?:\s*[،,]?\s[^\s\d.،,:؛"«»()-]+)?)\s*[-–—ـ]+\s*(\([^()\n]{1,30}\)|"[^"\n]{1,30}"|«[^»\n]{1,30}»|[^\s:،,.]+(?:\s[^\s:،,.]+){0,2}?)\s*[:：]?(?:\s+|$)/u.exec(line)
  if (!m) return 0
  const source = m[2]!.replace(/^[("«]|[)"»]$/g, '')
  const quoted = /^["«(]/.test(m[2]!)
  if (!(isCreditRun(`(${source})`) || (quoted && /:\s*$|:\s+$/.test(m[0]) ) || /^(?:خاص|وكالات|مراسلنا)$/.test(source))) return 0
  return m[0].length
}

function lastWordBefore(text: string, at: number, floor: number): string {
  const before = text.slice(floor, at).trim()
  const m = /([^\s"«»“”()]+)\s*$/.exec(before)
  return m ? m[1]!.normalize('NFC') : ''
}

function firstWordAfter(text: string, at: number, ceil: number): string {
  const after = text.slice(at, ceil)
  const m = /^\s*([^\s]+)/.exec(after)
  return m ? m[1]! : ''
}

/**
 * Finds embedded photo captions inside one line of body text.
 * @returns caption spans (UTF-16 offsets) within `[line.start, line.end)`.
 */
function findCaptions(text: string, line: Line): Line[] {
  const out: Line[] = []
  const lineText = text.slice(line.start, line.end)
  const terminators = findSentenceTerminators(text, line.start, line.end)
  DATE_PAREN.lastIndex = 0
  for (let m = DATE_PAREN.exec(lineText); m; m = DATE_PAREN.exec(lineText)) {
    const parenStart = line.start + m.index
    const parenEnd = parenStart + m[0].length
    // Start of the run: just after the last sentence terminator before the parenthesis.
    let runStart = line.start
    for (const t of terminators) if (t <= parenStart) runStart = t
    while (runStart < parenStart && /\s/.test(text[runStart]!)) runStart++
    const words = text.slice(runStart, parenStart).trim().split(/\s+/).filter(Boolean)
    if (words.length < 3 || words.length > 40) continue
    if (TIME_WORDS.has(lastWordBefore(text, parenStart, runStart))) continue
    const atLineEnd = text.slice(parenEnd, line.end).trim() === ''
    if (!atLineEnd) {
      const next = firstWordAfter(text, parenEnd, line.end)
      if (/^[،,.:؛;!?؟]/.test(next)) continue
      if (CONTINUATION_WORDS.has(next) || /^و/.test(next)) continue
    }
    // A run that quotes someone or reports speech is a sentence, not a caption.
    if (/["«»“”]/.test(text.slice(runStart, parenStart))) continue
    out.push({ start: runStart, end: parenEnd })
  }
  return out
}

/**
 * Splits the raw text into labelled segments.
 * @param text the article exactly as read.
 * @returns segments in text order, non-overlapping, trimmed of surrounding white space; white space
 *   between segments belongs to none. Never throws.
 */
export function segmentText(text: string): Segment[] {
  const lines = splitLines(text)
  const segments: Segment[] = []
  lines.forEach((original, i) => {
    let line = original
    const lineText = text.slice(line.start, line.end)
    const words = lineText.split(/\s+/).length
    if (i === 0 && lines.length > 1 && words <= 25 && !SENTENCE_FINAL.test(lineText) && datelineLength(lineText) !== lineText.length) {
      segments.push({ kind: 'title', ...line })
      return
    }
    if (isBoilerplateLine(lineText)) {
      segments.push({ kind: 'boilerplate', ...line })
      return
    }
    if (isCreditRun(lineText) || isSourceLine(lineText)) {
      segments.push({ kind: 'credit', ...line })
      return
    }
    if (CAPTION_LINE.test(lineText) && words <= 40 && !SENTENCE_FINAL.test(lineText.replace(/\)\s*$/, ''))) {
      segments.push({ kind: 'caption', ...line })
      return
    }
    // a photo caption credited in parentheses, without a full stop: «… خلال مؤتمر صحفي في باريس (رويترز)»
    const credited = /\(([^()]{1,40})\)\s*$/.exec(lineText)
    if (i > 0 && credited && isCreditRun(`(${credited[1]})`) && words <= 40 && !SENTENCE_FINAL.test(lineText.slice(0, credited.index))) {
      segments.push({ kind: 'caption', ...line })
      return
    }
    const dateline = datelineLength(lineText)
    if (dateline > 0) {
      let end = line.start + dateline
      while (end > line.start && /\s/.test(text[end - 1]!)) end--
      segments.push({ kind: 'credit', start: line.start, end })
      line = { start: line.start + dateline, end: line.end }
    }
    // A credit at the tail of a body line, after its last sentence terminator.
    let bodyEnd = line.end
    const terminators = findSentenceTerminators(text, line.start, line.end)
    const lastTerm = terminators.length ? terminators[terminators.length - 1]! : -1
    let credit: Line | null = null
    if (lastTerm > line.start && lastTerm < line.end) {
      let s = lastTerm
      while (s < line.end && /\s/.test(text[s]!)) s++
      if (isCreditRun(text.slice(s, line.end))) {
        credit = { start: s, end: line.end }
        bodyEnd = lastTerm
      }
    }
    const captions = findCaptions(text, { start: line.start, end: bodyEnd })
    let cursor = line.start
    const pushBody = (start: number, end: number) => {
      while (start < end && /\s/.test(text[start]!)) start++
      while (end > start && /\s/.test(text[end - 1]!)) end--
      if (end > start) segments.push({ kind: 'body', start, end })
    }
    for (const c of captions) {
      pushBody(cursor, c.start)
      segments.push({ kind: 'caption', ...c })
      cursor = c.end
    }
    // A whole line that is a caption (no sentence terminator, ends in a date parenthesis).
    pushBody(cursor, bodyEnd)
    if (credit) segments.push({ kind: 'credit', ...credit })
  })
  return segments
}

/** The title text, if the segmenter found one. */
export function titleOf(text: string, segments: Segment[]): string | null {
  const t = segments.find((s) => s.kind === 'title')
  return t ? text.slice(t.start, t.end) : null
}

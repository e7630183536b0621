/**
 * Moodle GIFT export of a question bank.
 *
 * Grammar as documented by Moodle ("GIFT format", docs.moodle.org/en/GIFT_format): one question per block,
 * blocks separated by a blank line; `::title::` then the question text then the answer set in braces;
 * `=` marks a right answer, `~` a wrong one; `{T}` / `{F}` for true/false; a short answer is a set of `=`
 * answers; a "missing word" question puts the answer set where the blank is; matching pairs are written
 * `=left -> right`. The characters
 * `~ = # { } :` are escaped with a backslash wherever they are text. `$CATEGORY:` lines group questions.
 */
import type { Bank, BankQuestion } from '../schema'
import { PAIR } from '../questions/build'

/** Escapes GIFT's special characters in question and answer text. */
export function escapeGift(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/([~=#{}:\\])/g, '\\$1')
}

const BLANK = '_____'

/**
 * A name usable as one Moodle category level: line breaks become spaces and `/` is doubled (Moodle splits
 * category paths at single slashes; `//` stands for a slash inside a name). Used by the GIFT and the Moodle
 * XML exports.
 */
export function moodleCategoryName(name: string): string {
  return name.replace(/\r?\n/g, ' ').replace(/\//g, '//')
}

function answers(q: BankQuestion): string {
  const wrong = q.options.filter((o) => o !== q.key)
  return `{=${escapeGift(q.key)} ${wrong.map((o) => `~${escapeGift(o)}`).join(' ')}}`
}

/**
 * One question in GIFT.
 * @returns a block without the trailing blank line; `// feedback` comments carry the explanation.
 */
export function questionToGift(q: BankQuestion, index: number): string {
  const title = `::${escapeGift(`${String(index + 1).padStart(2, '0')} ${q.skill} ${q.type}`)}::`
  // «####» is general feedback, shown whatever the student chose (a single «#» after an answer is that
  // answer's own feedback)
  const feedback = `####${escapeGift(q.explanation)}`
  switch (q.type) {
    case 'true_false':
      return `${title}${escapeGift(q.stem)} {${q.key === 'صح' ? 'T' : 'F'}${feedback}}`
    case 'short_answer': {
      const accepted = [...new Set(q.accepted)].map((a) => `=${escapeGift(a)}`).join(' ')
      return `${title}${escapeGift(q.stem)} {${accepted} ${feedback}}`
    }
    case 'cloze': {
      const at = q.stem.indexOf(BLANK)
      if (at < 0) return `${title}${escapeGift(q.stem)} ${answers(q)}`
      const before = escapeGift(q.stem.slice(0, at))
      const after = escapeGift(q.stem.slice(at + BLANK.length))
      return `${title}${before}${answers(q).replace(/\}$/, ` ${feedback}}`)}${after}`
    }
    case 'matching': {
      const pairs = q.options.map((o) => o.split(PAIR)).filter((p) => p.length === 2)
      return `${title}${escapeGift(q.stem)} {${pairs.map(([l, r]) => `=${escapeGift(l!)} -> ${escapeGift(r!)}`).join(' ')}}`
    }
    default:
      return `${title}${escapeGift(q.stem)} ${answers(q).replace(/\}$/, ` ${feedback}}`)}`
  }
}

/**
 * The whole bank (or the listed questions) as a GIFT file, one `$CATEGORY` per skill.
 * @param bank the generator's bank.
 * @param category the top category name (e.g. the article slug).
 * @param ids optional subset and order (e.g. the default quiz).
 */
export function bankToGift(bank: Bank, category: string, ids?: string[]): string {
  const byId = new Map(bank.questions.map((q) => [q.id, q]))
  const questions = ids ? ids.map((id) => byId.get(id)).filter((q): q is BankQuestion => !!q) : bank.questions
  return questionsToGift(questions, category)
}

/**
 * Questions in the given order as a GIFT file (a bank's items, or an assignment's chosen items read back
 * from the database), with a `$CATEGORY: <category>/<skill>` line whenever the skill changes and each
 * question's id in a `//` comment above it.
 * @param questions the items, in the order they should appear.
 * @param category the top category name (e.g. the article slug or title), made one level by
 *   {@link moodleCategoryName}.
 * @returns the file's text, ending in a newline (UTF-8 when written; Moodle reads GIFT as UTF-8).
 */
export function questionsToGift(questions: readonly BankQuestion[], category: string): string {
  const top = moodleCategoryName(category)
  const out: string[] = []
  let current = ''
  questions.forEach((q, i) => {
    const cat = `${top}/${q.skill}`
    if (cat !== current) {
      out.push(`$CATEGORY: ${cat}`)
      current = cat
    }
    out.push(`// ${q.id}\n${questionToGift(q, i)}`)
  })
  return `${out.join('\n\n')}\n`
}

/**
 * The item validator, run on every item before it is emitted. Each failed check has a reason code; the
 * generator counts rejections by reason.
 */
import type { BankQuestion } from '../schema'
import type { Segment } from '../text/segments'
import { normalizeAnswer } from '../text/normalize'

/** Why an item was rejected. */
export type RejectReason =
  | 'bad_offsets'
  | 'evidence_not_body'
  | 'key_not_grounded'
  | 'key_in_stem'
  | 'wrong_option_count'
  | 'options_not_unique'
  | 'key_not_exactly_once'
  | 'distractor_is_variant'
  | 'stem_form'

const WH = /^(?:من|ما|ماذا|أين|متى|منذ متى|كم|كيف|لماذا|هل|أي)\s/ // «من الذي», «ما الجهة التي», «أين», …

/**
 * Checks one item against the article.
 * @param item the item as it would be emitted.
 * @param text the raw article text; @param segments its labelled segments.
 * @returns the reasons it fails (empty when it passes).
 */
export function validateItem(item: Omit<BankQuestion, 'id'>, text: string, segments: Segment[]): RejectReason[] {
  const reasons: RejectReason[] = []
  const ev = item.evidence
  if (text.slice(ev.start, ev.end) !== ev.text || ev.end <= ev.start) reasons.push('bad_offsets')
  if (!segments.some((s) => s.kind === 'body' && s.start <= ev.start && ev.end <= s.end)) reasons.push('evidence_not_body')
  const key = normalizeAnswer(item.key)
  const stem = normalizeAnswer(item.stem)
  if (!key || !stem) reasons.push('stem_form')
  if (item.type !== 'true_false' && item.type !== 'matching' && !normalizeAnswer(ev.text).includes(key)) reasons.push('key_not_grounded')
  if ((item.type === 'mcq' || item.type === 'short_answer') && key.length > 2 && ` ${stem} `.includes(` ${key} `)) reasons.push('key_in_stem')
  const expected = item.type === 'true_false' ? 2 : item.type === 'short_answer' ? 0 : item.type === 'matching' ? -1 : 4
  if (expected >= 0 && item.options.length !== expected) reasons.push('wrong_option_count')
  const opts = item.options.map(normalizeAnswer)
  if (new Set(opts).size !== opts.length || opts.some((o) => !o)) reasons.push('options_not_unique')
  if (item.type === 'matching') {
    // options are the correct pairs; the key joins them in order
    if (item.options.length < 3 || item.key !== item.options.join(' | ')) reasons.push('key_not_exactly_once')
  } else {
    if (item.options.length && opts.filter((o) => o === key).length !== 1) reasons.push('key_not_exactly_once')
    const accepted = new Set(item.accepted.map(normalizeAnswer))
    if (item.type !== 'true_false' && opts.some((o) => o !== key && accepted.has(o))) reasons.push('distractor_is_variant')
  }
  if (item.type === 'mcq' || item.type === 'short_answer') {
    if (item.skill !== 'vocabulary' && (!item.stem.endsWith('؟') || !WH.test(item.stem))) reasons.push('stem_form')
  }
  if (item.type === 'cloze' && !item.stem.includes('_____')) reasons.push('stem_form')
  const n = item.stem.split(/\s+/).length
  if (n < 3 || n > 60) reasons.push('stem_form')
  return reasons
}

/**
 * Display names of learners (and teachers): what the quiz, the vocabulary form and /join accept. Pure and
 * client-safe.
 *
 * A name is cleaned before it is checked: invisible format characters a keyboard or a copy-paste slips in
 * (ZWJ/ZWNJ, LRM/RLM/ALM, the bidi embeddings, overrides and isolates, soft hyphen, BOM, word joiner,
 *) are removed, white space is collapsed and trimmed. The cleaned name must
 * hold at least one letter (of any script) and at most {@link DISPLAY_NAME_MAX} characters (code points).
 */
import { DISPLAY_NAME_MAX } from './quiz-fields'

/** Invisible characters removed from names: bidi marks and controls, joiners, soft hyphen, BOM, word joiner. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

/** Why a display name was refused. */
export type DisplayNameError = 'display_name_empty' | 'display_name_no_letter' | 'display_name_too_long'

/**
 * Cleans a typed display name: invisible characters removed, white space collapsed, ends trimmed.
 * @example cleanDisplayName('\u200F سارة\u200C  أحمد ') // 'سارة أحمد'
 */
export function cleanDisplayName(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

/**
 * Cleans and checks a display name.
 * @returns the cleaned name, or why it is refused (empty after cleaning, no letter, over 60 characters).
 */
export function parseDisplayNameText(
  raw: string,
): { success: true; name: string } | { success: false; code: DisplayNameError } {
  const name = cleanDisplayName(raw)
  if (name.length === 0) return { success: false, code: 'display_name_empty' }
  if (!/\p{L}/u.test(name)) return { success: false, code: 'display_name_no_letter' }
  if ([...name].length > DISPLAY_NAME_MAX) return { success: false, code: 'display_name_too_long' }
  return { success: true, name }
}

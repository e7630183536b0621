/**
 * Pure helpers that place a vocabulary term inside its article sentence, for the highlighted sentence
 * (`<mark>`) and the cloze card's blank. Offsets are UTF-16 code units into the article text, as stored.
 */

/** A sentence split around a term, so the term can be marked or blanked. */
export interface MarkedText {
  before: string
  mark: string
  after: string
}

/** The text shown in place of a cloze card's missing word. */
export const CLOZE_BLANK = '_____'

/**
 * Splits an item's evidence sentence around its term.
 * @param evidence the evidence text and its start offset in the article.
 * @param term the term's `[start, end)` offsets in the article, or nulls when unknown.
 * @returns the split, or null when the term is unknown or does not lie inside the evidence.
 * @example markTerm({ text: 'في قاعدة فوستوتشني', start: 100 }, { start: 103, end: 108 })
 * // { before: 'في ', mark: 'قاعدة', after: ' فوستوتشني' }
 */
export function markTerm(
  evidence: { text: string; start: number },
  term: { start: number | null; end: number | null },
): MarkedText | null {
  if (term.start === null || term.end === null) return null
  const from = term.start - evidence.start
  const to = term.end - evidence.start
  if (from < 0 || to > evidence.text.length || from >= to) return null
  return { before: evidence.text.slice(0, from), mark: evidence.text.slice(from, to), after: evidence.text.slice(to) }
}

/**
 * Where the term lies in the evidence when the generator gave no offsets: the first occurrence of the
 * surface form inside the evidence.
 * @returns article offsets `{ start, end }`, or nulls when the surface does not occur in the evidence.
 */
export function locateTerm(
  evidence: { text: string; start: number },
  surface: string,
): { start: number | null; end: number | null } {
  const at = surface ? evidence.text.indexOf(surface) : -1
  return at < 0 ? { start: null, end: null } : { start: evidence.start + at, end: evidence.start + at + surface.length }
}

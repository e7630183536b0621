/**
 * Vocabulary cards: lexicon terms found in the article's body sentences by light-stemmed lookup, each with
 * its surface form as it occurs (without a leading conjunction), its lemma, root and English gloss, and
 * the sentence it came from.
 */
import type { Lexicon, VocabularyEntry } from '../../lexicon/schema'
import type { Sentence } from '../text/sentences'
import { stemCandidates, tokenize, type Token } from '../text/tokens'
import { keysMatch, tokenKeys, type TokenKeys } from '../entities/lexicon-index'

/** A vocabulary term found in the article. Offsets are UTF-16 into the raw text. */
export interface FoundTerm {
  entry: VocabularyEntry
  /** The term as it occurs, `text.slice(start, end)`, without a leading و/ف conjunction. */
  surface: string
  start: number
  end: number
  sentence: Sentence
}

interface IndexedForm {
  entry: VocabularyEntry
  tokens: TokenKeys[]
}

const cache = new WeakMap<Lexicon, Map<string, IndexedForm[]>>()

function indexOf(lexicon: Lexicon): Map<string, IndexedForm[]> {
  const hit = cache.get(lexicon)
  if (hit) return hit
  const byKey = new Map<string, IndexedForm[]>()
  for (const entry of lexicon.vocabulary) {
    for (const form of new Set([entry.lemma, ...entry.forms])) {
      const toks = tokenize(form)
      if (!toks.length) continue
      const f: IndexedForm = { entry, tokens: toks.map((t) => tokenKeys(t, false, true)) }
      for (const k of f.tokens[0]!.stems) {
        const list = byKey.get(k) ?? []
        list.push(f)
        byKey.set(k, list)
      }
    }
  }
  cache.set(lexicon, byKey)
  return byKey
}

/**
 * Offset of the surface after a leading conjunction («و», «ف») that is not part of the term: stripped only
 * when the word without its first letter is what matched («والقمة» → «القمة»), not when the whole word
 * matches by its suffixes alone («فوزه» is «فوز» + «ه», not «و» + «وزه»).
 */
function stripConjunction(text: string, tok: Token, form: TokenKeys): number {
  if (!/^[وف]/.test(tok.text)) return tok.start
  const whole = stemCandidates(tok.norm, false)
  if (whole.some((c) => form.stems.has(c))) return tok.start
  return tok.start + 1
}

/** How exactly a token meets a form: 2 for the same word (but for proclitics), 1 through suffixes. */
function exactness(keys: TokenKeys, form: TokenKeys): number {
  for (const b of keys.bases) if (form.stems.has(b)) return 2
  return 1
}

/**
 * Whether form `f` beats `best` for the token with `keys`: longer forms first; between forms of one length,
 * the one the word is (not one it stems to): «قتلى» is the plural «قتلى», not the verb «قتل» + a suffix.
 */
function better(f: IndexedForm, best: IndexedForm | null, keys: TokenKeys): boolean {
  if (!best) return true
  if (f.tokens.length !== best.tokens.length) return f.tokens.length > best.tokens.length
  return exactness(keys, f.tokens[0]!) > exactness(keys, best.tokens[0]!)
}

/**
 * Finds the lexicon's vocabulary in the body sentences; the first occurrence of each entry wins and
 * multi-word forms beat single words that start at the same token.
 * @returns terms in text order, at most one per lexicon entry.
 */
export function findTerms(text: string, sentences: Sentence[], lexicon: Lexicon): FoundTerm[] {
  const byKey = indexOf(lexicon)
  const seen = new Set<string>()
  const out: FoundTerm[] = []
  for (const sentence of sentences) {
    const toks = tokenize(text, sentence.start, sentence.end)
    const keys = toks.map((t) => tokenKeys(t, false))
    for (let i = 0; i < toks.length; i++) {
      const cands = new Set<IndexedForm>()
      for (const k of keys[i]!.stems) for (const f of byKey.get(k) ?? []) cands.add(f)
      // The best form among every entry, and among the entries not carded yet (see `better`).
      let best: IndexedForm | null = null
      let bestAny: IndexedForm | null = null
      for (const f of cands) {
        if (i + f.tokens.length > toks.length) continue
        let ok = true
        for (let k = 1; k < f.tokens.length && ok; k++) {
          if (!/^\s+$/.test(text.slice(toks[i + k - 1]!.end, toks[i + k]!.start))) ok = false
          else if (!keysMatch(keys[i + k]!, f.tokens[k]!)) ok = false
        }
        if (!ok) continue
        if (better(f, bestAny, keys[i]!)) bestAny = f
        if (!seen.has(f.entry.id) && better(f, best, keys[i]!)) best = f
      }
      // A single word that is a form of an entry already carded («مسؤولون» after «مسؤولين») is skipped,
      // rather than given to another entry it only stems to («مسؤولية»), which would gloss it wrongly. A
      // multi-word entry already carded («دفاع جوي») still leaves its words to their own entries.
      if (bestAny && bestAny !== best && bestAny.tokens.length === 1 && seen.has(bestAny.entry.id)) continue
      if (!best) continue
      const last = toks[i + best.tokens.length - 1]!
      const start = stripConjunction(text, toks[i]!, best.tokens[0]!)
      seen.add(best.entry.id)
      out.push({ entry: best.entry, surface: text.slice(start, last.end), start, end: last.end, sentence })
      i += best.tokens.length - 1
    }
  }
  return out
}

/**
 * A lookup index over the lexicons: each variant tokenised into match keys (light-stemming candidates and
 * transliteration skeletons), indexed by the keys of its first token.
 */
import type { Lexicon } from '../../lexicon/schema'
import { cliticBases, skeleton, stemCandidates, tokenize, type Token } from '../text/tokens'

export type LexiconEntityType = 'person' | 'place' | 'organization' | 'weapon'

/** Match keys of one token: stem candidates, and skeletons of its clitic bases (names only). */
export interface TokenKeys {
  stems: Set<string>
  /** Proclitic-stripped forms only (no suffix stripped): what a non-inflecting name is compared with. */
  bases: Set<string>
  skeletons: Set<string>
}

/** One lexicon variant ready for matching. */
export interface IndexedVariant {
  type: LexiconEntityType
  entryId: string
  canonical: string
  /** True for `aliases` (ambiguous short forms). */
  alias: boolean
  /** Whether the entry's words inflect (weapon terms, organisations); names of people and places do not. */
  inflects: boolean
  /** The variant as written in the lexicon. */
  surface: string
  tokens: TokenKeys[]
}

/** The index: variants by the keys of their first token. */
export interface LexiconIndex {
  byKey: Map<string, IndexedVariant[]>
  variants: IndexedVariant[]
}

const MIN_SKELETON = 3

const keyCache = new Map<string, TokenKeys>()

/**
 * Match keys for a token.
 * @param useSkeleton compute transliteration skeletons (for names of people, places and weapons).
 * @param lexiconForm the token comes from a lexicon entry (no proclitics to strip but the article).
 * @param inflects strip suffixes too; false for proper names of the lexicon, which do not inflect («الجولان»
 *   must not meet «الجولة» through «جول+ان»).
 */
export function tokenKeys(token: Token, useSkeleton = true, lexiconForm = false, inflects = true): TokenKeys {
  // The same words recur in every article: keys depend only on the normalised form and the flags.
  const cacheKey = `${token.norm}|${useSkeleton ? 1 : 0}${lexiconForm ? 1 : 0}${inflects ? 1 : 0}`
  const hit = keyCache.get(cacheKey)
  if (hit) return hit
  const keys = computeTokenKeys(token, useSkeleton, lexiconForm, inflects)
  if (keyCache.size > 100_000) keyCache.clear()
  keyCache.set(cacheKey, keys)
  return keys
}

function computeTokenKeys(token: Token, useSkeleton: boolean, lexiconForm: boolean, inflects: boolean): TokenKeys {
  const stems = new Set(
    inflects ? stemCandidates(token.norm, !lexiconForm) : token.norm.startsWith('ال') && token.norm.length > 4 ? [token.norm, token.norm.slice(2)] : [token.norm],
  )
  const bases = new Set(lexiconForm ? [...stems].slice(0, 2) : cliticBases(token.norm))
  const skeletons = new Set<string>()
  // Names rarely take the article; a skeleton of a definite common noun («الغربية») would meet names.
  if (useSkeleton && !/^(?:[وف]?(?:ال|لل|بال))/.test(token.norm)) {
    for (const b of cliticBases(token.norm)) {
      const sk = skeleton(b)
      if (sk.length >= MIN_SKELETON) skeletons.add(sk)
    }
  }
  return { stems, bases, skeletons }
}

/**
 * True when an article token's keys meet a lexicon token's keys (stems or skeletons).
 * @param inflects false for names: the article token's suffixes are then kept («الصيني» is not «الصين»).
 */
export function keysMatch(a: TokenKeys, l: TokenKeys, inflects = true): boolean {
  return stemsMatch(a, l, inflects) || skeletonsMatch(a, l)
}

/** True when the two tokens share a light-stemming candidate (a proclitic-stripped form for names). */
export function stemsMatch(a: TokenKeys, l: TokenKeys, inflects = true): boolean {
  const pool = inflects ? a.stems : a.bases
  for (const s of l.stems) if (pool.has(s)) return true
  return false
}

/** True when the two tokens share a transliteration skeleton (spelling variants of a foreign name). */
export function skeletonsMatch(a: TokenKeys, l: TokenKeys): boolean {
  for (const s of l.skeletons) if (a.skeletons.has(s)) return true
  return false
}

const cache = new WeakMap<Lexicon, LexiconIndex>()

/**
 * Builds (once per lexicon object) the lookup index.
 * @param lexicon the validated lexicon.
 * @param types which entity types to index (e.g. without person and place for the rules-only measure).
 */
export function buildLexiconIndex(
  lexicon: Lexicon,
  types: readonly LexiconEntityType[] = ['person', 'place', 'organization', 'weapon'],
): LexiconIndex {
  const full = types.length === 4
  if (full) {
    const hit = cache.get(lexicon)
    if (hit) return hit
  }
  const variants: IndexedVariant[] = []
  const add = (type: LexiconEntityType, entryId: string, canonical: string, surfaces: string[], alias: boolean) => {
    for (const surface of surfaces) {
      const toks = tokenize(surface)
      if (!toks.length) continue
      // Skeletons only for proper names; common-noun weapon terms match by stems.
      const inflects = type === 'weapon' || type === 'organization'
      variants.push({
        type,
        entryId,
        canonical,
        alias,
        inflects,
        surface,
        tokens: toks.map((t) => tokenKeys(t, type !== 'organization', true, inflects)),
      })
    }
  }
  if (types.includes('person'))
    for (const e of lexicon.people) {
      add('person', e.id, e.canonical, [e.canonical, ...e.variants], false)
      add('person', e.id, e.canonical, e.aliases, true)
    }
  if (types.includes('place')) for (const e of lexicon.places) add('place', e.id, e.canonical, [e.canonical, ...e.variants], false)
  if (types.includes('organization'))
    for (const e of lexicon.organizations) add('organization', e.id, e.canonical, [e.canonical, ...e.variants], false)
  if (types.includes('weapon')) for (const e of lexicon.weapons) add('weapon', e.id, e.canonical, [e.canonical, ...e.variants], false)

  const byKey = new Map<string, IndexedVariant[]>()
  for (const v of variants) {
    const first = v.tokens[0]!
    for (const k of [...first.stems, ...[...first.skeletons].map((s) => `#${s}`)]) {
      const list = byKey.get(k)
      if (list) {
        if (!list.includes(v)) list.push(v)
      } else byKey.set(k, [v])
    }
  }
  const index = { byKey, variants }
  if (full) cache.set(lexicon, index)
  return index
}

/** Candidate variants whose first token may match this article token. */
export function lookupFirst(index: LexiconIndex, keys: TokenKeys): IndexedVariant[] {
  const out = new Set<IndexedVariant>()
  for (const s of keys.stems) for (const v of index.byKey.get(s) ?? []) out.add(v)
  for (const s of keys.skeletons) for (const v of index.byKey.get(`#${s}`) ?? []) out.add(v)
  return [...out]
}

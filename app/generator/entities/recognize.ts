/**
 * Named-entity recognition for Arabic news: lexicon lookup (with light stemming and transliteration
 * skeletons, so spelling variants merge) plus rules that find people, places, organisations and weapons the
 * lexicon does not know (ARABIC-NOTES.md "What to write"; labels after the usual PER / LOC (GPE) / ORG
 * scheme, plus weapons, dates and numbers for the question skills).
 *
 * Rules (trigger lists live in `content/lexicon/triggers.json`):
 * - person: a title or role («الرئيس», «وزير الدفاع», «المتحدث باسم») + its complements (nationality
 *   adjectives, definite nouns, construct nouns in «ة», known places and organisations, «في …») + two to
 *   four name tokens; or two to four name tokens followed by «، <title>» after a speech verb;
 * - weapon: a model name after «طراز» or written with a hyphen and digits («شاهد-136»); a Latin
 *   abbreviation in parentheses right after a weapon is the same weapon («ناسامز» (NASAMS));
 *   a weapon head («صواريخ», «منظومة») with its adjectives;
 * - place: a place head («قاعدة», «جامعة», «شبه جزيرة») + a name token (+ a nisba adjective);
 * - organisation: an organisation head («وكالة», «وزارة», «مجلس») + definite complements (+ «في» place);
 * - a one-token mention links to a person by family name only (first token of East Asian three-part
 *   names, last token otherwise), never by a given name, never by a function word such as «آن»/«أن»;
 *   lexicon aliases («كيم», «شي») link only where the person's full name occurs in the same article.
 */
import type { Lexicon } from '../../lexicon/schema'
import type { Segment, SegmentKind } from '../text/segments'
import type { Sentence } from '../text/sentences'
import { FUNCTION_WORDS, cliticBases, skeleton, stemCandidates, tokenize, type Token } from '../text/tokens'
import { normalizeLetters } from '../text/normalize'
import { COUNTED_NOUNS, KNOWN_VERBS, ORDINALS, familyName } from '../text/words'
import { stableHash } from '../ids'
import {
  buildLexiconIndex,
  keysMatch,
  lookupFirst,
  skeletonsMatch,
  stemsMatch,
  tokenKeys,
  type LexiconEntityType,
  type TokenKeys,
} from './lexicon-index'

export type EntityType = 'person' | 'place' | 'organization' | 'weapon' | 'date' | 'number'

/** One occurrence of an entity: UTF-16 offsets into the raw text. */
export interface EntityMention {
  start: number
  end: number
  text: string
  /** Body sentence holding the mention, or null in the title or a caption. */
  sentenceId: string | null
  /** Start offset of the whole noun phrase (title + complements + name) when a title preceded the name. */
  phraseStart: number
}

/** An entity of the article with all its mentions (spelling variants merged). */
export interface FoundEntity {
  id: string
  type: EntityType
  canonical: string
  mentions: EntityMention[]
  source: 'lexicon' | 'rule'
  lexiconId: string | null
  gender: 'm' | 'f' | null
  /** Titles seen before the person's name in the article, e.g. «وزير الدفاع الروسي». */
  roles: string[]
  /**
   * True for a country that is a party to the story rather than a location in it: its nationality
   * adjective also occurs in the article («روسيا» with «الروسي»). The bank lists locations as places;
   * parties stay available to the question builders (cloze, true/false) but are not listed as places.
   */
  party?: boolean
}

/** A unit of text scanned for entities: a body sentence, the title or a caption. */
interface Unit {
  sentenceId: string | null
  kind: SegmentKind
  tokens: Token[]
  keys: TokenKeys[]
  /** Clitic bases of each token (for exact trigger matching). */
  bases: Array<Set<string>>
  used: Array<string | null>
}

export interface RecognizeOptions {
  /** Switch the person and place lexicons off (measures how far the rules carry an unseen article). */
  rulesOnly?: boolean
}

const JOIN_GAP = /^[\s"«»“”'ـ]*$/
const FEMININE_TITLE = /(?:ه|ة)$/

function gapOk(text: string, a: Token, b: Token): boolean {
  return JOIN_GAP.test(text.slice(a.end, b.start))
}

/** Trigger phrases indexed by their first word (normalised, with and without the article). */
type PhraseIndex = Map<string, string[][]>

const stripArticle = (w: string) => (w.startsWith('ال') && w.length > 3 ? w.slice(2) : w)

function phraseList(phrases: string[]): PhraseIndex {
  const index: PhraseIndex = new Map()
  for (const p of phrases) {
    const toks = tokenize(p).map((t) => t.norm)
    if (!toks.length) continue
    for (const k of new Set([toks[0]!, stripArticle(toks[0]!)])) {
      const list = index.get(k) ?? []
      list.push(toks)
      index.set(k, list)
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length)
  return index
}

/**
 * Length in tokens of the longest trigger phrase starting at token `i`, or 0. Trigger words match exactly
 * after removing proclitics (no suffix stripping: «مدير» must not meet «مديرية»).
 */
function matchPhrase(text: string, unit: Unit, i: number, index: PhraseIndex): number {
  let best = 0
  for (const b of unit.bases[i]!) {
    for (const phrase of index.get(b) ?? []) {
      if (phrase.length <= best || i + phrase.length > unit.tokens.length) continue
      let ok = true
      for (let k = 1; k < phrase.length && ok; k++) {
        const w = phrase[k]!
        if (!gapOk(text, unit.tokens[i + k - 1]!, unit.tokens[i + k]!)) ok = false
        else if (!unit.bases[i + k]!.has(w) && !unit.bases[i + k]!.has(stripArticle(w))) ok = false
      }
      if (ok) best = phrase.length
    }
  }
  return best
}

/** True when a person's title reaches token `i` («وزير» before «الخارجية», or «وزير الخارجية» over it). */
function titleEndsAt(text: string, unit: Unit, i: number, titles: PhraseIndex): boolean {
  for (let start = Math.max(0, i - 3); start < i; start++) if (matchPhrase(text, unit, start, titles) >= i - start) return true
  return false
}

/** A title with a possessive pronoun attached to its first word («رئيسها», «وزيرهم»): length in tokens, or 0. */
function matchTitleWithPronoun(text: string, unit: Unit, i: number, index: PhraseIndex): number {
  const t = unit.tokens[i]!
  const m = /^(.{3,})(?:ها|هم|ه)$/.exec(t.norm)
  if (!m) return 0
  const saved = unit.bases[i]!
  unit.bases[i] = new Set([m[1]!, ...[...saved].map((b) => b.replace(/(?:ها|هم|ه)$/, ''))])
  const n = matchPhrase(text, unit, i, index)
  unit.bases[i] = saved
  return n
}

/**
 * The definite article is written with a bare alef (hamzat wasl): «الأنصاري» is definite, «أليكس» is a
 * name. The raw surface decides, not the normalised form (where أ and ا are one letter).
 */
const isDefinite = (t: Token) =>
  /^(?:[وفبك]?ال|لل)/.test(t.text.replace(/[\u064B-\u0652\u0640]/g, '')) && /^(?:[وف]?(?:ال|لل|بال))/.test(t.norm)
/**
 * A function word. Normalisation merges «على» (on) with the name «علي» (Ali); the raw letter decides.
 */
const isFunction = (t: Token) =>
  t.text.replace(/[\u064B-\u0652]/g, '') !== 'علي' && (FUNCTION_WORDS.has(t.norm) || FUNCTION_WORDS.has(t.norm.replace(/^[وف]/, '')))

interface Triggers {
  titles: PhraseIndex
  nationalities: PhraseIndex
  placeHeads: PhraseIndex
  orgHeads: PhraseIndex
  weaponHeads: PhraseIndex
  nonName: Set<string>
  givenNames: Set<string>
  /** Stems of the vocabulary lexicon's forms: Arabic words, so not parts of a transliterated name. */
  vocabularyStems: Set<string>
}

const triggerCache = new WeakMap<Lexicon, Triggers>()
function triggersOf(lexicon: Lexicon): Triggers {
  const hit = triggerCache.get(lexicon)
  if (hit) return hit
  const t = lexicon.triggers
  const out: Triggers = {
    titles: phraseList(t.person_titles),
    nationalities: phraseList(t.nationalities),
    placeHeads: phraseList(t.place_heads),
    orgHeads: phraseList(t.organization_heads),
    weaponHeads: phraseList(t.weapon_heads),
    nonName: new Set(t.non_name_words.map((w) => normalizeLetters(w))),
    givenNames: new Set(t.given_names.map((w) => normalizeLetters(w))),
    vocabularyStems: new Set(
      lexicon.vocabulary.flatMap((v) => [v.lemma, ...v.forms]).flatMap((f) => tokenize(f).map((t) => stripArticle(t.norm))),
    ),
  }
  triggerCache.set(lexicon, out)
  return out
}

/**
 * A word that reads as a verb, not a transliterated name: an imperfect prefix ي / ت before a consonant
 * («يظهر», «تعتبر»; not «تيخونوف», «يوشيدا», «تشوي»), or an object pronoun suffix («يعتبرها»).
 */
const looksVerb = (t: Token) => (/^[يت][^اويش]/.test(t.norm) && t.norm.length >= 4) || (/(?:ها|هم|هما)$/.test(t.norm) && t.norm.length >= 5)

/** Heads of institution names that take a place name as their complement: «جامعة أوسلو», «مطار كييف». */
const INSTITUTION_HEADS = new Set(
  ['جامعة', 'معهد', 'مطار', 'ميناء', 'قاعدة', 'سجن', 'مستشفى', 'محطة', 'مصنع', 'منشأة', 'مجمع'].map((w) => normalizeLetters(w)),
)

/**
 * 1 when a rule's head word carries a conjunction («ومطار», «والوكالة») — the head matched without it —
 * else 0: the entity starts after the «و» / «ف».
 */
function conjunctionLength(t: Token, heads: PhraseIndex): number {
  if (!/^[وف]/.test(t.text)) return 0
  return heads.has(t.norm) || heads.has(stripArticle(t.norm)) ? 0 : 1
}

/** Moves the mention that starts at `tokenStart` to start at `from` (past a conjunction). */
function trimStart(text: string, e: FoundEntity, tokenStart: number, from: number) {
  if (from === tokenStart) return
  const m = e.mentions.find((x) => x.start === tokenStart)
  if (!m) return
  m.start = from
  if (m.phraseStart < from) m.phraseStart = from
  m.text = text.slice(m.start, m.end)
}

/** Nisba adjectives («الروسي», «الكورية») and other adjective-like endings. */
const looksAdjective = (t: Token) => /(?:ي|يه|يين|يتين|يان|يات)$/.test(t.norm)

/**
 * Finds the entities of an article.
 * @param text the raw article text.
 * @param segments from `segmentText`; body sentences, the title and captions are scanned.
 * @param sentences body sentences from `splitSentences`.
 * @param lexicon the validated lexicon.
 * @returns entities with their mentions in text order; ids are stable for the same text and lexicon.
 */
export function recognizeEntities(
  text: string,
  segments: Segment[],
  sentences: Sentence[],
  lexicon: Lexicon,
  options: RecognizeOptions = {},
): FoundEntity[] {
  const index = buildLexiconIndex(
    lexicon,
    options.rulesOnly ? (['organization', 'weapon'] as const) : (['person', 'place', 'organization', 'weapon'] as const),
  )
  const trig = triggersOf(lexicon)
  const units: Unit[] = []
  const mkUnit = (sentenceId: string | null, kind: SegmentKind, start: number, end: number) => {
    const tokens = tokenize(text, start, end)
    units.push({
      sentenceId,
      kind,
      tokens,
      keys: tokens.map((t) => tokenKeys(t, true)),
      bases: tokens.map((t) => new Set(cliticBases(t.norm))),
      used: tokens.map(() => null),
    })
  }
  for (const seg of segments) if (seg.kind === 'title' || seg.kind === 'caption') mkUnit(null, seg.kind, seg.start, seg.end)
  for (const s of sentences) mkUnit(s.id, 'body', s.start, s.end)
  units.sort((a, b) => (a.tokens[0]?.start ?? 0) - (b.tokens[0]?.start ?? 0))

  const entities = new Map<string, FoundEntity>()
  const aliasHits: Array<{ unit: Unit; from: number; to: number; entryId: string; canonical: string }> = []

  const addMention = (
    key: string,
    type: EntityType,
    canonical: string,
    unit: Unit,
    from: number,
    to: number,
    meta: { source: 'lexicon' | 'rule'; lexiconId: string | null; phraseStart?: number; role?: string; gender?: 'm' | 'f' | null },
  ) => {
    const a = unit.tokens[from]!
    const b = unit.tokens[to - 1]!
    let e = entities.get(key)
    if (!e) {
      e = {
        id: `${type}-${meta.lexiconId ?? stableHash(key).slice(0, 10)}`,
        type,
        canonical,
        mentions: [],
        source: meta.source,
        lexiconId: meta.lexiconId,
        gender: meta.gender ?? null,
        roles: [],
      }
      entities.set(key, e)
    }
    if (meta.role && !e.roles.includes(meta.role)) e.roles.push(meta.role)
    if (!e.gender && meta.gender) e.gender = meta.gender
    if (!e.mentions.some((m) => m.start === a.start)) {
      e.mentions.push({
        start: a.start,
        end: b.end,
        text: text.slice(a.start, b.end),
        sentenceId: unit.sentenceId,
        phraseStart: meta.phraseStart ?? a.start,
      })
    }
    for (let k = from; k < to; k++) unit.used[k] = e.id
    return e
  }

  const genderOf = (entryId: string): 'm' | 'f' | null =>
    lexicon.people.find((p) => p.id === entryId)?.gender ?? null

  // A. Lexicon lookup, longest match first.
  for (const unit of units) {
    for (let i = 0; i < unit.tokens.length; i++) {
      let best: { len: number; v: (typeof index.variants)[number] } | null = null
      for (const v of lookupFirst(index, unit.keys[i]!)) {
        const n = v.tokens.length
        if (i + n > unit.tokens.length) continue
        let ok = true
        // Skeletons merge spelling variants only inside multi-word names that share an exact word
        // («كيم جونج أون»/«كيم جونغ أون»); a one-word skeleton match meets common words too often.
        let exact = stemsMatch(unit.keys[i]!, v.tokens[0]!, v.inflects)
        if (!exact && !skeletonsMatch(unit.keys[i]!, v.tokens[0]!)) ok = false
        for (let k = 1; k < n && ok; k++) {
          if (!gapOk(text, unit.tokens[i + k - 1]!, unit.tokens[i + k]!) || !keysMatch(unit.keys[i + k]!, v.tokens[k]!, v.inflects)) ok = false
          else if (stemsMatch(unit.keys[i + k]!, v.tokens[k]!, v.inflects)) exact = true
        }
        if (!exact) ok = false
        // A one-token match on a function word («آن» vs «أن») or a two-letter word needs the exact form.
        if (ok && n === 1 && (isFunction(unit.tokens[i]!) || unit.tokens[i]!.norm.length < 3)) {
          ok = cliticBases(unit.tokens[i]!.norm).some((b) => v.tokens[0]!.stems.has(b))
          if (isFunction(unit.tokens[i]!)) ok = false
        }
        // A feminine noun ending in ة names the weapon only in a feminine form: «مقاتلة» (fighter jet), «مقاتلات»,
        // «مقاتلتان», never the masculine «مقاتل» / «مقاتلين» (fighters, people) that light stemming merges with it.
        if (ok && v.type === 'weapon' && !feminineFormAgrees(unit.tokens[i + n - 1]!.norm, v.canonical)) ok = false
        if (!ok) continue
        if (!best || n > best.len || (n === best.len && best.v.alias && !v.alias)) best = { len: n, v }
      }
      if (!best) continue
      const { v, len } = best
      if (v.type === 'place' && insideQuotedName(text, unit, i, i + len)) {
        i += len - 1
        continue
      }
      // «وزير الخارجية الأمريكي» is a minister's title, not the ministry: an organisation matched without
      // its head noun right after a person's title is part of that title
      if (v.type === 'organization' && i > 0 && !matchPhrase(text, unit, i, trig.orgHeads) && titleEndsAt(text, unit, i, trig.titles)) {
        i += len - 1
        continue
      }
      if (v.alias) {
        aliasHits.push({ unit, from: i, to: i + len, entryId: v.entryId, canonical: v.canonical })
        i += len - 1
        continue
      }
      addMention(`lex:${v.type}:${v.entryId}`, v.type, v.canonical, unit, i, i + len, {
        source: 'lexicon',
        lexiconId: v.entryId,
        gender: v.type === 'person' ? genderOf(v.entryId) : null,
      })
      i += len - 1
    }
  }

  const nationalStems = new Set(
    lexicon.triggers.nationalities.flatMap((x) => tokenize(x)).map((t) => t.norm.replace(/^ال/, '').replace(/(?:يه|ي)$/, '')),
  )
  const isNationality = (unit: Unit, k: number) =>
    nationalStems.has(unit.tokens[k]!.norm.replace(/^(?:[وف]?ال)/, '').replace(/(?:يين|ين|يه|يا|ي)$/, ''))

  // Arab family names often carry the article and a nisba ending: «ماجد الأنصاري», «يحيى سريع».
  const familyWithArticle = (unit: Unit, k: number) => {
    const t = unit.tokens[k]!
    return /^ال.{3,}ي$/.test(t.norm) && !unit.used[k] && !isNationality(unit, k) && !isFunction(t) && !trig.vocabularyStems.has(t.norm.slice(2))
  }

  const nameLike = (unit: Unit, k: number) => {
    const t = unit.tokens[k]!
    // «آن» (Ahn) is a name; the particles أن / إن are never written with madda.
    const madda = /^\u0622/.test(t.text)
    if (!unit.used[k] && trig.givenNames.has(t.norm)) return true
    // «علي» (Ali) normalises like «على» (on): the raw yeh makes it a name
    if (!unit.used[k] && t.text.replace(/[\u064B-\u0652]/g, '') === 'علي') return true
    if (unit.used[k] && !unit.used[k]!.startsWith('person-')) return false
    if (!madda && (isFunction(t) || trig.nonName.has(t.norm) || trig.nonName.has(t.norm.replace(/^[وف]/, '')))) return false
    if ([...unit.keys[k]!.stems].some((x) => trig.vocabularyStems.has(x))) return false
    // a proclitic on a function word («بنحو», «وحوالي», «لدى») is no name
    if (/^[وفبلك]/.test(t.norm) && FUNCTION_WORDS.has(t.norm.slice(1))) return false
    // a preposition on a known word («بتنفيذ», «لتعزيز») is no name
    if (/^[بل]/.test(t.norm) && t.norm.length >= 5 && stemCandidates(t.norm.slice(1)).some((x) => trig.vocabularyStems.has(x))) return false
    // …or on a verbal noun of the patterns تفعيل / تفاعل / افتعال («بتنفيذ», «لتبادل», «بانتهاك»)
    if (/^[بل](?:ت..ي.|تا...|ا.ت.ا.)(?:ه|ات)?$/.test(t.norm)) return false
    if (looksVerb(t) || KNOWN_VERBS.has(t.norm)) return false
    if (/ات$/.test(t.norm) && t.norm.length >= 5) return false // sound feminine plural: a common noun
    if (isDefinite(t) || /^\p{N}+$/u.test(t.norm) || t.norm.length < 2) return false
    if (!/[\u0621-\u064AA-Za-z]/.test(t.norm)) return false
    if (/ه$/.test(t.norm) && t.norm.length > 3) return false // teh marbuta: a common noun, rarely a transliterated name
    if (matchPhrase(text, unit, k, trig.titles) || matchPhrase(text, unit, k, trig.nationalities)) return false
    if (matchPhrase(text, unit, k, trig.orgHeads) || matchPhrase(text, unit, k, trig.placeHeads)) return false
    if (matchPhrase(text, unit, k, trig.weaponHeads)) return false
    return true
  }
  // One key for «شي جين بينغ» and «شي جينبينغ»: the skeleton of the name written without spaces.
  const nameKey = (unit: Unit, from: number, to: number) =>
    skeleton(unit.tokens.slice(from, to).map((t) => t.norm).join(''))

  // B. Rules.
  for (const unit of units) {
    const n = unit.tokens.length
    for (let i = 0; i < n; i++) {
      if (unit.used[i]) continue
      const t = unit.tokens[i]!
      // B3. Weapon model names: after «طراز» (a quoted name may have several words: «"دونغ فنغ"»), or a
      // name written with a hyphen and digits («شاهد-136»).
      const afterModel = i > 0 && /^(?:طراز|طرازي)$/.test(unit.tokens[i - 1]!.norm.replace(/^من/, ''))
      const hyphenModel = /^[\p{L}]{2,}[-‐‑][0-9A-Za-z]+$/u.test(t.norm) && /\d/.test(t.norm)
      if (afterModel || (hyphenModel && !/^[0-9]/.test(t.norm))) {
        let k = i + 1
        if (afterModel && /["«“]\s*$/.test(text.slice(unit.tokens[i - 1]!.end, t.start))) {
          while (k < n && k - i < 3 && !unit.used[k] && !/["»”]/.test(text.slice(unit.tokens[k - 1]!.end, unit.tokens[k]!.start))) k++
        }
        const e = addMention(`rule:weapon:${skeleton(unit.tokens.slice(i, k).map((x) => x.norm).join(''))}`, 'weapon', text.slice(t.start, unit.tokens[k - 1]!.end), unit, i, k, { source: 'rule', lexiconId: null })
        // «"دونغ فنغ" (Dongfeng)», «ناسامز (NASAMS)»: the Latin name in parentheses is the same weapon
        const latin = /^["»”]?\s*\(([A-Za-z][A-Za-z0-9 -]{1,30})\)/.exec(text.slice(unit.tokens[k - 1]!.end))
        if (latin) {
          const li = unit.tokens.findIndex((x) => x.start > unit.tokens[k - 1]!.end && x.text === latin[1]!.split(/\s+/)[0])
          if (li > 0 && !unit.used[li]) {
            let le = li + 1
            while (le < n && unit.tokens[le]!.end <= unit.tokens[k - 1]!.end + latin[0].length) le++
            addMention(`rule:weapon:${skeleton(unit.tokens.slice(i, k).map((x) => x.norm).join(''))}`, 'weapon', e.canonical, unit, li, le, { source: 'rule', lexiconId: null })
          }
        }
        i = k - 1
        continue
      }
      // B4. Place head + name (+ nisba adjective).
      const ph = matchPhrase(text, unit, i, trig.placeHeads)
      if (ph && i + ph < n && gapOk(text, unit.tokens[i + ph - 1]!, unit.tokens[i + ph]!)) {
        let k = i + ph
        const placeId = unit.used[k]
        if (ph === 1 && placeId?.startsWith('place-') && INSTITUTION_HEADS.has(t.norm.replace(/^[وف]/, ''))) {
          // «جامعة أوسلو» is an institution of its own, not the city.
          while (k < n && unit.used[k] === placeId) k++
          const city = [...entities.values()].find((x) => x.id === placeId)
          if (city) city.mentions = city.mentions.filter((m) => m.start !== unit.tokens[i + ph]!.start)
          for (let x = i + ph; x < k; x++) unit.used[x] = null
          addMention(`rule:place:${normalizeLetters(text.slice(t.start, unit.tokens[k - 1]!.end))}`, 'place', text.slice(t.start, unit.tokens[k - 1]!.end), unit, i, k, {
            source: 'rule',
            lexiconId: null,
          })
          i = k - 1
          continue
        }
        // after a definite head, the nisba of its country comes first: «العاصمة الكمبودية بنوم بنه»
        if (isDefinite(t) && ph === 1) {
          while (k < n && k - i <= 3 && !unit.used[k] && isDefinite(unit.tokens[k]!) && /(?:ي|يه)$/.test(unit.tokens[k]!.norm) && gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!)) k++
          if (k >= n || !gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!)) k = i + ph
        }
        if (nameLike(unit, k) && !matchPhrase(text, unit, k, trig.nationalities)) {
          const nameAt = k
          k++
          // a second name word of a place written in two («بنوم بنه», «نوم بنه»), when nothing follows
          if (k < n && nameAt > i + ph && nameLike(unit, k) && gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!) && (k + 1 >= n || !nameLike(unit, k + 1))) k++
          // a compass word takes the name it qualifies: «شمال دارفور», «جنوب لبنان»
          if (/^(?:شمال|جنوب|شرق|غرب|وسط)$/.test(unit.tokens[nameAt]!.norm) && k < n && nameLike(unit, k) && gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!)) k++
          if (k < n && isDefinite(unit.tokens[k]!) && looksAdjective(unit.tokens[k]!) && !unit.used[k] && gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!)) k++
          // a definite head is in apposition («العاصمة برازيليا»): the place is the name; an indefinite
          // head is part of it («قاعدة أكروتيري», «جامعة أوسلو»)
          const appositive = isDefinite(t) && ph === 1
          const first = appositive ? nameAt : i
          const from = appositive ? unit.tokens[nameAt]!.start : t.start + conjunctionLength(t, trig.placeHeads)
          const e = addMention(`rule:place:${nameKey(unit, first, k)}`, 'place', text.slice(from, unit.tokens[k - 1]!.end), unit, first, k, {
            source: 'rule',
            lexiconId: null,
          })
          trimStart(text, e, unit.tokens[first]!.start, from)
          i = k - 1
          continue
        }
      }
      // B5. Organisation head + definite complements (+ «في» + place).
      const oh = matchPhrase(text, unit, i, trig.orgHeads)
      // a head with a quoted name: «شركة "شاهد" لصناعات الطيران», «حركة "حماس"»
      if (oh && i + oh < n && /^\s*["«“]\s*$/.test(text.slice(unit.tokens[i + oh - 1]!.end, unit.tokens[i + oh]!.start))) {
        let k = i + oh + 1
        while (k < n && k - (i + oh) < 3 && !/["»”]/.test(text.slice(unit.tokens[k - 1]!.end, unit.tokens[k]!.start))) k++
        if (/^["»”]/.test(text.slice(unit.tokens[k - 1]!.end))) {
          // the prepositional complement that follows the name («لصناعات الطيران»)
          if (k < n && /^لل?.{3,}/.test(unit.tokens[k]!.norm) && /^["»”]?\s+$/.test(text.slice(unit.tokens[k - 1]!.end, unit.tokens[k]!.start))) {
            k++
            // its own complement, one word («الطيران»); what follows describes the whole name
            if (k < n && isDefinite(unit.tokens[k]!) && !unit.used[k] && gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!)) k++
          }
          const from = t.start + conjunctionLength(t, trig.orgHeads)
          // the name ends with it: its closing quote belongs to the mention («شركة "بايكار"», not «شركة "بايكار»)
          const to = unit.tokens[k - 1]!.end + (/^["»”]/.test(text.slice(unit.tokens[k - 1]!.end)) ? 1 : 0)
          const e = addMention(`rule:organization:${normalizeLetters(text.slice(from, to)).replace(/["«»“”]/g, '')}`, 'organization', text.slice(from, to), unit, i, k, {
            source: 'rule',
            lexiconId: null,
          })
          trimStart(text, e, t.start, from)
          const m = e.mentions.find((x) => x.end === unit.tokens[k - 1]!.end)
          if (m && to > m.end) {
            m.end = to
            m.text = text.slice(m.start, to)
          }
          i = k - 1
          continue
        }
      }
      if (oh) {
        let k = i + oh
        // complements are adjectives and nouns in construct, not a following plural object («المحتجزين»)
        while (
          k < n &&
          k - i < 7 &&
          !unit.used[k] &&
          isDefinite(unit.tokens[k]!) &&
          !isFunction(unit.tokens[k]!) &&
          !matchPhrase(text, unit, k, trig.titles) &&
          !(/(?:ين|ون)$/.test(unit.tokens[k]!.norm) && !/يين$|يون$/.test(unit.tokens[k]!.norm) && k > i + oh) &&
          // after a nationality only adjectives follow: «وزارة الخارجية العراقية الهجومَ» ends before the object
          !(k > i + oh && isNationality(unit, k - 1) && !looksAdjective(unit.tokens[k]!)) &&
          gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!)
        )
          k++
        // «القوات الروسية» (a country's forces) names no organisation; «القوات الجوية» (a branch) does
        const genericForces =
          /^(?:[وف]?ال)?قوات$/.test(t.norm) &&
          unit.tokens.slice(i + oh, k).every((x, j) => isNationality(unit, i + oh + j) || /^[وف]?ال?(?:امريكي|بريطاني|غربي|اجنبي)/.test(x.norm))
        if (!genericForces && (k > i + oh || (oh > 1 && isDefinite(t)))) {
          if (k + 1 < n && unit.tokens[k]!.norm === 'في' && unit.used[k + 1]?.startsWith('place-')) {
            const pid = unit.used[k + 1]
            k += 2
            while (k < n && unit.used[k] === pid) k++
          }
          const from = t.start + conjunctionLength(t, trig.orgHeads)
          const e = addMention(`rule:organization:${normalizeLetters(text.slice(from, unit.tokens[k - 1]!.end)).replace(/^(?:بال|لل|ال)/, '')}`, 'organization', text.slice(from, unit.tokens[k - 1]!.end), unit, i, k, {
            source: 'rule',
            lexiconId: null,
          })
          trimStart(text, e, t.start, from)
          i = k - 1
          continue
        }
      }
      // B6. Weapon head + adjectives («صواريخ فرط صوتية»).
      const wh = matchPhrase(text, unit, i, trig.weaponHeads)
      if (wh) {
        let k = i + wh
        // a nationality («صاروخ كوري شمالي») says whose weapon, not which: it does not make a weapon name
        while (k < n && k - i < 5 && !unit.used[k] && looksAdjective(unit.tokens[k]!) && !isFunction(unit.tokens[k]!) && !isNationality(unit, k) && gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!)) k++
        if (k > i + wh) {
          const key = unit.tokens.slice(i, k).map((x) => stemCandidates(x.norm).at(-1)).join(' ')
          addMention(`rule:weapon:${key}`, 'weapon', text.slice(t.start, unit.tokens[k - 1]!.end), unit, i, k, { source: 'rule', lexiconId: null })
          i = k - 1
        }
      }
    }
  }


  // B'. People: titles and appositions (after places and organisations, which a title's complement may hold).
  for (const unit of units) {
    const n = unit.tokens.length
    for (let i = 0; i < n; i++) {
      // B1. Title + complements + name.
      // a title may carry a possessive pronoun: «رئيسها التنفيذي», «وزير خارجيتها»
      const tl = matchPhrase(text, unit, i, trig.titles) || matchTitleWithPronoun(text, unit, i, trig.titles)
      if (tl) {
        let j = i + tl
        let steps = 0
        while (j < n && steps < 8) {
          const t = unit.tokens[j]!
          const prevOk = gapOk(text, unit.tokens[j - 1]!, t)
          if (!prevOk) break
          const used = unit.used[j]
          if (used && used.startsWith('person-')) break
          const nat = matchPhrase(text, unit, j, trig.nationalities)
          const inner = nat ? 0 : matchPhrase(text, unit, j, trig.titles)
          if (nat) {
            j += nat
          } else if (inner) {
            j += inner // nested titles: «نائب وزير الخارجية», «رئيس مجلس الإدارة»
          } else if (used) {
            j++
            while (j < n && unit.used[j] === used) j++
          } else if (isDefinite(t) || /ه$/.test(t.norm) || matchPhrase(text, unit, j, trig.orgHeads) || matchPhrase(text, unit, j, trig.placeHeads)) {
            j++
          } else if ((t.norm === 'في' || t.norm === 'باسم' || t.norm === 'لدي') && j + 1 < n) {
            j++
          } else if (/^[لب].{3,}/.test(t.norm) && j + 1 < n && (unit.used[j + 1] || isDefinite(unit.tokens[j + 1]!))) {
            // a prepositional complement of the role: «المبعوث الخاص لشؤون إيران», «المندوب لدى …»
            j++
          } else break
          steps++
        }
        let k = j
        let patronymic = false
        while (k < n && k - j < 4 && (k === j || gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!))) {
          // a weapon's name is also a family name after a given name: «خلوق بيرقدار»
          const weaponInName = k > j && unit.used[k]?.startsWith('weapon-') && unit.used[k - 1] !== unit.used[k]
          // compound names: «عبد الفتاح», «أبو محمد» take the next word even with the article, and a name
          // holding one may end in a definite family name («عبد الفتاح البرهان»)
          const afterCompound = k > j && /^(?:عبد|ابو|أبو)$/.test(unit.tokens[k - 1]!.norm) && !unit.used[k]
          const compoundFamily =
            k > j + 1 && unit.tokens.slice(j, k).some((x) => /^(?:عبد|ابو)$/.test(x.norm)) && isDefinite(unit.tokens[k]!) && !unit.used[k] && !isNationality(unit, k)
          if (!(nameLike(unit, k) || (k > j && familyWithArticle(unit, k)) || weaponInName || afterCompound || compoundFamily)) break
          k++
          // «X بن Y»: the patronymic takes exactly one more name
          if (k - 1 > j && /^(?:بن|بنت|ابن)$/.test(unit.tokens[k - 1]!.norm) && k < n) {
            k++
            patronymic = true
            break
          }
        }
        // A name has two or three words and a clear end; four name-like words in a row are a clause.
        if (k - j > 3 && !patronymic) k = j
        for (let x = j; x < k; x++) {
          const owner = unit.used[x]
          if (owner?.startsWith('weapon-')) {
            const w = [...entities.values()].find((e) => e.id === owner)
            if (w) w.mentions = w.mentions.filter((m) => m.start !== unit.tokens[x]!.start && m.end !== unit.tokens[x]!.end)
            unit.used[x] = null
          }
        }
        const roleText = text.slice(unit.tokens[i]!.start, unit.tokens[j - 1]!.end)
        const titleTok = unit.tokens[i]!
        const gender: 'm' | 'f' = FEMININE_TITLE.test(titleTok.norm) && !/^(?:ال)?(?:رئيس|زعيم)/.test(titleTok.norm) ? 'f' : 'm'
        if (k - j >= 2 && !unit.tokens.slice(j, k).every((t) => unit.used[unit.tokens.indexOf(t)])) {
          // Extend over a lexicon person already matched inside the name (keep the lexicon entity).
          const existing = unit.used.slice(j, k).find((u) => u && u.startsWith('person-'))
          if (existing) {
            const e = [...entities.values()].find((x) => x.id === existing)!
            if (!e.roles.includes(roleText)) e.roles.push(roleText)
          } else {
            addMention(`rule:person:${nameKey(unit, j, k)}`, 'person', text.slice(unit.tokens[j]!.start, unit.tokens[k - 1]!.end), unit, j, k, {
              source: 'rule',
              lexiconId: null,
              phraseStart: unit.tokens[i]!.start,
              role: roleText,
              gender,
            })
          }
          i = k - 1
          continue
        }
        // Title directly before a lexicon person: record the role and the phrase start.
        const pid = unit.used[j]
        if (pid && pid.startsWith('person-')) {
          const e = [...entities.values()].find((x) => x.id === pid)!
          if (!e.roles.includes(roleText) && j > i + tl - 1) e.roles.push(roleText)
          const m = e.mentions.find((x) => x.start === unit.tokens[j]!.start)
          if (m) m.phraseStart = unit.tokens[i]!.start
        }
      }
      // B2. Name «،» title, after a speech verb: «قال جون سميث، مدير المعهد …».
      if (i > 0 && /^(?:و|ف)?(?:قال|قالت|اضاف|اضافت|حسبما|يقول|تقول|صرح|اوضح)$/.test(unit.tokens[i - 1]!.norm.replace(/^حسبما$/, 'حسبما'))) {
        let k = i
        while (k < n && k - i < 4 && nameLike(unit, k) && (k === i || gapOk(text, unit.tokens[k - 1]!, unit.tokens[k]!))) k++
        if (k - i >= 2 && k < n && /^\s*[،,]\s*$/.test(text.slice(unit.tokens[k - 1]!.end, unit.tokens[k]!.start)) && matchPhrase(text, unit, k, trig.titles)) {
          let r = k + matchPhrase(text, unit, k, trig.titles)
          while (r < n && r - k < 8 && gapOk(text, unit.tokens[r - 1]!, unit.tokens[r]!)) r++
          addMention(`rule:person:${nameKey(unit, i, k)}`, 'person', text.slice(unit.tokens[i]!.start, unit.tokens[k - 1]!.end), unit, i, k, {
            source: 'rule',
            lexiconId: null,
            role: text.slice(unit.tokens[k]!.start, unit.tokens[r - 1]!.end),
            gender: 'm',
          })
          i = k - 1
          continue
        }
      }
    }
  }

  // C. Aliases of lexicon people: only where the full name occurs in the article.
  for (const hit of aliasHits) {
    const e = entities.get(`lex:person:${hit.entryId}`)
    if (!e || hit.unit.used.slice(hit.from, hit.to).some(Boolean)) continue
    addMention(`lex:person:${hit.entryId}`, 'person', e.canonical, hit.unit, hit.from, hit.to, { source: 'lexicon', lexiconId: hit.entryId })
  }

  // D. Family-name links for rule-found people («كليتشكو» → «فيتالي كليتشكو»).
  const people = [...entities.values()].filter((e) => e.type === 'person' && e.source === 'rule')
  const familyKeys = people.map((e) => {
    const fam = tokenize(familyName(e.canonical))[0]!
    return { e, keys: tokenKeys(fam, true), fam }
  })
  for (const unit of units) {
    for (let i = 0; i < unit.tokens.length; i++) {
      const t = unit.tokens[i]!
      if (unit.used[i] || isFunction(t) || t.norm.length < 3) continue
      const hits = familyKeys.filter((f) => keysMatch(unit.keys[i]!, f.keys))
      if (hits.length === 1 && !isFunction(hits[0]!.fam)) {
        const e = hits[0]!.e
        addMention([...entities.entries()].find(([, x]) => x === e)![0], 'person', e.canonical, unit, i, i + 1, { source: 'rule', lexiconId: null })
      }
    }
  }

  // E. Dates and numbers (regular expressions over body sentences).
  for (const unit of units) {
    if (unit.kind !== 'body' || !unit.tokens.length) continue
    const s = sentences.find((x) => x.id === unit.sentenceId)!
    for (const m of findDates(s.text)) {
      const start = s.start + m.index
      pushValue(entities, 'date', text, start, start + m.text.length, s.id)
    }
    for (const m of findQuantities(s.text, lexicon)) {
      const start = s.start + m.index
      pushValue(entities, 'number', text, start, start + m.text.length, s.id)
    }
  }

  const out = [...entities.values()].filter((e) => e.mentions.length > 0)
  markParties(out, units, lexicon)
  for (const e of out) {
    e.mentions.sort((a, b) => a.start - b.start)
    trimProclitics(text, e, lexiconSurfaces(lexicon, e))
  }
  out.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
  return out
}

/**
 * True when tokens `[from, to)` sit inside a quotation that holds more than them: a place name inside a
 * quoted project or product name («قوة سيبيريا 2») is not a mention of the place.
 */
function insideQuotedName(text: string, unit: Unit, from: number, to: number): boolean {
  if (!unit.tokens.length) return false
  const lineStart = unit.tokens[0]!.start
  const lineEnd = unit.tokens[unit.tokens.length - 1]!.end
  const a = unit.tokens[from]!.start
  const b = unit.tokens[to - 1]!.end
  const before = text.slice(lineStart, a)
  const after = text.slice(b, lineEnd + 1)
  const open = Math.max(before.lastIndexOf('"'), before.lastIndexOf('«'), before.lastIndexOf('“'))
  if (open < 0) return false
  const quotesBefore = (before.match(/"/g) ?? []).length
  if (before[open] === '"' && quotesBefore % 2 === 0) return false
  const close = after.search(/["»”]/)
  if (close < 0) return false
  const inner = `${before.slice(open + 1)}${text.slice(a, b)}${after.slice(0, close)}`.trim()
  // a name is short and has no function words; a longer quotation is speech that mentions the place
  const words = tokenize(inner)
  return inner !== text.slice(a, b).trim() && words.length <= 4 && !words.some((w) => isFunction(w))
}

/** Nationality adjectives derived from a country's name: «روسيا» → «روسي», «الصين» → «صيني». */
const IRREGULAR_NISBA: Record<string, string[]> = {
  [normalizeLetters('الولايات المتحدة')]: ['امريكي', 'اميركي'],
  [normalizeLetters('الولايات المتحدة الأمريكية')]: ['امريكي', 'اميركي'],
}

function nisbaOf(country: string): string[] {
  const norm = normalizeLetters(country)
  if (IRREGULAR_NISBA[norm]) return IRREGULAR_NISBA[norm]!
  const first = norm.split(' ')[0]!.replace(/^ال/, '')
  const base = first.replace(/يا$/, '').replace(/ا$/, '').replace(/ه$/, '')
  return [`${base}ي`]
}

/** Marks countries whose nationality adjective occurs in the article as parties (see `FoundEntity.party`). */
function markParties(entities: FoundEntity[], units: Unit[], lexicon: Lexicon) {
  const stems = new Set<string>()
  for (const u of units) {
    for (const t of u.tokens) {
      for (const b of cliticBases(t.norm)) {
        stems.add(b.replace(/(?:يون|يين|يتين|يه|ين|ون)$/, (m) => (m.startsWith('ي') ? 'ي' : '')))
      }
    }
  }
  for (const e of entities) {
    if (e.type !== 'place' || !e.lexiconId) continue
    const entry = lexicon.places.find((p) => p.id === e.lexiconId)
    if (!entry || entry.kind !== 'country') continue
    if (nisbaOf(entry.canonical).some((n) => stems.has(n))) e.party = true
  }
}

/** Surface forms the lexicon gives for an entity (empty for rule-found entities). */
function lexiconSurfaces(lexicon: Lexicon, e: FoundEntity): string[] {
  if (!e.lexiconId) return []
  const list =
    e.type === 'person' ? lexicon.people : e.type === 'place' ? lexicon.places : e.type === 'organization' ? lexicon.organizations : e.type === 'weapon' ? lexicon.weapons : []
  const entry = (list as Array<{ id: string; canonical: string; variants: string[]; aliases?: string[] }>).find((x) => x.id === e.lexiconId)
  return entry ? [entry.canonical, ...entry.variants, ...(entry.aliases ?? [])] : []
}

/**
 * True unless a weapon's canonical name is one feminine noun in ة and the article's word is not feminine:
 * it must end in ة (ه after normalisation), the sound feminine plural ات, the dual تان/تين, or ة before a
 * possessive suffix (تها، ته، تهم، تنا).
 */
function feminineFormAgrees(tokenNorm: string, variantSurface: string): boolean {
  const words = normalizeLetters(variantSurface).split(/\s+/)
  // one word only: in «أسلحة نووية» the ة is the adjective's agreement with a broken plural
  const last = words.length === 1 ? words[0]! : ''
  if (!/ه$/.test(last) || last.length < 4) return true
  return /(?:ه|ات|تان|تين|ته|تها|تهم|تهما|تنا|تي)$/.test(tokenNorm)
}

const PROCLITICS = ['وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك']

/**
 * Moves a mention's start past a proclitic («وبوتين» → «بوتين», «بموسكو» → «موسكو», «لكيم» → «كيم») when
 * the rest is a first word the entity is known by (its canonical name, another mention, a lexicon variant).
 */
function trimProclitics(text: string, e: FoundEntity, surfaces: string[]) {
  const known = new Set<string>()
  for (const s of [e.canonical, ...surfaces]) {
    const first = tokenize(s)[0]
    if (first) known.add(first.norm)
  }
  for (const m of e.mentions) {
    const first = tokenize(m.text)[0]
    if (!first || known.has(first.norm)) continue
    for (const p of PROCLITICS) {
      if (first.norm.startsWith(p) && known.has(first.norm.slice(p.length)) && normalizeLetters(text.slice(m.start, m.start + p.length)) === p) {
        if (m.phraseStart === m.start) m.phraseStart += p.length
        m.start += p.length
        m.text = text.slice(m.start, m.end)
        break
      }
    }
  }
}

function pushValue(entities: Map<string, FoundEntity>, type: 'date' | 'number', text: string, start: number, end: number, sentenceId: string) {
  const surface = text.slice(start, end)
  const key = `${type}:${normalizeLetters(surface).replace(/\s+/g, ' ')}`
  let e = entities.get(key)
  if (!e) {
    e = { id: `${type}-${stableHash(key).slice(0, 10)}`, type, canonical: surface, mentions: [], source: 'rule', lexiconId: null, gender: null, roles: [] }
    entities.set(key, e)
  }
  if (!e.mentions.some((m) => m.start === start)) e.mentions.push({ start, end, text: surface, sentenceId, phraseStart: start })
}

export const MONTHS = [
  'يناير', 'كانون الثاني', 'فبراير', 'شباط', 'مارس', 'آذار', 'أبريل', 'ابريل', 'إبريل', 'نيسان', 'مايو', 'أيار',
  'يونيو', 'يونيه', 'حزيران', 'يوليو', 'يوليه', 'تموز', 'أغسطس', 'اغسطس', 'آب', 'سبتمبر', 'أيلول', 'أكتوبر',
  'اكتوبر', 'تشرين الأول', 'نوفمبر', 'تشرين الثاني', 'ديسمبر', 'كانون الأول',
]
const MONTH_WORDS = new Set(MONTHS.flatMap((m) => m.split(' ')).map((m) => normalizeLetters(m)))
const WEEKDAYS = '(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد)'
const MONTH_RE = MONTHS.slice().sort((a, b) => b.length - a.length).join('|')
const DATE_RE = new RegExp(
  `(?:${WEEKDAYS}\\s+)?[0-9\\u0660-\\u0669]{1,2}\\s+(?:${MONTH_RE})(?:\\s*/\\s*(?:${MONTH_RE}))?(?:\\s+(?:عام\\s+)?[0-9\\u0660-\\u0669]{4})?` +
    // a month and year without a day: «أيار/مايو 2018», «في يوليو 2023»
    `|(?<![0-9\\u0660-\\u0669]\\s)(?:${MONTH_RE})(?:\\s*/\\s*(?:${MONTH_RE}))?\\s+(?:عام\\s+)?[0-9\\u0660-\\u0669]{4}`,
  'g',
)

/** Calendar dates in a string: «13 سبتمبر/ أيلول 2023», «الاربعاء 13 سبتمبر 2023». Offsets are local. */
export function findDates(s: string): Array<{ index: number; text: string }> {
  const out: Array<{ index: number; text: string }> = []
  DATE_RE.lastIndex = 0
  for (let m = DATE_RE.exec(s); m; m = DATE_RE.exec(s)) out.push({ index: m.index, text: m[0] })
  return out
}

const NUMBER_WORDS =
  'واحد|واحدة|اثنان|اثنين|اثنتان|اثنتين|اثنتي|ثلاث|ثلاثة|أربع|أربعة|اربع|اربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثماني|ثمانية|تسع|تسعة|عشر|عشرة|عشرين|عشرون|ثلاثين|أربعين|خمسين|مئة|مائة|مئات|ألف|آلاف|مليون|ملايين|مليار'
const NUMBER_WORD_SET = new Set(NUMBER_WORDS.split('|').map((w) => normalizeLetters(w)))
const UNIT_STEMS = new Set(COUNTED_NOUNS.map((u) => normalizeLetters(u.singular).replace(/ه$/, '')))
/**
 * Not inside a word: at most one proclitic letter (و ف ب ك ل) before a quantity, so «الاثنين» (Monday) and
 * «الدول السبع والعشرين» (a definite numeral phrase) are not read as counts, while «وثلاثة صواريخ» is.
 */
const QUANTITY_START = '(?<![\\u0621-\\u064A]{2})(?<![\\u0621-\\u0627\\u0629-\\u0640\\u0642\\u0645-\\u0647\\u0649\\u064A])'
const QUANTITY_RE = new RegExp(
  `${QUANTITY_START}(?:(?:نحو|حوالي|قرابة|أكثر من|اكثر من|أقل من|زهاء)\\s+)?(?:[0-9\\u0660-\\u0669][0-9\\u0660-\\u0669.,]*|(?:${NUMBER_WORDS})(?:\\s+(?:${NUMBER_WORDS}))?)(?:\\s+[\\u0621-\\u064A\\u064B-\\u0652]+){1,2}`,
  'g',
)

/**
 * Quantities in a string: a number (digits or number words, optionally «نحو / أكثر من») with its counted
 * noun («74 دقيقة», «ثلاثة قادة عسكريين»), and duals of countable nouns («ساعتين», «صاروخين», «مرتين»).
 * Offsets are local to `s`.
 */
export function findQuantities(s: string, lexicon: Lexicon): Array<{ index: number; text: string }> {
  const out: Array<{ index: number; text: string }> = []
  QUANTITY_RE.lastIndex = 0
  for (let m = QUANTITY_RE.exec(s); m; m = QUANTITY_RE.exec(s)) {
    // Keep qualifier, number words, one counted noun, and a following adjective of that noun.
    const words = m[0].split(/\s+/)
    let k = 0
    while (k < words.length && /^(?:نحو|حوالي|قرابة|زهاء|أكثر|اكثر|أقل|من)$/.test(words[k]!)) k++
    while (k < words.length && (NUMBER_WORD_SET.has(normalizeLetters(words[k]!)) || /^[0-9\u0660-\u0669][0-9\u0660-\u0669.,]*$/.test(words[k]!))) k++
    if (k >= words.length) continue
    let keep = k + 1
    if (words[k] === 'من' && k > 0) keep = k // «خمسة من هذه الصواريخ»: the numeral alone
    if (words[k] === 'في' && /^الم(?:ئ|ائ)ة$/.test(words[k + 1] ?? '')) keep = k + 2 // «60 في المئة»
    // an adjective of the counted noun («قادة عسكريين»), never a preposition that normalises alike («على»)
    // nor the next number of a list («خمس عشرة شركة وثمانية مسؤولين»: «وثمانية» starts another count)
    const next = keep < words.length ? normalizeLetters(words[keep]!) : ''
    if (
      next &&
      /(?:ي|يه|يين|ين|يا)$/.test(next) &&
      !FUNCTION_WORDS.has(next) &&
      !NUMBER_WORD_SET.has(next.replace(/^و/, '')) &&
      !/^(?:على|لدى|إلى|الى|حتى|في)$/.test(words[keep]!)
    )
      keep++
    const txt = words.slice(0, keep).join(' ')
    if (MONTH_WORDS.has(normalizeLetters(words[k]!))) continue
    if (/\d{4}/.test(txt) && !/[\u0621-\u064A]{3,}/.test(txt.replace(/\d/g, ''))) continue
    // a year («2024 اتفاقا» after a date) is not a count, unless a counted noun follows it
    const value = Number(normalizeLetters(words[k - 1] ?? ''))
    if (k >= 1 && value >= 1900 && value <= 2100 && !UNIT_STEMS.has(normalizeLetters(words[k] ?? '').replace(/^ال/, '').replace(/ه$/, ''))) continue
    out.push({ index: m.index, text: txt })
  }
  // ordinals: «الجولة السابعة», «المرة الأولى», «اليوم الثالث»
  const ordinal = new RegExp(`(?<![\\u0621-\\u064A])(ال[\\u0621-\\u064A]{2,})\\s+(${ORDINALS.flat().join('|')})(?![\\u0621-\\u064A])`, 'g')
  for (let m = ordinal.exec(s); m; m = ordinal.exec(s)) {
    if (MONTH_WORDS.has(normalizeLetters(m[1]!)) || /^(?:الساعة)$/.test(m[1]!)) continue
    // the ordinal alone is asked: «الرحلة الخارجية _____»
    out.push({ index: m.index + m[0].length - m[2]!.length, text: m[2]! })
  }
  const dualStems = new Set(UNIT_STEMS)
  for (const w of lexicon.weapons) for (const v of w.variants) dualStems.add(normalizeLetters(v).replace(/ه$/, ''))
  const re = /[\u0621-\u064A]+(?:تين|ين|ان|تان)(?=$|[\s،,.؛])/g
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (out.some((o) => m!.index >= o.index && m!.index < o.index + o.text.length)) continue
    const w = normalizeLetters(m[0]).replace(/^(?:و|ف|ب|ل)(?=.{4})/, '').replace(/^ال/, '')
    const stem = w.replace(/(?:تين|تان)$/, '').replace(/(?:ين|ان)$/, '')
    if (UNIT_STEMS.has(stem) || (dualStems.has(stem) && stem.length >= 4)) out.push({ index: m.index, text: m[0] })
  }
  return out.sort((a, b) => a.index - b.index)
}

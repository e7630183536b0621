/**
 * Distractor selection: same entity type, from the article first (most mentioned first), then from the
 * lexicon; never the key's entity or one of its spelling variants, never an entity named in the evidence
 * sentence (it may be another true answer to the same stem, e.g. Shoigu and Lavrov joining the same
 * talks), people of the key's gender where it is known, places of the key's kind where it is known.
 */
import { fastHash } from '../ids'
import type { FoundEntity } from '../entities/recognize'
import { normalizeAnswer, normalizeArabic } from '../text/normalize'
import { stemCandidates, tokenize } from '../text/tokens'
import { familyName } from '../text/words'
import { M49_CONTINENT } from '../../lexicon/schema'
import type { QuestionContext } from './context'

/** How option labels are written: the full name, or the one-word family name (to match a short key). */
export type LabelForm = 'full' | 'short'


const variantCache = new WeakMap<FoundEntity, Set<string>>()

/** Every surface an entity is written with in the article and the lexicon, normalised (cached). */
export function variantKeys(ctx: QuestionContext, e: FoundEntity): Set<string> {
  const hit = variantCache.get(e)
  if (hit) return hit
  const out = new Set<string>([normalizeAnswer(e.canonical), ...e.mentions.map((m) => normalizeAnswer(m.text))])
  for (const s of lexiconForms(ctx, e.type, e.lexiconId)) out.add(normalizeAnswer(s))
  variantCache.set(e, out)
  return out
}

interface PoolEntry {
  id: string
  canonical: string
  keys: Set<string>
  short: string[]
  /** Place kind or weapon category, for preferring distractors of the key's kind. */
  kind: string | null
  gender: 'm' | 'f' | null
  /** A weapon model name (lexicon `model`). */
  model?: boolean
  /** ISO 3166-1 country of a place or organisation, when the lexicon gives it. */
  country?: string
  /** A country's UN M49 sub-region. */
  subregion?: keyof typeof M49_CONTINENT
}

const poolCache = new WeakMap<QuestionContext['lexicon'], Map<string, PoolEntry[]>>()

/** The lexicon's entries of one type with normalised forms, computed once per lexicon. */
function lexiconPool(lexicon: QuestionContext['lexicon'], type: string): PoolEntry[] {
  let byType = poolCache.get(lexicon)
  if (!byType) {
    byType = new Map()
    poolCache.set(lexicon, byType)
  }
  const hit = byType.get(type)
  if (hit) return hit
  const keys = (forms: string[]) => new Set(forms.map(normalizeAnswer))
  const pool: PoolEntry[] =
    type === 'person'
      ? lexicon.people.map((p) => ({ id: p.id, canonical: p.canonical, keys: keys([p.canonical, ...p.variants, ...p.aliases]), short: p.variants, kind: null, gender: p.gender, country: p.country }))
      : type === 'place'
        ? lexicon.places.map((p) => ({ id: p.id, canonical: p.canonical, keys: keys([p.canonical, ...p.variants]), short: [], kind: p.kind, gender: null, country: p.country, subregion: p.subregion }))
        : type === 'organization'
          ? lexicon.organizations.map((o) => ({ id: o.id, canonical: o.canonical, keys: keys([o.canonical, ...o.variants]), short: [], kind: o.kind, gender: null, country: o.country }))
          : type === 'weapon'
            ? lexicon.weapons.map((w) => ({ id: w.id, canonical: w.canonical, keys: keys([w.canonical, ...w.variants]), short: [], kind: w.category, gender: null, model: w.model === true }))
            : []
  byType.set(type, pool)
  return pool
}

function lexiconForms(ctx: QuestionContext, type: string, id: string | null): string[] {
  if (!id) return []
  const lx = ctx.lexicon
  const entry =
    type === 'person'
      ? lx.people.find((x) => x.id === id)
      : type === 'place'
        ? lx.places.find((x) => x.id === id)
        : type === 'organization'
          ? lx.organizations.find((x) => x.id === id)
          : type === 'weapon'
            ? lx.weapons.find((x) => x.id === id)
            : undefined
  if (!entry) return []
  return [entry.canonical, ...entry.variants, ...('aliases' in entry ? entry.aliases : [])]
}

function isAlias(ctx: QuestionContext, e: FoundEntity, form: string): boolean {
  return e.type === 'person' && !!e.lexiconId && !!ctx.lexicon.people.find((p) => p.id === e.lexiconId)?.aliases.includes(form)
}

/**
 * Kinds of place that cannot contain one another, so that a distractor is never a true answer by
 * containment («روسيا» or «الشرق الأقصى الروسي» for a base in Russia's Far East): sites (facilities,
 * buildings, institutions, cities) are asked against sites, regions against regions, countries against
 * countries. A rule-found place takes the kind its head word names («ولاية …» a region), else counts as a site.
 */
function placeGroup(kind: string | null): 'site' | 'region' | 'country' {
  if (kind === 'country') return 'country'
  if (kind === 'region' || kind === 'water') return 'region'
  return 'site'
}

/**
 * Weapon categories that name a whole class of others: «أسلحة» (general) is true of every weapon and
 * «ذخائر» (munitions) of shells and rockets, so they never serve as distractors for those keys.
 */
function weaponCompatible(keyCat: string | undefined, cat: string | undefined): boolean {
  if (cat === 'general') return false
  if ((keyCat === 'artillery' || keyCat === 'munition') && (cat === 'artillery' || cat === 'munition')) return false
  // a weapon of the key's own class may be a kind of it («بيرقدار» for «طائرات مسيرة»): another class
  if (keyCat && cat && keyCat === cat) return false
  return true
}

const oneWordCache = new Map<string, boolean>()
/** True when the string is one word (cached: option labels recur across items). */
function isOneWord(x: string): boolean {
  let v = oneWordCache.get(x)
  if (v === undefined) {
    v = tokenize(x).length === 1
    if (oneWordCache.size > 50_000) oneWordCache.clear()
    oneWordCache.set(x, v)
  }
  return v
}

const countriesOfArticle = new WeakMap<QuestionContext, Set<string>>()
/** ISO countries of the article's places and organisations found in the lexicon (a place's own country). */
function articleCountries(ctx: QuestionContext): Set<string> {
  let set = countriesOfArticle.get(ctx)
  if (!set) {
    set = new Set()
    for (const e of ctx.entities) {
      if (!e.lexiconId) continue
      const entry =
        e.type === 'place' ? ctx.lexicon.places.find((x) => x.id === e.lexiconId) : e.type === 'organization' ? ctx.lexicon.organizations.find((x) => x.id === e.lexiconId) : e.type === 'person' ? ctx.lexicon.people.find((x) => x.id === e.lexiconId) : undefined
      if (entry?.country) set.add(entry.country)
    }
    countriesOfArticle.set(ctx, set)
  }
  return set
}

const ARMED_FORCES = /^(?:الجيش|جيش|القوات المسلحه|قوات مسلحه)\s+(.+)$/

/**
 * True when two names are one country's army under two names («الجيش السوداني» and «القوات المسلحة
 * السودانية»): the same nisba (compared by its stem, so the masculine and feminine agree) after «الجيش» or
 * «القوات المسلحة». A distractor that names the key's army another way would be a second right answer.
 */
export function sameArmedForces(a: string, b: string): boolean {
  const na = ARMED_FORCES.exec(normalizeArabic(a))?.[1]
  const nb = ARMED_FORCES.exec(normalizeArabic(b))?.[1]
  if (!na || !nb) return false
  const stem = (x: string) => x.replace(/^ال/, '').replace(/(?:يه|ي)$/, '')
  return stem(na) === stem(nb)
}

const stemSet = (s: string) => new Set(tokenize(s).map((t) => stemCandidates(t.norm).at(-1)!))

/** True when every word of `a` is a word of `b` («طائرة مسيرة» inside «طائرات مسيرة انتحارية»). */
function containedIn(a: string, b: string): boolean {
  const sa = stemSet(a)
  const sb = stemSet(b)
  return sa.size > 0 && [...sa].every((w) => sb.has(w))
}

/** An adjective after a noun: a nisba («اصطناعي»), a feminine, a participle in م («مصفح», «مضادة»), an
 * active participle of the pattern فاعل («حامل»), or a prepositional phrase («للدبابات»). Anything else after
 * a noun is read as a construct («راجمات صواريخ», «طائرة تجسس»). */
const isNisba = (w: string) => {
  const bare = w.replace(/[\u064B-\u0652]/g, '').replace(/^ال/, '')
  return /(?:ي|ية|يه|يين|يون|يات|ة)$/.test(bare) || /^(?:ل|لل|م)/.test(w) || /^[^ا]ا[^ا]{2}$/.test(bare)
}

/**
 * A distractor written in the key's grammatical form, or null when it cannot be: the article on every
 * word of a noun with nisba adjectives («قمر اصطناعي» → «القمر الاصطناعي») or on the last word of a
 * construct («راجمات صواريخ» → «راجمات الصواريخ») when the key is definite; the accusative tanwin when
 * the key carries it («صاروخاً باليستياً»), spelt as the key spells it (alif then tanwin, or tanwin then alif),
 * on every word of a noun with adjectives but not on a construct (whose first term drops the tanwin and whose
 * second is genitive), and never on sound feminine plurals and diptote broken plurals; a definite key's
 * proclitics («و», «ب», «ل» merged with the article as «لل») on the distractor too. Names (people, places,
 * organisations) are returned as they are; a weapon model name (`options.model`) takes only the proclitics.
 */
export function agreeWith(key: string, distractor: string, type: string, options: { model?: boolean } = {}): string | null {
  if (type !== 'weapon' && type !== 'vocabulary') return distractor
  const kw = key.trim().split(/\s+/)
  const dw = distractor.trim().split(/\s+/)
  if (/\d|[A-Za-z]/.test(distractor) || /\d|[A-Za-z]/.test(key)) return distractor
  // A definite key may carry proclitics before its article: a conjunction and/or a preposition
  // («والغواصات», «للأقمار» = ل + الأقمار, «بالصواريخ»). The distractor takes the same ones, or the key
  // would be the only option that fits the blank's grammar.
  // (at least three letters after the article: «بالون» is a word, not ب + ال + ون)
  const clitic = /^([وف]?)لل.{3}/.exec(kw[0]!)?.[1]?.concat('ل') ?? /^([وف]?[بك]?)ال.{3}/.exec(kw[0]!)?.[1] ?? ''
  const withClitic = (phrase: string) => {
    if (!clitic || !/^ال/.test(phrase)) return phrase
    return clitic.endsWith('ل') ? `${clitic}${phrase.slice(1)}` : `${clitic}${phrase}`
  }
  // a model name is a proper noun: only the key's proclitics (ل of «لل» included) join it
  if (options.model) return clitic ? `${clitic}${distractor}` : distractor
  const keyDefinite = /^(?:[وف]?[بكل]?ال|[وف]?لل)/.test(kw[0]!) || (kw.length > 1 && /^ال/.test(kw[1]!))
  const distDefinite = dw.some((w) => /^ال/.test(w))
  if (keyDefinite && !distDefinite) {
    if (dw.length === 1) return withClitic(`ال${dw[0]}`)
    if (dw.slice(1).every(isNisba)) return withClitic(dw.map((w) => (/^(?:ل|لل)/.test(w) ? w : `ال${w}`)).join(' '))
    // a construct takes the article on its second term and the key's proclitics on its first
    if (dw.length === 2) return `${clitic}${dw[0]} ال${dw[1]}`
    return null
  }
  if (!keyDefinite && distDefinite) return null
  if (keyDefinite && distDefinite) return withClitic(distractor)
  // The key's own spelling of the accusative ending: tanwin before or after the alif (both are in use).
  const ending = /\u0627\u064B$/.test(kw[0]!) ? '\u0627\u064B' : /\u064B\u0627$/.test(kw[0]!) ? '\u064B\u0627' : null
  if (ending && !/\u064B/.test(distractor)) {
    // A construct («طائرة تجسس»): the first term loses its tanwin and the second is genitive, so neither
    // shows the accusative ending; only a noun with adjectives takes it on every word.
    if (dw.length > 1 && !dw.slice(1).every(isNisba)) return distractor
    const tanwin = (w: string) => {
      if (/^(?:ل|لل|ال)/.test(w)) return w
      if (/ة$/.test(w)) return `${w}\u064B`
      // sound feminine plurals, diptote broken plurals (CCāCiC: «صواريخ», «قذائف») and final ى/اء take none
      if (/ات$/.test(w) || /^.{2}ا.{2,}$/.test(w) || /(?:ى|اء)$/.test(w)) return w
      return `${w}${ending}`
    }
    return dw.map(tanwin).join(' ')
  }
  return distractor
}

function weaponCategory(ctx: QuestionContext, e: { lexiconId: string | null }): string | undefined {
  return e.lexiconId ? ctx.lexicon.weapons.find((w) => w.id === e.lexiconId)?.category : undefined
}

/** Head words that say what kind of organisation a rule-found name is («القوات …» military). */
const ORGANIZATION_HEADS: Array<[RegExp, string]> = [
  [/^(?:الجيش|جيش|القوات|قوات|كتائب|سرايا|الحرس|هيئه الاركان|لواء|ميليشيا)(?:\s|$)/, 'military'],
  [/^(?:وزاره|الحكومه|حكومه|البرلمان|مجلس|الرئاسه|رئاسه)(?:\s|$)/, 'government'],
  [/^(?:وكاله انباء|وكاله الانباء|صحيفه|قناه|اذاعه|موقع)(?:\s|$)/, 'media'],
  [/^(?:حزب|حركه|جبهه|تيار)(?:\s|$)/, 'party'],
  [/^(?:شركه|مجموعه)(?:\s|$)/, 'company'],
]

/** An organisation's kind: the lexicon's, else the one its head word names, else null. */
function organizationKind(ctx: QuestionContext, e: { lexiconId: string | null; canonical?: string }): string | null {
  if (e.lexiconId) return ctx.lexicon.organizations.find((o) => o.id === e.lexiconId)?.kind ?? null
  if (!e.canonical) return null
  const norm = normalizeArabic(e.canonical)
  return ORGANIZATION_HEADS.find(([re]) => re.test(norm))?.[1] ?? null
}

/** Head words that say what kind of place a rule-found name is («ولاية شمال دارفور» is a region). */
const PLACE_HEADS: Array<[RegExp, string]> = [
  [/^(?:مدينه|بلده|قريه|العاصمه)\s/, 'city'],
  [/^(?:ولايه|محافظه|اقليم|منطقه|مقاطعه|جزيره|شبه جزيره|قطاع)\s/, 'region'],
  [/^(?:قاعده|مطار|ميناء|منشاه|محطه|معبر|مخيم|سجن|مستشفي)\s/, 'facility'],
  [/^(?:بحر|مضيق|نهر|خليج|المحيط)\s/, 'water'],
  [/^(?:قصر|مبني|مقر)\s/, 'building'],
]

/** A place's kind: the lexicon's, else the one its head word names, else null. */
function placeKind(ctx: QuestionContext, e: { lexiconId: string | null; canonical?: string }): string | null {
  if (e.lexiconId) return ctx.lexicon.places.find((p) => p.id === e.lexiconId)?.kind ?? null
  if (!e.canonical) return null
  const norm = normalizeArabic(e.canonical)
  return PLACE_HEADS.find(([re]) => re.test(norm))?.[1] ?? null
}

interface Candidate {
  label: string
  keys: Set<string>
  score: number
  order: number
  /** A weapon model name (lexicon `model`): a proper noun for {@link agreeWith}. */
  model?: boolean
}

/**
 * Picks `n` distractor labels for a key entity.
 * @param ctx the question context.
 * @param key the entity the key names.
 * @param keyLabel the key option as shown.
 * @param evidenceId the evidence sentence's id (entities named there are excluded).
 * @param form label form matching the key's.
 * @returns `n` labels, or null when fewer than `n` acceptable distractors exist.
 */
export function pickDistractors(
  ctx: QuestionContext,
  key: FoundEntity,
  keyLabel: string,
  evidenceId: string,
  form: LabelForm,
  n = 3,
): string[] | null {
  // A short key («بوتين») wants short options; an entity without a one-word form keeps its full name
  // and ranks lower, so the options stay alike in form.
  const shortForm = (e: { mentions?: Array<{ text: string }>; forms: string[] }): string | null => {
    const one = [...(e.mentions ?? []).map((m) => m.text), ...e.forms].find(isOneWord)
    return one ?? null
  }
  const label = (name: string, forms: string[] = [], mentions?: Array<{ text: string }>) => {
    if (form !== 'short' || key.type !== 'person') return { text: name, penalty: 0 }
    const s = shortForm({ mentions, forms })
    return s ? { text: s, penalty: 0 } : { text: name, penalty: 40 }
  }
  const taken = new Set<string>([...variantKeys(ctx, key), normalizeAnswer(keyLabel)])
  const inEvidence = new Set((ctx.mentionsBySentence.get(evidenceId) ?? []).map((r) => r.entity.id))
  const keyKind = key.type === 'place' ? placeKind(ctx, key) : key.type === 'organization' ? organizationKind(ctx, key) : null
  const keyWeaponCat = key.lexiconId && key.type === 'weapon' ? ctx.lexicon.weapons.find((w) => w.id === key.lexiconId)?.category : undefined
  const cands: Candidate[] = []

  for (const e of ctx.entities) {
    if (e.type !== key.type || e.id === key.id || inEvidence.has(e.id)) continue
    if (key.type === 'person' && key.gender && e.gender && key.gender !== e.gender) continue
    if (key.type === 'place' && placeGroup(placeKind(ctx, e)) !== placeGroup(keyKind)) continue
    if (key.type === 'weapon' && !weaponCompatible(keyWeaponCat, weaponCategory(ctx, e))) continue
    let score = 100 + Math.min(e.mentions.length, 5) * 5
    if (keyKind && (key.type === 'place' ? placeKind(ctx, e) : organizationKind(ctx, e)) === keyKind) score += 20
    const l = label(e.canonical, lexiconForms(ctx, e.type, e.lexiconId).filter((f) => !isAlias(ctx, e, f)), e.mentions)
    const model = e.type === 'weapon' && e.lexiconId !== null && ctx.lexicon.weapons.find((w) => w.id === e.lexiconId)?.model === true
    cands.push({ label: l.text, keys: variantKeys(ctx, e), score: score - l.penalty, order: fastHash(ctx.articleKey, keyLabel, e.id), model })
  }
  const pick = (list: Candidate[], out: string[], used: Set<string>) => {
    list.sort((x, y) => y.score - x.score || x.order - y.order)
    for (const c of list) {
      const label = agreeWith(keyLabel, c.label, key.type, { model: c.model })
      if (!label) continue
      const k = normalizeAnswer(label)
      if (!k || used.has(k) || [...c.keys].some((x) => taken.has(x))) continue
      // A short label that is also part of the key («فلاديمير» of «فلاديمير بوتين») is not a distractor,
      // nor one whose words all stand in the key or the other way round (a kind of the key, or the key's kind).
      if ([...taken].some((t) => t.split(' ').includes(k))) continue
      if (key.type === 'weapon' && (containedIn(label, keyLabel) || containedIn(keyLabel, label))) continue
      if (key.type === 'organization' && (sameArmedForces(label, keyLabel) || out.some((o) => sameArmedForces(label, o)))) continue
      out.push(label)
      used.add(k)
      if (out.length === n) return true
    }
    return false
  }
  const out: string[] = []
  const used = new Set(taken)
  // The article's own entities first; the lexicon only when they run out (and only then is it scanned).
  const strong = cands.filter((c) => c.score >= 100)
  if (pick(strong, out, used)) return out
  const rest = cands.filter((c) => c.score < 100)
  // The lexicon's candidates for this key do not depend on the evidence sentence: made once per key.
  let byKey = lexiconCandidates.get(ctx)
  if (!byKey) {
    byKey = new Map()
    lexiconCandidates.set(ctx, byKey)
  }
  const cacheKey = `${key.id}|${keyLabel}|${form}`
  let fromLexicon = byKey.get(cacheKey)
  if (!fromLexicon) {
    fromLexicon = []
    const articleLex = new Set(ctx.entities.map((e) => e.lexiconId).filter(Boolean))
    const wantKind = keyKind ?? keyWeaponCat ?? null
    const keySubregion = key.type === 'place' && key.lexiconId ? ctx.lexicon.places.find((x) => x.id === key.lexiconId)?.subregion : undefined
    const keyCountry = key.lexiconId
      ? (key.type === 'place' ? ctx.lexicon.places : key.type === 'organization' ? ctx.lexicon.organizations : []).find((x) => x.id === key.lexiconId)?.country
      : undefined
    for (const p of lexiconPool(ctx.lexicon, key.type)) {
      if (p.id === key.lexiconId || articleLex.has(p.id)) continue
      if (key.type === 'person' && key.gender && p.gender !== key.gender) continue
      if (key.type === 'place' && placeGroup(p.kind) !== placeGroup(keyKind)) continue
      if (key.type === 'weapon' && !weaponCompatible(keyWeaponCat, p.kind ?? undefined)) continue
      const l = label(p.canonical, p.short)
      // a city of the key's country reads as a real alternative («الفاشر»: other Sudanese cities first)
      // and, whatever the key, people, bodies and places of the countries the article is about
      const sameCountry = (keyCountry && p.country === keyCountry && p.kind !== 'country' ? 15 : 0) + (p.country && p.kind !== 'country' && articleCountries(ctx).has(p.country) ? 10 : 0)
      // a country of the key's sub-region, else of its continent (UN M49): Algeria's neighbours for Algeria
      const near = keySubregion && p.subregion ? (p.subregion === keySubregion ? 25 : M49_CONTINENT[p.subregion] === M49_CONTINENT[keySubregion] ? 10 : 0) : 0
      const score = (wantKind && p.kind === wantKind ? 30 : key.type === 'person' || key.type === 'organization' ? 10 : 5) + sameCountry + near - l.penalty
      fromLexicon.push({ label: l.text, keys: p.keys, score, order: fastHash(ctx.articleKey, keyLabel, p.id), model: p.model })
    }
    fromLexicon.sort((x, y) => y.score - x.score || x.order - y.order)
    byKey.set(cacheKey, fromLexicon)
  }
  if (pick([...rest, ...fromLexicon], out, used)) return out
  return null
}

const lexiconCandidates = new WeakMap<QuestionContext, Map<string, Candidate[]>>()

/**
 * Deterministic shuffle of the options (the key's position varies across items but is the same on every
 * run): order by a hash of the item seed and the option.
 */
export function arrangeOptions(seed: string, options: string[]): string[] {
  const h = new Map(options.map((o) => [o, fastHash(seed, o)]))
  return [...options].sort((a, b) => h.get(a)! - h.get(b)! || (a < b ? -1 : 1))
}

/**
 * Candidate items: every template that fits every mention, over-generated; the validator and the ranker
 * decide what is emitted.
 */
import type { BankQuestion, QuestionType, Skill } from '../schema'
import type { FoundEntity, EntityMention } from '../entities/recognize'
import type { Sentence } from '../text/sentences'
import type { FoundTerm } from '../vocabulary/find-terms'
import { normalizeAnswer } from '../text/normalize'
import { FUNCTION_WORDS } from '../text/tokens'
import type { QuestionContext, MentionRef } from './context'
import { fastHash } from '../ids'
import { dateCore, dateDistractors, quantityDistractors } from './quantities'
import { agreeWith, arrangeOptions, pickDistractors, variantKeys, type LabelForm } from './distractors'
import { familyName } from '../text/words'
import {
  COMPLEMENTISERS,
  PREPOSITIONS,
  RESUMPTIVE,
  SPEECH,
  bare,
  clauseTail,
  dropConjunction,
  isVerbLike,
  tidy,
  tokenAt,
  words,
} from './templates'

/** A candidate item before validation, ranking and id assignment. */
export interface DraftItem extends Omit<BankQuestion, 'id'> {
  /** Identity of the fact tested: items with the same fact are duplicates. */
  fact: string
  /** Ranking score: higher is better. */
  score: number
  sentenceId: string
  entityId: string | null
}

const BLANK = '_____'
const MAX_STEM_WORDS = 26

function evidenceOf(s: Sentence) {
  return { start: s.start, end: s.end, text: s.text }
}

/** The sentence, normalised, without a leading conjunction: one fact however often it is repeated. */
function sentenceFact(s: Sentence): string {
  return normalizeAnswer(s.text).replace(/^[وف](?=\S{3})/, '')
}

/** Every accepted surface of an entity, the key first. */
function acceptedOf(ctx: QuestionContext, e: FoundEntity, keyLabel: string): string[] {
  const out = [keyLabel]
  const seen = new Set([normalizeAnswer(keyLabel)])
  const add = (s: string) => {
    const k = normalizeAnswer(s)
    if (k && !seen.has(k)) {
      seen.add(k)
      out.push(s)
    }
  }
  add(e.canonical)
  for (const m of e.mentions) add(m.text)
  for (const k of variantKeys(ctx, e)) if (k.split(' ').length > 0) add(k)
  // a person is also named by the family name alone («تيخونوف»), when no other person of the article
  // shares it and it is not a function word («آن»)
  if (e.type === 'person') {
    const fam = familyName(e.canonical)
    const famKey = normalizeAnswer(fam)
    const shared = ctx.entities.some((o) => o !== e && o.type === 'person' && normalizeAnswer(o.canonical).split(' ').includes(famKey))
    if (fam !== e.canonical && famKey.length >= 3 && !shared && !FUNCTION_WORDS.has(famKey)) add(fam)
  }
  return out
}

function labelForm(e: FoundEntity, m: EntityMention): LabelForm {
  return e.type === 'person' && words(m.text) === 1 && words(e.canonical) > 1 ? 'short' : 'full'
}

function salience(e: FoundEntity): number {
  return Math.min(e.mentions.length, 6)
}

function positionBonus(ctx: QuestionContext, s: Sentence): number {
  const i = ctx.sentences.indexOf(s)
  return Math.max(0, 10 - i) // the lead carries the central facts of a news article
}

const tidyCache = new WeakMap<Sentence, string>()
/**
 * The sentence as quoted in explanations: verbatim («كما جاء في النص» must be true), with white space
 * folded and the final full stop left to the explanation (computed once per sentence).
 */
function quoted(s: Sentence): string {
  let t = tidyCache.get(s)
  if (t === undefined) {
    t = s.text.replace(/\s+/g, ' ').trim().replace(/[.]$/, '')
    tidyCache.set(s, t)
  }
  return t
}

function explain(key: string, s: Sentence): string {
  return `الجواب «${key}»، كما جاء في النص: «${quoted(s)}».`
}

function mcq(
  ctx: QuestionContext,
  skill: Skill,
  stem: string,
  ref: MentionRef,
  s: Sentence,
  score: number,
  type: QuestionType = 'mcq',
): DraftItem | null {
  const keyLabel = ref.mention.text
  const distractors = pickDistractors(ctx, ref.entity, keyLabel, s.id, labelForm(ref.entity, ref.mention))
  if (!distractors) return null
  return {
    type,
    skill,
    stem,
    options: arrangeOptions(`${ctx.articleKey}|${stem}`, [keyLabel, ...distractors]),
    key: keyLabel,
    accepted: acceptedOf(ctx, ref.entity, keyLabel),
    evidence: evidenceOf(s),
    explanation: explain(keyLabel, s),
    entity_id: ref.entity.id,
    fact: `${skill}|${ref.entity.id}|${sentenceFact(s)}`,
    score,
    sentenceId: s.id,
    entityId: ref.entity.id,
  }
}

/** «من الذي …؟» for the subject of a clause-initial verb. */
function whoItems(ctx: QuestionContext, s: Sentence, refs: MentionRef[]): DraftItem[] {
  const out: DraftItem[] = []
  const toks = ctx.tokensBySentence.get(s.id)!
  for (const ref of refs) {
    if (ref.entity.type !== 'person' && ref.entity.type !== 'organization') continue
    const i = tokenAt(toks, ref.mention.phraseStart)
    if (i < 1) continue
    // the verb: the clause's first word, right before the subject or before a short prepositional phrase
    let v = i - 1
    let pp = false
    if (!isVerbLike(toks[v]!)) {
      if (i >= 2 && i <= 4 && isVerbLike(toks[0]!) && PREPOSITIONS.has(bare(toks[1]!))) {
        v = 0
        pp = true
      } else continue
    }
    const clauseStart = v === 0 ? s.start : (() => {
      const before = ctx.text.slice(s.start, toks[v]!.start)
      return /[،,]\s*$/.test(before) ? toks[v]!.start : -1
    })()
    if (clauseStart < 0) continue
    if (pp && (ctx.mentionsBySentence.get(s.id) ?? []).some((r) => r.mention.start > toks[0]!.end && r.mention.start < ref.mention.phraseStart && r.entity.type === ref.entity.type)) continue
    const head = dropConjunction(ctx.text.slice(toks[v]!.start, ref.mention.phraseStart), toks[v]!)
    // the subject's own adjectives stay out of the question: «وزارة الدفاع السعودية» is one phrase
    let subjectEnd = ref.mention.end
    for (let k = toks.findIndex((t) => t.start >= subjectEnd); k >= 0 && k < toks.length; k++) {
      const t = toks[k]!
      if (/^\s+$/.test(ctx.text.slice(subjectEnd, t.start)) && /^ال.{2,}(?:ي|يه)$/.test(t.norm) && !refs.some((r) => r !== ref && r.mention.start === t.start && r.entity.type !== 'place')) subjectEnd = t.end
      else break
    }
    // an adverb set off by commas after the subject («فييرا، الثلاثاء، أن …») is skipped over
    const aside = /^\s*،\s*([^،]{1,40}?)\s*،/.exec(ctx.text.slice(subjectEnd, s.end))
    if (aside && words(aside[1]!) <= 3) subjectEnd += aside[0].length
    const tail = clauseTail(ctx.text, subjectEnd, s.end, 16)
    // «أجرى بوتين وكيم …» (a coordinated subject) and «رافق كيم الذي …» (an object with a relative
    // clause) do not make the mention the one answer to «من الذي …؟».
    const next = toks.find((t) => t.start >= ref.mention.end)
    if (next && (/^(?:الذي|التي|الذين)$/.test(next.norm) || (next.norm.startsWith('و') && refs.some((r) => r.mention.start === next.start + 1 || r.mention.start === next.start)))) continue
    // a quotation cut at its first comma is closed with an ellipsis rather than left open
    const quoted = (tail.match(/"/g) ?? []).length % 2 === 1 ? `${tail.trimEnd()}…"` : tail
    // agreement with the verb: a feminine verb («قالت», «أعلنت») asks «من التي» of a woman and «ما الجهة
    // التي» of an organisation; «من الذي» otherwise
    const feminine = /ت$/.test(bare(toks[v]!)) && !/^(?:تابع|ثبت)$/.test(bare(toks[v]!))
    const wh = feminine ? (ref.entity.type === 'organization' ? 'ما الجهة التي' : 'من التي') : 'من الذي'
    if (feminine && ref.entity.type === 'person' && ref.entity.gender !== 'f') continue
    const stem = `${wh} ${tidy(`${head} ${quoted}`)}؟`
    if (words(stem) > MAX_STEM_WORDS || words(stem) < 4) continue
    const score = 60 + salience(ref.entity) * 3 + positionBonus(ctx, s)
    const item = mcq(ctx, 'who', stem, ref, s, score)
    if (!item) continue
    out.push(item)
    if (ref.entity.type === 'person') {
      out.push({
        ...item,
        type: 'short_answer',
        options: [],
        fact: `${item.fact}|typed`,
        score: score - 15,
      })
    }
  }
  return out
}

/** «أين …؟» for a place governed by «في» (or «ب») after a clause-initial verb. */
function whereItems(ctx: QuestionContext, s: Sentence, refs: MentionRef[]): DraftItem[] {
  const out: DraftItem[] = []
  const toks = ctx.tokensBySentence.get(s.id)!
  for (const ref of refs) {
    if (ref.entity.type !== 'place') continue
    const i = tokenAt(toks, ref.mention.start)
    if (i < 0) continue
    const own = toks[i]!
    const viaBa = own.start < ref.mention.start && /ب$/.test(ctx.text.slice(own.start, ref.mention.start))
    const fi = viaBa ? i : i - 1
    if (fi < 0 || (!viaBa && bare(toks[fi]!) !== 'في' && toks[fi]!.norm !== 'في' && toks[fi]!.norm !== 'وفي')) continue
    let stem: string | null = null
    if (fi === 0) {
      // «وفي لوكسمبورغ، فرض …»
      const after = ctx.text.slice(ref.mention.end, s.end)
      if (!/^\s*[،,]/.test(after)) continue
      const restStart = ref.mention.end + after.indexOf(after.trim().slice(1).trim()) 
      const next = toks[tokenAt(toks, restStart)]
      if (!next || !isVerbLike(next)) continue
      const clause = clauseTail(ctx.text, restStart, s.end, 18)
      if (!clause) continue
      stem = `أين ${tidy(clause)}؟`
    } else {
      if (!isVerbLike(toks[0]!) || SPEECH.has(bare(toks[0]!))) continue
      // the place must belong to the main clause: no complementiser or relative pronoun before it, and
      // no other place (a second «في …» would be another true answer)
      if (toks.slice(0, fi).some((t) => COMPLEMENTISERS.has(t.norm))) continue
      if (refs.some((r) => r.entity.type === 'place' && r.mention.end <= toks[fi]!.start)) continue
      const head = dropConjunction(ctx.text.slice(s.start, toks[fi]!.start), toks[0]!)
      if (/[،,"«»]/.test(head)) continue
      stem = `أين ${tidy(head)}؟`
    }
    if (words(stem) > MAX_STEM_WORDS || words(stem) < 4) continue
    const item = mcq(ctx, 'where', stem, ref, s, 58 + salience(ref.entity) * 3 + positionBonus(ctx, s))
    if (item) out.push(item)
  }
  return out
}

/** «ماذا …؟» / «ما الذي … عليه؟» for a weapon in a clause with a verb. */
function weaponItems(ctx: QuestionContext, s: Sentence, refs: MentionRef[]): DraftItem[] {
  const out: DraftItem[] = []
  const toks = ctx.tokensBySentence.get(s.id)!
  for (const ref of refs) {
    if (ref.entity.type !== 'weapon') continue
    // generic terms («أسلحة») make vague questions
    if (ref.entity.lexiconId && ctx.lexicon.weapons.find((w) => w.id === ref.entity.lexiconId)?.category === 'general') continue
    const i = tokenAt(toks, ref.mention.start)
    if (i < 1) continue
    // clause start: after the last comma before the weapon, else the sentence start; a clause that is not a
    // report («يعتقد مراقبون أن …» keeps its reporter) starts after its last complementiser
    const before = ctx.text.slice(s.start, ref.mention.start)
    const comma = Math.max(before.lastIndexOf('،'), before.lastIndexOf(','))
    const cs = comma >= 0 ? s.start + comma + 1 : s.start
    let c = toks.findIndex((t) => t.start >= cs)
    if (c < 0 || c >= i) continue
    if (!SPEECH.has(bare(toks[c]!))) {
      let relative = false
      for (let k = i - 1; k > c; k--) {
        const w = toks[k]!.norm.replace(/^[وف]/, '')
        if (COMPLEMENTISERS.has(w) || COMPLEMENTISERS.has(toks[k]!.norm)) {
          relative = /^(?:الذي|التي|الذين)$/.test(w)
          c = k + 1
          break
        }
      }
      if (relative) continue
    }
    if (c >= i) continue
    if (toks.slice(c, i).some((t) => /^(?:الذي|التي|الذين)$/.test(t.norm))) continue
    const own = toks[i]!
    const prefixRaw = ctx.text.slice(toks[c]!.start, own.start)
    if (/["«»“”]/.test(prefixRaw)) continue // inside quoted speech the clause is the speaker's, not a fact
    // the clause must open with its verb; «بيونغ يانغ فشلت …» (subject first) is turned to verb first
    let clause: string
    let head = toks[c]!
    if (isVerbLike(toks[c]!)) {
      clause = dropConjunction(prefixRaw, toks[c]!)
    } else {
      const subj = refs.find((r) => r.mention.start === toks[c]!.start && r.entity.type !== 'weapon')
      const v = subj ? toks.findIndex((t) => t.start >= subj.mention.end) : -1
      if (!subj || v < 0 || v >= i || !isVerbLike(toks[v]!)) continue
      head = toks[v]!
      clause = `${ctx.text.slice(toks[v]!.start, toks[v]!.end)} ${subj.mention.text} ${ctx.text.slice(toks[v]!.end, own.start)}`
    }
    const clitic = ctx.text.slice(own.start, ref.mention.start)
    const prev = toks[i - 1]!
    const prevRef = refs.find((r) => r.mention.end <= own.start && !/\S/.test(ctx.text.slice(r.mention.end, own.start)))
    let tail = clauseTail(ctx.text, ref.mention.end, s.end, 5)
    if (/^\s*و\S/.test(tail) || /["«»]/.test(tail) || refs.some((r) => r.mention.start >= ref.mention.end && r.mention.start < ref.mention.end + tail.length && r.entity.type === 'weapon')) tail = ''
    let stem: string
    if (/^[بل]$/.test(clitic)) {
      stem = `ما الذي ${tidy(`${clause} ${RESUMPTIVE[clitic]} ${tail}`)}؟`
    } else if (clitic !== '') {
      continue
    } else if (PREPOSITIONS.has(prev.norm) && i - 1 > c) {
      const cut = clause.lastIndexOf(prev.text)
      stem = `ما الذي ${tidy(`${clause.slice(0, cut)} ${RESUMPTIVE[prev.norm]} ${tail}`)}؟`
    } else if (prev === head || (prevRef && prevRef.entity.type !== 'weapon')) {
      // the weapon is the verb's object: «أطلقت بيونغ يانغ صاروخين» → «ماذا أطلقت بيونغ يانغ؟»
      if (/^(?:ال|لل)/.test(bare(own))) continue
      stem = `ماذا ${tidy(`${clause} ${tail}`)}؟`
    } else if (i - 1 > c && !/^(?:ال|لل|[وف]ال)/.test(prev.norm) && !/^(?:طراز|نوع|طرازي)$/.test(prev.norm) && !isVerbLike(prev) && !FUNCTION_WORDS.has(prev.norm) && !FUNCTION_WORDS.has(prev.norm.replace(/^[وف]/, '')) && !refs.some((r) => r.mention.start <= prev.start && prev.start < r.mention.end)) {
      // the weapon completes a noun in construct: «على بناء أقمار» → «على بنائه»
      const cut = clause.lastIndexOf(prev.text)
      if (cut < 0) continue
      stem = `ما الذي ${tidy(`${clause.slice(0, cut)}${attachPronoun(prev.text)} ${tail}`)}؟`
    } else continue
    if (words(stem) > MAX_STEM_WORDS || words(stem) < 3) continue
    const item = mcq(ctx, 'weapon', stem, ref, s, 57 + salience(ref.entity) * 3 + positionBonus(ctx, s))
    if (item) out.push(item)
  }
  return out
}

/**
 * A noun with the third-person masculine pronoun «ـه» attached, with the spelling changes it requires:
 * ة → ته («محاولة» → «محاولته»), final اء → ائه («بناء» → «بنائه»), else + ه («وضع» → «وضعه»).
 */
export function attachPronoun(word: string): string {
  const w = word.replace(/[\u064B-\u0652]+$/, '')
  if (w.endsWith('ة')) return `${w.slice(0, -1)}ته`
  if (w.endsWith('اء')) return `${w.slice(0, -1)}ئه`
  if (w.endsWith('ى')) return `${w.slice(0, -1)}اه`
  return `${w}ه`
}

const CLOZE_MAX_WORDS = 40

/**
 * The text around `[start, end)` that a cloze shows: the whole sentence when it is short, else the
 * clauses around the blank (cut at «،» «؛» «:») grown to at least 12 words and at most
 * {@link CLOZE_MAX_WORDS}, with «…» where the sentence was cut. Parentheses are kept (dates stand in them).
 * @returns the stem with `_____` in place of the span.
 */
function clozeStem(ctx: QuestionContext, s: Sentence, start: number, end: number): string {
  const whole = () => `${ctx.text.slice(s.start, start)}${BLANK}${ctx.text.slice(end, s.end)}`
  if (words(s.text) <= CLOZE_MAX_WORDS) return whole().replace(/\s+/g, ' ').trim()
  const cuts = [s.start]
  for (let i = s.start; i < s.end; i++) if (/[،؛:]/.test(ctx.text[i]!) && (i < start || i >= end)) cuts.push(i + 1)
  cuts.push(s.end)
  let a = cuts.filter((c) => c <= start).length - 1
  let b = cuts.findIndex((c) => c >= end)
  const span = () => `${ctx.text.slice(cuts[a]!, start)}${BLANK}${ctx.text.slice(end, cuts[b]!)}`
  while (words(span()) < 12 && (a > 0 || b < cuts.length - 1)) {
    if (b < cuts.length - 1) b++
    else a--
  }
  if (words(span()) > CLOZE_MAX_WORDS) return ''
  const body = span().replace(/\s+/g, ' ').trim().replace(/[،؛:]$/, '')
  return `${a > 0 ? '… ' : ''}${body}${b < cuts.length - 1 ? ' …' : ''}`
}

const CLOZE_SKILL: Record<string, Skill> = {
  person: 'who',
  organization: 'who',
  place: 'where',
  weapon: 'weapon',
  date: 'when',
  number: 'how_many',
}

/**
 * A weapon mention that is an adjective after its noun («قصف مدفعي» for «مدفعية»): a nisba the lexicon does not
 * list as a name of the weapon. Blanking it would ask for an adjective among nouns.
 */
function isAdjectival(ctx: QuestionContext, ref: MentionRef): boolean {
  const mention = normalizeAnswer(ref.mention.text)
  if (!/ي$/.test(mention)) return false
  const entry = ref.entity.lexiconId ? ctx.lexicon.weapons.find((w) => w.id === ref.entity.lexiconId) : undefined
  const names = entry ? [entry.canonical, ...entry.variants] : [ref.entity.canonical]
  return !names.some((n) => normalizeAnswer(n) === mention)
}

/**
 * A country name used as a nisba adjective after a definite noun («وزارة الدفاع السعودية», «القوات الروسية»):
 * blanking it asks for an adjective, and every option naming a country would read as ungrammatical.
 */
function isNisbaAfterNoun(ctx: QuestionContext, s: Sentence, ref: MentionRef): boolean {
  const m = normalizeAnswer(ref.mention.text)
  if (!/^ال\S*(?:يه|ي)$/.test(m)) return false
  const toks = ctx.tokensBySentence.get(s.id) ?? []
  const prev = [...toks].reverse().find((t) => t.end <= ref.mention.start)
  if (!prev || !/^\s*$/.test(ctx.text.slice(prev.end, ref.mention.start))) return false
  return /^ال/.test(prev.norm) && !FUNCTION_WORDS.has(prev.norm)
}

/** The sentence with one mention blanked; options of the same type. */
/** At most this many entity clozes per entity: a bank with forty blanks for «روسيا» helps no teacher. */
const MAX_CLOZES_PER_ENTITY = 6

function clozeItems(ctx: QuestionContext, s: Sentence, refs: MentionRef[], perEntity: Map<string, number>): DraftItem[] {
  const out: DraftItem[] = []
  for (const ref of refs) {
    if (!['person', 'place', 'weapon', 'organization'].includes(ref.entity.type)) continue
    // the earliest sentences first (the lead carries the central facts)
    const seen = perEntity.get(ref.entity.id) ?? 0
    if (seen >= MAX_CLOZES_PER_ENTITY) continue
    perEntity.set(ref.entity.id, seen + 1)
    if (ref.entity.type === 'weapon' && ref.entity.lexiconId && ctx.lexicon.weapons.find((w) => w.id === ref.entity.lexiconId)?.category === 'general') continue
    if (ref.entity.type === 'weapon' && isAdjectival(ctx, ref)) continue
    if (ref.entity.type === 'place' && isNisbaAfterNoun(ctx, s, ref)) continue
    const stem = tidy(clozeStem(ctx, s, ref.mention.start, ref.mention.end))
    if (!stem.includes(BLANK)) continue
    const skill = CLOZE_SKILL[ref.entity.type]!
    const item = mcq(ctx, skill, `${stem}.`, ref, s, 40 + salience(ref.entity) * 2 + positionBonus(ctx, s), 'cloze')
    if (item) out.push({ ...item, fact: `${item.fact}|cloze` })
  }
  return out
}

/** A true statement (the sentence) and a false one (an entity swapped for another of its type). */
function trueFalseItems(ctx: QuestionContext, s: Sentence, refs: MentionRef[]): DraftItem[] {
  const out: DraftItem[] = []
  if (words(s.text) > 35 || words(s.text) < 6) return out
  const ref = refs.find((r) => r.entity.type === 'person' || r.entity.type === 'place' || r.entity.type === 'weapon')
  if (!ref) return out
  const toks = ctx.tokensBySentence.get(s.id)!
  // «وأضاف أنه …» leaves its speaker to the previous sentence: judged alone, the statement is ambiguous
  if (SPEECH.has(bare(toks[0]!)) && !refs.some((r) => (r.entity.type === 'person' || r.entity.type === 'organization') && r.mention.start <= (toks[3]?.start ?? s.end))) return out
  // a statement opens without the conjunction that tied it to the previous sentence («وأصبحت» → «أصبحت»),
  // unless the «و» belongs to the word («وزير», «واشنطن»)
  const first = toks[0]!
  const startsEntity = refs.some((r) => r.mention.start === first.start)
  const rest = first.norm.slice(1)
  const dropWaw =
    /^[وف]/.test(first.text) &&
    !startsEntity &&
    (isVerbLike(first) || FUNCTION_WORDS.has(rest) || /^[وف](?:ال|بال|لل|[أإتين])/.test(first.text))
  const statementOf = (replacement: string) => {
    const raw = `${ctx.text.slice(s.start, ref.mention.start)}${replacement}${ctx.text.slice(ref.mention.end, s.end)}`
    return `${tidy(dropWaw ? raw.slice(1) : raw)}.`
  }
  const distractors = pickDistractors(ctx, ref.entity, ref.mention.text, s.id, labelForm(ref.entity, ref.mention), 1)
  const skill = CLOZE_SKILL[ref.entity.type]!
  const base = {
    type: 'true_false' as const,
    skill,
    options: ['صح', 'خطأ'],
    evidence: evidenceOf(s),
    entity_id: ref.entity.id,
    sentenceId: s.id,
    entityId: ref.entity.id,
    fact: `${skill}|${ref.entity.id}|${sentenceFact(s)}|tf`,
  }
  const score = 38 + salience(ref.entity) * 2 + positionBonus(ctx, s)
  out.push({
    ...base,
    stem: statementOf(ref.mention.text),
    key: 'صح',
    accepted: ['صح'],
    explanation: `العبارة صحيحة، كما جاء في النص: «${quoted(s)}».`,
    score,
  })
  if (distractors) {
    out.push({
      ...base,
      stem: statementOf(distractors[0]!),
      key: 'خطأ',
      accepted: ['خطأ'],
      explanation: `العبارة خاطئة: النص يذكر «${ref.mention.text}» لا «${distractors[0]}»: «${quoted(s)}».`,
      score: score + 1,
    })
  }
  return out
}

/** At most this many vocabulary cloze items per article (every term still gets its card). */
const MAX_VOCABULARY_ITEMS = 24

/** Vocabulary cloze: the term blanked in its sentence, other lexicon terms as distractors. */
export function vocabularyItems(ctx: QuestionContext, terms: FoundTerm[]): DraftItem[] {
  const out: DraftItem[] = []
  // Terms that occur in the article are never distractors: one of them may fit the blank as well
  // («قمة» where the article says «مفاوضات» of the same meeting).
  const inArticle = new Set(terms.map((t) => t.entry.id))
  for (const term of terms) {
    // a bank needs a few dozen vocabulary items, not one per term: the earliest (most central) terms
    if (out.length >= MAX_VOCABULARY_ITEMS) break
    const s = term.sentence
    // a term inside a name or a title («الرئيس» of «الرئيس الأميركي جو بايدن») is part of the name: its
    // synonyms («الزعيم») would fit the blank too
    const inName = (ctx.mentionsBySentence.get(s.id) ?? []).some((r) => r.mention.phraseStart <= term.start && term.start < r.mention.end)
    if (inName) continue
    const bareSurface = term.surface.replace(/^(?:ال|لل)/, '')
    const inflected = normalizeAnswer(bareSurface) !== normalizeAnswer(term.entry.lemma.replace(/^ال/, ''))
    // a conjugated verb («أدانا») would stand out against other verbs' dictionary forms
    if (term.entry.pos === 'verb' && (inflected || /^(?:ال|لل)/.test(term.surface))) continue
    const ending = normalizeAnswer(bareSurface).slice(-2)
    const formFor = (v: (typeof ctx.lexicon.vocabulary)[number]): string | null => {
      if (!inflected) return v.lemma
      // the form that ends like the key: a plural for a plural, a feminine for a feminine
      return v.forms.find((f) => normalizeAnswer(f).slice(-2) === ending && normalizeAnswer(f) !== normalizeAnswer(v.lemma)) ?? null
    }
    // same topic first, then the rest of the group, each walked from a seeded starting point (stable for
    // the article and term); forms are made lazily, only until three distractors are found
    const group = vocabularyGroup(ctx.lexicon, term.entry.pos, term.entry.lemma)
    const rotate = <T,>(list: T[]) => {
      if (!list.length) return list
      const at = fastHash(ctx.articleKey, term.entry.id) % list.length
      return [...list.slice(at), ...list.slice(0, at)]
    }
    const ordered = [
      ...rotate(group.filter((v) => v.topic === term.entry.topic)),
      ...rotate(group.filter((v) => v.topic !== term.entry.topic)),
    ]
      .filter((v) => v.id !== term.entry.id && !inArticle.has(v.id))
      .map((v) => ({ v }))
    const taken = new Set([normalizeAnswer(term.surface), normalizeAnswer(term.entry.lemma), ...term.entry.forms.map(normalizeAnswer)])
    const sentenceWords = new Set(normalizeAnswer(s.text).split(' '))
    const distractors: string[] = []
    const seen = new Set<string>()
    for (const { v } of ordered) {
      const form = formFor(v)
      const p = form && agreeWith(term.surface, form, 'vocabulary')
      if (!p) continue
      const k = normalizeAnswer(p)
      if (taken.has(k) || seen.has(k) || sentenceWords.has(k)) continue
      distractors.push(p)
      seen.add(k)
      if (distractors.length === 3) break
    }
    if (distractors.length < 3) continue
    const window = clozeStem(ctx, s, term.start, term.end)
    if (!window) continue
    const stem = `${tidy(window)}.`
    out.push({
      type: 'cloze',
      skill: 'vocabulary',
      stem,
      options: arrangeOptions(`${ctx.articleKey}|${stem}`, [term.surface, ...distractors]),
      key: term.surface,
      accepted: [term.surface],
      evidence: evidenceOf(s),
      explanation: `«${term.surface}» (${term.entry.lemma}): ${term.entry.gloss_en}.`,
      entity_id: null,
      fact: `vocabulary|${term.entry.id}`,
      score: 30 + positionBonus(ctx, s),
      sentenceId: s.id,
      entityId: null,
    })
  }
  return out
}

const TIME_WORD =
  /^(?:و?في|من|اليوم|يوم|صباح|مساء|ليل|ليلة|فجر|ظهر|بعد|عصر|الساعة|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد|الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|الحادية|عشرة)$/

/**
 * A «متى …؟» stem for a date in the main clause: the clause from its verb with the time phrase (time words
 * and the date, with its parentheses) taken out, up to the first comma. Null when the sentence does not
 * open with a verb, the date sits after a comma or in a subordinate clause, or the stem would be too long.
 */
function whenStem(ctx: QuestionContext, s: Sentence, start: number, end: number): string | null {
  const toks = ctx.tokensBySentence.get(s.id)!
  if (!toks.length || !isVerbLike(toks[0]!) || SPEECH.has(bare(toks[0]!))) return null
  const before = ctx.text.slice(s.start, start)
  if (/[،,؛]/.test(before) || toks.some((t) => t.end <= start && COMPLEMENTISERS.has(t.norm))) return null
  // the time phrase: the date (with an enclosing parenthesis) and the time words just before it
  let a = start
  let b = end
  if (/\(\s*$/.test(ctx.text.slice(s.start, a))) a = ctx.text.lastIndexOf('(', a)
  const close = ctx.text.slice(b, s.end).match(/^\s*\)/)
  if (close) b += close[0].length
  for (let k = toks.findIndex((t) => t.start >= a) - 1; k > 0; k--) {
    if (TIME_WORD.test(toks[k]!.norm) || TIME_WORD.test(toks[k]!.text)) a = toks[k]!.start
    else break
  }
  // «منذ 15 أبريل» asks «منذ متى …؟»
  let wh = 'متى'
  const since = /(?:^|\s)منذ\s*$/.exec(ctx.text.slice(s.start, a))
  if (since) {
    wh = 'منذ متى'
    a = s.start + since.index
  }
  const head = dropConjunction(ctx.text.slice(s.start, a), toks[0]!)
  const tail = clauseTail(ctx.text, b, s.end, 10)
  const stem = `${wh} ${tidy(`${head} ${tail}`)}؟`
  // the key's own year in the stem would give it away
  const year = /[0-9\u0660-\u0669]{4}/.exec(ctx.text.slice(start, end))?.[0]
  if (words(stem) < 4 || words(stem) > MAX_STEM_WORDS || (year && stem.includes(year))) return null
  return stem
}

/**
 * "When" and "how many / how long" cloze items: a date or a quantity blanked in its sentence (parentheses
 * kept: dates often stand in them), with distractors made by changing the number (questions/quantities).
 */
function valueItems(ctx: QuestionContext, s: Sentence, refs: MentionRef[]): DraftItem[] {
  const out: DraftItem[] = []
  for (const ref of refs) {
    if (ref.entity.type !== 'date' && ref.entity.type !== 'number') continue
    let start = ref.mention.start
    let keyText = ref.mention.text
    if (ref.entity.type === 'date') {
      const core = dateCore(keyText)
      start += core.offset
      keyText = core.text
    }
    // a quantity inside a weapon or other entity mention («صاروخين بالستيين») is asked as that entity
    if (ref.entity.type === 'number' && refs.some((r) => r.entity.type !== 'number' && r.entity.type !== 'date' && r.mention.start <= start && start < r.mention.end)) continue
    const distractors = ref.entity.type === 'date' ? dateDistractors(keyText) : quantityDistractors(keyText)
    if (!distractors) continue
    const end = start + keyText.length
    const stem = clozeStem(ctx, s, start, end)
    if (!stem) continue
    const skill: Skill = ref.entity.type === 'date' ? 'when' : 'how_many'
    const options = arrangeOptions(`${ctx.articleKey}|${stem}`, [keyText, ...distractors])
    // «متى …؟» when the date stands in the sentence's main clause: «وقّعت الحكومة يوم الخميس (3 مايو)
    // اتفاقاً …» → «متى وقّعت الحكومة اتفاقاً …؟»
    if (ref.entity.type === 'date') {
      const when = whenStem(ctx, s, ref.mention.start, ref.mention.end)
      if (when) {
        out.push({
          type: 'mcq',
          skill,
          stem: when,
          options: arrangeOptions(`${ctx.articleKey}|${when}`, [keyText, ...distractors]),
          key: keyText,
          accepted: [keyText],
          evidence: evidenceOf(s),
          explanation: explain(keyText, s),
          entity_id: ref.entity.id,
          fact: `${skill}|${normalizeAnswer(keyText)}|${sentenceFact(s)}|mcq`,
          score: 52 + positionBonus(ctx, s),
          sentenceId: s.id,
          entityId: ref.entity.id,
        })
      }
    }
    out.push({
      type: 'cloze',
      skill,
      stem,
      options,
      key: keyText,
      accepted: [keyText],
      evidence: evidenceOf(s),
      explanation: explain(keyText, s),
      entity_id: ref.entity.id,
      fact: `${skill}|${normalizeAnswer(keyText)}|${sentenceFact(s)}`,
      score: 45 + positionBonus(ctx, s),
      sentenceId: s.id,
      entityId: ref.entity.id,
    })
  }
  return out
}

/** Separator between the two sides of a matching pair in `options` («left ↔ right»). */
export const PAIR = ' ↔ '

/**
 * Matching items: people with the title the article gives them («فلاديمير بوتين ↔ الرئيس الروسي»), and
 * vocabulary terms with their English gloss. `options` lists the correct pairs, `key` joins them with « | »;
 * a quiz shows the right-hand sides shuffled. Needs at least three pairs; takes at most four.
 */
function matchingItems(ctx: QuestionContext, terms: FoundTerm[]): DraftItem[] {
  const out: DraftItem[] = []
  const people = ctx.entities
    .filter((e) => e.type === 'person' && e.roles.length > 0)
    .map((e) => {
      const m = e.mentions.find((x) => x.phraseStart < x.start && x.sentenceId) ?? e.mentions.find((x) => x.sentenceId)
      return { e, m, role: e.roles[0]!.replace(/^[وف](?=\S{3})/, '') }
    })
    .filter((p): p is typeof p & { m: EntityMention } => !!p.m)
  const seenRoles = new Set<string>()
  const distinct = people.filter((p) => {
    const k = normalizeAnswer(p.role)
    if (seenRoles.has(k) || words(p.role) > 8) return false
    seenRoles.add(k)
    return true
  })
  const pairsItem = (
    skill: Skill,
    stem: string,
    pairs: Array<{ left: string; right: string; sentence: Sentence }>,
    explanation: string,
    fact: string,
  ) => {
    const options = pairs.map((p) => `${p.left}${PAIR}${p.right}`)
    const s = pairs[0]!.sentence
    out.push({
      type: 'matching',
      skill,
      stem,
      options,
      key: options.join(' | '),
      accepted: [options.join(' | ')],
      evidence: evidenceOf(s),
      explanation,
      entity_id: null,
      fact,
      score: 35,
      sentenceId: s.id,
      entityId: null,
    })
  }
  if (distinct.length >= 3) {
    const chosen = distinct.sort((a, b) => salience(b.e) - salience(a.e) || a.m.start - b.m.start).slice(0, 4)
    const pairs = chosen.map((p) => ({ left: p.e.canonical, right: p.role, sentence: ctx.sentences.find((x) => x.id === p.m.sentenceId)! }))
    pairsItem('who', 'صِل كل شخص بالمنصب الذي يذكره النص له.', pairs, `كما يقدّمهم النص: ${pairs.map((p) => `${p.right} ${p.left}`).join('، ')}.`, 'matching|people')
  }
  const termPairs = terms.filter((t) => words(t.surface) <= 3).slice(0, 4)
  if (termPairs.length >= 3) {
    pairsItem(
      'vocabulary',
      'صِل كل كلمة بمعناها بالإنجليزية.',
      termPairs.map((t) => ({ left: t.surface, right: t.entry.gloss_en, sentence: t.sentence })),
      termPairs.map((t) => `«${t.surface}» (${t.entry.lemma}): ${t.entry.gloss_en}`).join('؛ '),
      'matching|vocabulary',
    )
  }
  return out
}

const vocabularyGroups = new WeakMap<QuestionContext['lexicon'], Map<string, QuestionContext['lexicon']['vocabulary']>>()

/** Vocabulary entries of one part of speech and word count (computed once per lexicon). */
function vocabularyGroup(lexicon: QuestionContext['lexicon'], pos: string, lemma: string) {
  let groups = vocabularyGroups.get(lexicon)
  if (!groups) {
    groups = new Map()
    for (const v of lexicon.vocabulary) {
      const k = `${v.pos}|${v.lemma.split(' ').length}`
      groups.set(k, [...(groups.get(k) ?? []), v])
    }
    vocabularyGroups.set(lexicon, groups)
  }
  return groups.get(`${pos}|${lemma.split(' ').length}`) ?? []
}

/**
 * Every candidate item of the article.
 * @returns drafts in sentence order; not yet validated or deduplicated.
 */
export function buildItems(ctx: QuestionContext, terms: FoundTerm[]): DraftItem[] {
  const clozesPerEntity = new Map<string, number>()
  const out: DraftItem[] = []
  for (const s of ctx.sentences) {
    const refs = ctx.mentionsBySentence.get(s.id) ?? []
    if (!refs.length) continue
    out.push(...whoItems(ctx, s, refs))
    out.push(...whereItems(ctx, s, refs))
    out.push(...weaponItems(ctx, s, refs))
    out.push(...clozeItems(ctx, s, refs, clozesPerEntity))
    out.push(...trueFalseItems(ctx, s, refs))
    out.push(...valueItems(ctx, s, refs))
  }
  out.push(...vocabularyItems(ctx, terms))
  out.push(...matchingItems(ctx, terms))
  return out
}


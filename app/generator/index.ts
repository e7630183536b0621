/**
 * The question generator: a pure pipeline (no Remix, no Prisma, no I/O).
 *
 *   text → segments (text/segments) → sentences (text/sentences) → tokens (text/tokens)
 *        → entities (entities/recognize) and vocabulary terms (vocabulary/find-terms)
 *        → candidate items (questions/build, distractors in questions/distractors)
 *        → validated (questions/validate), ranked and deduplicated bank + default quiz (questions/rank)
 *
 * Offsets everywhere are UTF-16 code units into the text exactly as given.
 */
import type { Lexicon } from '../lexicon/schema'
import { recognizeEntities, type FoundEntity } from './entities/recognize'
import { itemId, stableHash } from './ids'
import { buildContext } from './questions/context'
import { buildItems } from './questions/build'
import { rankItems, selectQuiz, type RankedItem } from './questions/rank'
import { validateItem, type RejectReason } from './questions/validate'
import type { Bank } from './schema'
import { normalizeAnswer } from './text/normalize'
import { segmentText, titleOf, type Segment } from './text/segments'
import { splitSentences, type Sentence } from './text/sentences'
import { findTerms } from './vocabulary/find-terms'

export interface GenerateOptions {
  /** Stable identity of the article (its slug), part of every item id. Default: a hash of the text. */
  articleKey?: string
}

/** The bank plus what the generator knows about how it was made. */
export interface GenerateResult {
  bank: Bank
  /** Ids of the default quiz (12 items balanced across skills and types, fewer for a short article). */
  quiz: string[]
  /** Candidate items rejected by the validator, by reason code. */
  rejected: Partial<Record<RejectReason, number>>
  /** Candidates before validation and deduplication. */
  candidates: number
  /** Estimated difficulty of each emitted question, 0 (easy) to 1 (hard), by id. */
  difficulty: Record<string, number>
  /** Analysis stages, for tools that need them (eval scripts). */
  analysis: { segments: Segment[]; sentences: Sentence[]; entities: FoundEntity[] }
}

/** Raised for input that is not an article: empty, or without Arabic text. */
export class ArticleInputError extends Error {
  override name = 'ArticleInputError'
}

/**
 * Generates the question bank of one article.
 * @param text the article exactly as read (any string; offsets refer to it).
 * @param lexicon the validated lexicon (`loadLexicon()`).
 * @param options `articleKey` (the slug) for stable ids.
 * @returns the bank (the public JSON contract), the default quiz and the validator's rejection counts.
 *   An article with no recognisable entities yields vocabulary items only, or an empty bank; never throws
 *   for text input.
 */
export function generate(text: string, lexicon: Lexicon, options: GenerateOptions = {}): GenerateResult {
  const articleKey = options.articleKey ?? stableHash(text).slice(0, 16)
  const segments = segmentText(text)
  const sentences = splitSentences(text, segments)
  const entities = recognizeEntities(text, segments, sentences, lexicon)
  const terms = findTerms(text, sentences, lexicon)
  const ctx = buildContext(articleKey, text, sentences, entities, lexicon)
  const drafts = buildItems(ctx, terms)

  const listedIds = new Set(entities.filter((e) => listed(e, lexicon)).map((e) => e.id))
  const rejected: Partial<Record<RejectReason, number>> = {}
  const usedIds = new Set<string>()
  const valid: RankedItem[] = []
  for (const d of drafts) {
    const { fact, score, sentenceId, entityId, ...item } = d
    const reasons = validateItem(item, text, segments)
    if (reasons.length) {
      for (const r of reasons) rejected[r] = (rejected[r] ?? 0) + 1
      continue
    }
    // The id names the fact, not the wording: article, skill, type, evidence and key (so a template's new
    // wording keeps the id and a learner's progress); the stem only separates two items on one fact.
    const fact_ = [articleKey, item.skill, item.type, normalizeAnswer(item.evidence.text), normalizeAnswer(item.key)]
    let id = itemId('q', ...fact_)
    if (usedIds.has(id)) id = itemId('q', ...fact_, normalizeAnswer(item.stem))
    usedIds.add(id)
    if (item.entity_id && !listedIds.has(item.entity_id)) item.entity_id = null
    valid.push({ question: { id, ...item }, fact, score, sentenceId, entityId })
  }
  const ranked = rankItems(valid)
  const quiz = selectQuiz(ranked)

  const difficulty: Record<string, number> = {}
  for (const r of ranked) difficulty[r.question.id] = estimateDifficulty(r)

  const bank: Bank = {
    article: {
      title: titleOf(text, segments),
      segments: segments.map(({ kind, start, end }) => ({ kind, start, end })),
      sentences: sentences.map(({ id, start, end, text: t }) => ({ id, start, end, text: t })),
    },
    entities: entities.filter((e) => listed(e, lexicon)).map((e) => ({
      id: e.id,
      type: e.type,
      canonical: e.canonical,
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    questions: ranked.map((r) => ({ ...r.question, difficulty: difficulty[r.question.id] })),
    vocabulary: terms.map((t) => ({
      id: itemId('v', articleKey, t.entry.id, normalizeAnswer(t.sentence.text)),
      surface: t.surface,
      lemma: t.entry.lemma,
      root: t.entry.root,
      gloss_en: t.entry.gloss_en,
      evidence: { start: t.sentence.start, end: t.sentence.end, text: t.sentence.text },
      term: { start: t.start, end: t.end },
    })),
  }
  return { bank, quiz, rejected, candidates: drafts.length, difficulty, analysis: { segments, sentences, entities } }
}

/**
 * Whether an entity is listed in the bank: parties to the story (countries whose nationality adjective
 * also occurs, see `FoundEntity.party`) are not locations, and a generic weapon word alone («أسلحة»)
 * names no weapon; both still serve the question builders.
 */
export function listed(e: FoundEntity, lexicon: Lexicon): boolean {
  if (e.party) return false
  const generic = e.type === 'weapon' && e.lexiconId && lexicon.weapons.find((w) => w.id === e.lexiconId)?.category === 'general'
  // «أسلحة فتاكة» names a kind of weapon; a bare «أسلحة» does not
  if (generic && e.mentions.every((m) => !/\s/.test(m.text.trim()))) return false
  return true
}

/**
 * The bank alone (see {@link generate}).
 * @throws nothing for string input.
 */
export function generateBank(text: string, lexicon: Lexicon, options: GenerateOptions = {}): Bank {
  return generate(text, lexicon, options).bank
}

/**
 * A prior difficulty in [0, 1] until the measured facility index replaces it: typed answers are harder
 * than recognition, true/false easiest (50% guessing); later sentences and longer stems are harder.
 */
function estimateDifficulty(r: RankedItem): number {
  const byType = { true_false: 0.25, mcq: 0.4, cloze: 0.45, matching: 0.45, short_answer: 0.7 }[r.question.type]
  const length = Math.min(r.question.stem.split(/\s+/).length / 60, 0.2)
  return Math.round(Math.min(1, byType + length + (r.question.skill === 'vocabulary' ? 0.1 : 0)) * 100) / 100
}

/**
 * Checks that a file's text is an article the generator can read.
 * @throws ArticleInputError with a one-line reason: empty text, or no Arabic letters.
 */
export function assertArticleText(text: string): void {
  if (!text.trim()) throw new ArticleInputError('the article is empty')
  const arabic = (text.match(/[\u0621-\u064A]/g) ?? []).length
  if (arabic < 20) throw new ArticleInputError('the article has no Arabic text (fewer than 20 Arabic letters)')
}

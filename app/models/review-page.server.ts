/**
 * What the review page shows: the head of the queue as a card face, the four rating previews (ts-fsrs's
 * own preview of each outcome), the feedback on the review just made, and the counts. Everything returned
 * is JSON-safe: instants are ISO 8601 strings, labels are formatted here (in the learner's time zone) so the
 * server and the browser render the same text.
 */
import { prisma } from '~/db.server'
import { DEFAULT_LANG, type Lang } from '~/i18n/lang'
import { formatDateTimeIn, formatDayKey, formatInterval } from '~/utils/format'
import { SentencesSchema, StringListSchema, parseJsonColumn, questionContentSelect } from './bank-json'
import { evidenceContext, type EvidenceContext } from './article-layout'
import { markTerm, type MarkedText } from './card-faces'
import { cardStateSelect, type CardDirection } from './card.server'
import { NotFoundError } from './errors'
import type { RatingValue } from './review-fields'
import type { ReviewSearch } from './review-forms'
import { getReviewQueue, isTypedDirection, nextLearningDue } from './review.server'
import {
  previewReview,
  reviveCardState,
  schedulerFor,
  serializeCardState,
  type CardStateJson,
} from './scheduler.server'

/** The question side and answer side of a card, by direction. */
export type CardFace =
  | {
      direction: 'recognition'
      /** The Arabic term as it occurs in the article. */
      term: string
      sentence: MarkedText | null
      answer: { glossEn: string; lemma: string; root: string | null }
    }
  | {
      direction: 'production'
      /** The English gloss to translate; the Arabic stays on the server until the answer is graded. */
      glossEn: string
      /** The root, shown on request as a hint. */
      root: string | null
    }
  | {
      direction: 'cloze'
      /** The sentence around the blank where the term was (`card-faces.ts` CLOZE_BLANK). */
      before: string
      after: string
      glossEn: string
    }
  | {
      direction: 'question'
      type: string
      stem: string
      /** Options as the quiz showed them ([] for short answers). */
      options: string[]
      answer: { key: string; explanation: string; evidence: EvidenceContext }
    }

/** One rating button: the rating, and where ts-fsrs would schedule the card for it. */
export interface RatingPreview {
  rating: RatingValue
  /** Next due, ISO 8601. */
  due: string
  /** The interval in Arabic words, e.g. «10 دقائق», «3 أيام». */
  interval: string
}

/** The card at the head of the queue. */
export interface ReviewCardView {
  id: string
  /** Echoed by the review form; a post with an outdated version is not applied. */
  version: number
  direction: CardDirection
  /** Typed cards are graded by the app; the others take a self-rating after the reveal. */
  mode: 'typed' | 'self'
  state: CardStateJson
  face: CardFace
  article: { slug: string; titleAr: string }
  /** Self-rated cards only: one preview per rating, Again to Easy. */
  previews: RatingPreview[] | null
}

/** The review just made, shown above the next card. */
export interface ReviewFeedback {
  logId: string
  direction: CardDirection
  rating: RatingValue
  source: string
  /** Typed cards: whether the answer was right; null for self-ratings. */
  correct: boolean | null
  /** Typed cards: what the learner typed. */
  answer: string | null
  /** The Arabic term (vocabulary cards), for the expected answer and speech. */
  term: string | null
  lemma: string | null
  glossEn: string | null
  sentence: MarkedText | null
  /** The card's next due and its distance from the review, when no later review has replaced it. */
  next: { due: string; label: string; interval: string } | null
}

export interface ReviewPageData {
  day: { key: string; label: string }
  timeZone: string
  counts: { due: number; new: number }
  card: ReviewCardView | null
  /** True when the no-JavaScript reveal (`?reveal=<card id>`) names the card shown. */
  revealed: boolean
  /** When the card was first shown (ISO 8601), echoed by the forms to measure the answer time. */
  shownAt: string
  feedback: ReviewFeedback | null
  /** An empty queue's next learning card later today, if any. */
  nextLearning: { due: string; label: string; interval: string } | null
}

/**
 * Everything the review page shows for a learner at `now`.
 * @param input.search the page's parsed search parameters (`reveal`, `shownAt`, `last`).
 * @param input.lang the language of the labels and intervals (default Arabic).
 * @throws NotFoundError when the learner does not exist.
 */
export async function getReviewPage(input: {
  learnerId: string
  now: Date
  search: ReviewSearch
  lang?: Lang
}): Promise<ReviewPageData> {
  const { learnerId, now, search, lang = DEFAULT_LANG } = input
  const queue = await getReviewQueue(learnerId, now, { limit: 1 })
  const { learner, day } = queue
  const head = queue.entries[0]
  const [card, feedback, nextLearning] = await Promise.all([
    head ? loadCardView(head.id, learner.desiredRetention, now, lang) : Promise.resolve(null),
    search.last ? loadFeedback(search.last, learnerId, learner.timeZone, lang) : Promise.resolve(null),
    head ? Promise.resolve(null) : nextLearningDue(learnerId, day, now),
  ])
  const revealed = card !== null && card.mode === 'self' && search.reveal === card.id
  const shownAt = revealed && search.shownAt && search.shownAt <= now ? search.shownAt : now
  return {
    day: { key: day.key, label: formatDayKey(day.key, lang) },
    timeZone: learner.timeZone,
    counts: { due: queue.dueCount, new: queue.newCount },
    card,
    revealed,
    shownAt: shownAt.toISOString(),
    feedback,
    nextLearning: nextLearning
      ? {
          due: nextLearning.toISOString(),
          label: formatDateTimeIn(nextLearning, learner.timeZone, lang),
          interval: formatInterval(nextLearning.getTime() - now.getTime(), lang),
        }
      : null,
  }
}

async function loadCardView(cardId: string, desiredRetention: number, now: Date, lang: Lang): Promise<ReviewCardView> {
  const row = await prisma.card.findUnique({
    where: { id: cardId },
    select: {
      id: true,
      version: true,
      direction: true,
      ...cardStateSelect,
      vocabularyItem: {
        select: {
          surface: true,
          lemma: true,
          root: true,
          glossEn: true,
          evidenceStart: true,
          evidenceText: true,
          termStart: true,
          termEnd: true,
          article: { select: { slug: true, titleAr: true } },
        },
      },
      question: {
        select: {
          ...questionContentSelect,
          article: { select: { slug: true, titleAr: true, text: true, sentences: true } },
        },
      },
    },
  })
  if (!row) throw new NotFoundError('Card')
  const direction = row.direction as CardDirection
  const state = reviveCardState(row)
  let face: CardFace
  let article: { slug: string; titleAr: string }
  if (row.vocabularyItem) {
    const v = row.vocabularyItem
    article = v.article
    const sentence = markTerm({ text: v.evidenceText, start: v.evidenceStart }, { start: v.termStart, end: v.termEnd })
    if (direction === 'production') face = { direction, glossEn: v.glossEn, root: v.root }
    else if (direction === 'cloze') {
      // Cards are created only for items with a term; a term lost by a later re-seed shows the gloss alone.
      face = { direction, before: sentence?.before ?? '', after: sentence?.after ?? '', glossEn: v.glossEn }
    } else {
      face = {
        direction: 'recognition',
        term: v.surface,
        sentence,
        answer: { glossEn: v.glossEn, lemma: v.lemma, root: v.root },
      }
    }
  } else if (row.question) {
    const q = row.question
    article = { slug: q.article.slug, titleAr: q.article.titleAr }
    const text = q.article.text
    const evidence =
      text.slice(q.evidenceStart, q.evidenceEnd) === q.evidenceText
        ? evidenceContext(
            text,
            parseJsonColumn(SentencesSchema, q.article.sentences, `Article ${q.article.slug} sentences`),
            { start: q.evidenceStart, end: q.evidenceEnd },
            0,
          )
        : { sentenceId: null, before: '', evidence: q.evidenceText, after: '' }
    face = {
      direction: 'question',
      type: q.type,
      stem: q.stem,
      options: parseJsonColumn(StringListSchema, q.options, `Question ${q.id} options`),
      answer: { key: q.key, explanation: q.explanation, evidence },
    }
  } else {
    throw new NotFoundError('Card')
  }
  const mode = isTypedDirection(direction) ? 'typed' : 'self'
  let previews: RatingPreview[] | null = null
  if (mode === 'self') {
    const preview = previewReview(schedulerFor(desiredRetention), state, row.id, now)
    previews = ([1, 2, 3, 4] as const).map((rating) => ({
      rating,
      due: preview[rating].due.toISOString(),
      interval: formatInterval(preview[rating].due.getTime() - now.getTime(), lang),
    }))
  }
  return { id: row.id, version: row.version, direction, mode, state: serializeCardState(state), face, article, previews }
}

async function loadFeedback(logId: string, learnerId: string, timeZone: string, lang: Lang): Promise<ReviewFeedback | null> {
  const log = await prisma.reviewLog.findUnique({
    where: { id: logId },
    select: {
      id: true,
      learnerId: true,
      rating: true,
      source: true,
      answer: true,
      correct: true,
      review: true,
      cardVersion: true,
      card: {
        select: {
          direction: true,
          version: true,
          due: true,
          vocabularyItem: {
            select: {
              surface: true,
              lemma: true,
              glossEn: true,
              evidenceStart: true,
              evidenceText: true,
              termStart: true,
              termEnd: true,
            },
          },
        },
      },
    },
  })
  // Someone else's log id in the URL shows nothing rather than an error.
  if (!log || log.learnerId !== learnerId) return null
  const v = log.card.vocabularyItem
  const current = log.card.version === log.cardVersion + 1
  return {
    logId: log.id,
    direction: log.card.direction as CardDirection,
    rating: log.rating as RatingValue,
    source: log.source,
    correct: log.correct,
    answer: log.answer,
    term: v?.surface ?? null,
    lemma: v?.lemma ?? null,
    glossEn: v?.glossEn ?? null,
    sentence: v ? markTerm({ text: v.evidenceText, start: v.evidenceStart }, { start: v.termStart, end: v.termEnd }) : null,
    next: current
      ? {
          due: log.card.due.toISOString(),
          label: formatDateTimeIn(log.card.due, timeZone, lang),
          interval: formatInterval(log.card.due.getTime() - log.review.getTime(), lang),
        }
      : null,
  }
}

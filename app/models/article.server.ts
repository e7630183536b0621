/** Reading articles: the list on the home page and the reading view. */
import { prisma } from '~/db.server'
import { DEFAULT_LANG, type Lang } from '~/i18n/lang'
import { formatDate } from '~/utils/format'
import { SegmentsSchema, SentencesSchema, parseJsonColumn } from './bank-json'
import { layoutArticle, type Block } from './article-layout'
import { NotFoundError } from './errors'
import { QUIZ_QUESTION_TYPES } from './quiz-fields'

/**
 * Filter of the questions a quiz shows: approved by a teacher (the samples are seeded approved), in the
 * generator's default quiz, not retired, of a type the quiz page renders. Order them by `quizPosition`.
 * Drafts and rejected items never reach students.
 */
export const activeQuizQuestion = {
  status: 'approved',
  retired: false,
  quizPosition: { not: null },
  type: { in: [...QUIZ_QUESTION_TYPES] },
}

export interface ArticleSummary {
  slug: string
  titleAr: string
  titleEn: string
  outlet: string
  /** `YYYY-MM-DD` */
  publishedOn: string
  /** The date in Arabic, e.g. «13 سبتمبر 2023». */
  publishedLabel: string
  /** Questions the quiz shows. */
  questionCount: number
}

/**
 * Every shared (sample) article, newest first (ties by slug).
 * @param lang the language of `publishedLabel`.
 * @returns summaries for the home page.
 */
export async function listArticles(lang: Lang = DEFAULT_LANG): Promise<ArticleSummary[]> {
  const rows = await prisma.article.findMany({
    // Teachers' own articles reach students through assignments, not through the public list.
    where: { ownerId: null },
    orderBy: [{ publishedOn: 'desc' }, { slug: 'asc' }],
    select: {
      slug: true,
      titleAr: true,
      titleEn: true,
      outlet: true,
      publishedOn: true,
      _count: { select: { questions: { where: activeQuizQuestion } } },
    },
  })
  return rows.map(({ _count, ...row }) => ({
    ...row,
    publishedLabel: formatDate(row.publishedOn, lang),
    questionCount: _count.questions,
  }))
}

/** A vocabulary card of the article as the reading view lists it. */
export interface ArticleVocabularyEntry {
  id: string
  /** The term as it occurs in the article. */
  surface: string
  lemma: string
  glossEn: string
}

export interface ArticleReading extends ArticleSummary {
  /** The body laid out in blocks; every sentence a piece with its id (anchor `s-<id>`). */
  blocks: Block[]
  /** The article's vocabulary cards (not retired), in the generator's order. */
  vocabulary: ArticleVocabularyEntry[]
  /** False for a teacher's own article: its quiz is taken through assignments only. */
  quizPublic: boolean
}

/**
 * One article laid out for reading.
 * @param slug the article's slug.
 * @param lang the language of `publishedLabel`.
 * @throws NotFoundError when no article has this slug.
 */
export async function getArticleReading(slug: string, lang: Lang = DEFAULT_LANG): Promise<ArticleReading> {
  const row = await prisma.article.findUnique({
    where: { slug },
    select: {
      slug: true,
      titleAr: true,
      titleEn: true,
      outlet: true,
      publishedOn: true,
      text: true,
      segments: true,
      sentences: true,
      ownerId: true,
      _count: { select: { questions: { where: activeQuizQuestion } } },
      vocabulary: {
        where: { retired: false },
        orderBy: { position: 'asc' },
        select: { id: true, surface: true, lemma: true, glossEn: true },
      },
    },
  })
  if (!row) throw new NotFoundError('Article')
  const segments = parseJsonColumn(SegmentsSchema, row.segments, `Article ${slug} segments`)
  const sentences = parseJsonColumn(SentencesSchema, row.sentences, `Article ${slug} sentences`)
  return {
    slug: row.slug,
    titleAr: row.titleAr,
    titleEn: row.titleEn,
    outlet: row.outlet,
    publishedOn: row.publishedOn,
    publishedLabel: formatDate(row.publishedOn, lang),
    questionCount: row._count.questions,
    blocks: layoutArticle(row.text, segments, sentences),
    vocabulary: row.vocabulary,
    quizPublic: row.ownerId === null,
  }
}

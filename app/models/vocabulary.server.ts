/** An article's vocabulary as review cards: the reading page's "add this article's vocabulary" action. */
import { prisma } from '~/db.server'
import { ensureVocabularyCards } from './card.server'
import { NotFoundError } from './errors'
import { adoptTimeZone, createLearner, findLearner, readTimeZoneField } from './learner.server'
import type { ReviewMessageCode } from './review-fields'
import { parseDisplayName } from './review-forms'

/** What the reading page says about an article's vocabulary. */
export interface ArticleVocabularyStatus {
  /** Active vocabulary items of the article. */
  items: number
  /** The signed-in learner's cards for those items (up to three per item), or null without a learner. */
  cards: number | null
  /** The signed-in learner, or null (then the form asks for a display name). */
  learner: { displayName: string } | null
}

/**
 * The article's vocabulary count and the learner's cards of it.
 * @param slug the article's slug.
 * @param learnerId the session's learner id, or null.
 * @throws NotFoundError when no article has this slug.
 */
export async function getArticleVocabularyStatus(slug: string, learnerId: string | null): Promise<ArticleVocabularyStatus> {
  const article = await prisma.article.findUnique({
    where: { slug },
    select: { id: true, _count: { select: { vocabulary: { where: { retired: false } } } } },
  })
  if (!article) throw new NotFoundError('Article')
  const learner = await findLearner(learnerId)
  const cards = learner
    ? await prisma.card.count({
        where: { learnerId: learner.id, vocabularyItem: { articleId: article.id, retired: false } },
      })
    : null
  return { items: article._count.vocabulary, cards, learner: learner ? { displayName: learner.displayName } : null }
}

/** The outcome of {@link addArticleVocabulary}. */
export type AddVocabularyResult =
  | { status: 'added'; learnerId: string; created: number; total: number }
  | { status: 'invalid'; code: ReviewMessageCode; displayName: string }

/**
 * Adds an article's vocabulary to a learner's review cards (three per item, never twice). Without a
 * learner in the session, one is created from the form's `displayName`.
 * @param input.slug the article's slug.
 * @param input.learnerId the session's learner id, or null.
 * @param input.formData the form: `displayName` (only without a learner) and the hidden `timeZone`.
 * @param input.now creation time of the cards.
 * @returns `added` with the learner to keep in the session and the cards created now / in total, or
 *   `invalid` with the display-name error code.
 * @throws NotFoundError when no article has this slug.
 */
export async function addArticleVocabulary(input: {
  slug: string
  learnerId: string | null
  formData: FormData
  now: Date
}): Promise<AddVocabularyResult> {
  const article = await prisma.article.findUnique({ where: { slug: input.slug }, select: { id: true } })
  if (!article) throw new NotFoundError('Article')
  const learner = await findLearner(input.learnerId)
  const timeZone = readTimeZoneField(input.formData)
  let displayName: string | null = null
  if (!learner) {
    const parsed = parseDisplayName(input.formData)
    if (!parsed.success) {
      const raw = input.formData.get('displayName')
      return { status: 'invalid', code: parsed.code, displayName: typeof raw === 'string' ? raw : '' }
    }
    displayName = parsed.name
  }
  return prisma.$transaction(async (tx) => {
    const learnerId = learner?.id ?? (await createLearner(tx, { displayName: displayName!, timeZone }))
    if (learner && timeZone) await adoptTimeZone(tx, learnerId, timeZone)
    const { created, total } = await ensureVocabularyCards(tx, { learnerId, articleId: article.id, now: input.now })
    return { status: 'added' as const, learnerId, created, total }
  })
}

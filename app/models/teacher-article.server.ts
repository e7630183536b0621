/**
 * A teacher's own articles and their question bank: paste → generate → drafts → approve / edit / reject.
 * Every function takes the teacher's id and answers NotFoundError for an article or item of another
 * teacher, exactly as for one that does not exist.
 */
import { randomBytes } from 'node:crypto'
import { generate } from '~/generator/index'
import type { Lexicon } from '~/lexicon/schema'
import { loadLexicon } from '~/lexicon/load.server'
import { prisma } from '~/db.server'
import { StringListSchema, parseJsonColumn, questionColumns, vocabularyColumns } from './bank-json'
import { NotFoundError } from './errors'

let lexicon: Lexicon | undefined
/** The lexicon, loaded from content/lexicon once per process. */
function cachedLexicon(): Lexicon {
  lexicon ??= loadLexicon()
  return lexicon
}

export type ItemStatus = 'draft' | 'approved' | 'rejected'

export interface TeacherArticleSummary {
  id: string
  slug: string
  titleAr: string
  createdAt: string
  counts: Record<ItemStatus, number>
}

/** The teacher's own articles, newest first, with their items counted by status. */
export async function listTeacherArticles(teacherId: string): Promise<TeacherArticleSummary[]> {
  const rows = await prisma.article.findMany({
    where: { ownerId: teacherId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, slug: true, titleAr: true, createdAt: true },
  })
  const groups = await prisma.question.groupBy({
    by: ['articleId', 'status'],
    where: { articleId: { in: rows.map((r) => r.id) }, retired: false },
    _count: { _all: true },
  })
  return rows.map((r) => {
    const counts: Record<ItemStatus, number> = { draft: 0, approved: 0, rejected: 0 }
    for (const g of groups) if (g.articleId === r.id && g.status in counts) counts[g.status as ItemStatus] = g._count._all
    return { id: r.id, slug: r.slug, titleAr: r.titleAr, createdAt: r.createdAt.toISOString(), counts }
  })
}

/**
 * Stores a pasted article (text exactly as given) and its generated bank: every question a draft, the
 * vocabulary items as generated. A repeat of the same post (same teacher, title and text within ten
 * minutes) returns the article stored the first time.
 * @param input validated by `ArticleFormSchema`.
 * @returns the article's id.
 */
export async function createTeacherArticle(
  teacherId: string,
  input: { title: string; text: string },
  now: Date,
): Promise<{ articleId: string }> {
  const earlier = await prisma.article.findFirst({
    where: { ownerId: teacherId, titleAr: input.title, text: input.text, createdAt: { gte: new Date(now.getTime() - 600_000) } },
    select: { id: true },
  })
  if (earlier) return { articleId: earlier.id }
  const slug = `t-${randomBytes(8).toString('hex')}`
  const { bank, quiz } = generate(input.text, cachedLexicon(), { articleKey: slug })
  const quizPosition = new Map(quiz.map((id, i) => [id, i]))
  const article = await prisma.$transaction(async (tx) => {
    const created = await tx.article.create({
      data: {
        slug,
        ownerId: teacherId,
        titleAr: input.title,
        titleEn: '',
        outlet: '',
        publishedOn: now.toISOString().slice(0, 10),
        language: 'ar',
        text: input.text,
        segments: JSON.stringify(bank.article.segments),
        sentences: JSON.stringify(bank.article.sentences),
        createdAt: now,
      },
      select: { id: true },
    })
    await tx.question.createMany({
      data: bank.questions.map((q, position) => ({
        ...questionColumns(q),
        id: q.id,
        articleId: created.id,
        position,
        quizPosition: quizPosition.get(q.id) ?? null,
        status: 'draft',
      })),
    })
    await tx.vocabularyItem.createMany({
      data: bank.vocabulary.map((v, position) => ({ id: v.id, articleId: created.id, ...vocabularyColumns(v), position })),
    })
    return created
  })
  return { articleId: article.id }
}


/**
 * Runs the generator again on one of the teacher's articles (after a lexicon or generator change): new
 * items arrive as drafts, unedited items get the new wording and keep their status, items the generator
 * no longer makes are retired, and an item a teacher edited is never touched.
 * @returns counts of created, updated and retired items.
 * @throws NotFoundError for a missing or foreign article.
 */
export async function regenerateArticle(
  teacherId: string,
  articleId: string,
): Promise<{ created: number; updated: number; retired: number }> {
  const article = await prisma.article.findFirst({ where: { id: articleId, ownerId: teacherId }, select: { slug: true, text: true } })
  if (!article) throw new NotFoundError('Article')
  const { bank, quiz } = generate(article.text, cachedLexicon(), { articleKey: article.slug })
  const quizPosition = new Map(quiz.map((id, i) => [id, i]))
  return prisma.$transaction(async (tx) => {
    const stored = await tx.question.findMany({ where: { articleId }, select: { id: true, editedAt: true, retired: true } })
    const byId = new Map(stored.map((s) => [s.id, s]))
    const counts = { created: 0, updated: 0, retired: 0 }
    for (const [position, q] of bank.questions.entries()) {
      const current = byId.get(q.id)
      const fields = { ...questionColumns(q), position, quizPosition: quizPosition.get(q.id) ?? null, retired: false }
      if (!current) {
        await tx.question.create({ data: { ...fields, id: q.id, articleId, status: 'draft' } })
        counts.created++
      } else if (current.editedAt === null) {
        await tx.question.update({ where: { id: q.id }, data: fields })
        counts.updated++
      }
    }
    const wanted = new Set(bank.questions.map((q) => q.id))
    const gone = stored.filter((s) => !s.retired && s.editedAt === null && !wanted.has(s.id)).map((s) => s.id)
    if (gone.length) await tx.question.updateMany({ where: { id: { in: gone } }, data: { retired: true } })
    counts.retired = gone.length
    return counts
  })
}

export interface ReviewItem {
  id: string
  type: string
  skill: string
  stem: string
  options: string[]
  key: string
  explanation: string
  evidence: string
  status: ItemStatus
  inDefaultQuiz: boolean
  edited: { by: string | null; at: string } | null
}

export interface ArticleReview {
  id: string
  slug: string
  titleAr: string
  items: ReviewItem[]
}

/**
 * One of the teacher's articles with its (not retired) items in bank order, evidence sentence included.
 * @throws NotFoundError for a missing or foreign article.
 */
export async function getArticleReview(teacherId: string, articleId: string): Promise<ArticleReview> {
  const row = await prisma.article.findFirst({
    where: { id: articleId, ownerId: teacherId },
    select: {
      id: true,
      slug: true,
      titleAr: true,
      questions: {
        where: { retired: false },
        orderBy: { position: 'asc' },
        select: {
          id: true,
          type: true,
          skill: true,
          stem: true,
          options: true,
          key: true,
          explanation: true,
          evidenceText: true,
          status: true,
          quizPosition: true,
          editedAt: true,
          editedBy: { select: { displayName: true } },
        },
      },
    },
  })
  if (!row) throw new NotFoundError('Article')
  return {
    id: row.id,
    slug: row.slug,
    titleAr: row.titleAr,
    items: row.questions.map((q) => ({
      id: q.id,
      type: q.type,
      skill: q.skill,
      stem: q.stem,
      options: parseJsonColumn(StringListSchema, q.options, `Question ${q.id} options`),
      key: q.key,
      explanation: q.explanation,
      evidence: q.evidenceText,
      status: (['draft', 'approved', 'rejected'].includes(q.status) ? q.status : 'draft') as ItemStatus,
      inDefaultQuiz: q.quizPosition !== null,
      edited: q.editedAt ? { by: q.editedBy?.displayName ?? null, at: q.editedAt.toISOString() } : null,
    })),
  }
}

/** Ensures the item belongs to an article of the teacher. @throws NotFoundError otherwise. */
async function requireOwnItem(teacherId: string, articleId: string, itemId: string) {
  const item = await prisma.question.findFirst({
    where: { id: itemId, articleId, article: { ownerId: teacherId } },
    select: { id: true, type: true, key: true, accepted: true },
  })
  if (!item) throw new NotFoundError('Question')
  return item
}

/**
 * Approves or rejects one item (idempotent).
 * @throws NotFoundError for a missing or foreign item.
 */
export async function setItemStatus(teacherId: string, articleId: string, itemId: string, status: ItemStatus): Promise<void> {
  await requireOwnItem(teacherId, articleId, itemId)
  await prisma.question.update({ where: { id: itemId }, data: { status } })
}

/**
 * Approves every draft of the article (rejected items stay rejected).
 * @returns how many drafts were approved.
 * @throws NotFoundError for a missing or foreign article.
 */
export async function approveAllDrafts(teacherId: string, articleId: string): Promise<number> {
  const owned = await prisma.article.count({ where: { id: articleId, ownerId: teacherId } })
  if (owned === 0) throw new NotFoundError('Article')
  const { count } = await prisma.question.updateMany({
    where: { articleId, status: 'draft', retired: false },
    data: { status: 'approved' },
  })
  return count
}

/**
 * Saves a teacher's edit of an item: same id, new wording, who and when. The accepted forms of a short
 * answer follow a changed key (the key becomes the only accepted form beside the ones still matching it).
 * @param edit validated by `itemEditSchema(type)`.
 * @throws NotFoundError for a missing or foreign item.
 */
export async function editItem(
  teacherId: string,
  articleId: string,
  itemId: string,
  edit: { stem: string; key: string; explanation: string; options: string[] },
  now: Date,
): Promise<void> {
  const item = await requireOwnItem(teacherId, articleId, itemId)
  const accepted = parseJsonColumn(StringListSchema, item.accepted, `Question ${itemId} accepted`)
  await prisma.question.update({
    where: { id: itemId },
    data: {
      stem: edit.stem,
      key: edit.key,
      explanation: edit.explanation,
      options: JSON.stringify(edit.options),
      accepted: JSON.stringify(edit.key === item.key ? accepted : [edit.key]),
      editedById: teacherId,
      editedAt: now,
    },
  })
}

/** An item of the teacher's article, for the edit form. @throws NotFoundError for a missing or foreign item. */
export async function getItemForEdit(teacherId: string, articleId: string, itemId: string): Promise<ReviewItem & { articleTitle: string }> {
  await requireOwnItem(teacherId, articleId, itemId)
  const review = await getArticleReview(teacherId, articleId)
  const item = review.items.find((i) => i.id === itemId)
  if (!item) throw new NotFoundError('Question')
  return { ...item, articleTitle: review.titleAr }
}

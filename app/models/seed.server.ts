/**
 * Stores the content of `content/` and the generator's banks in the database.
 *
 * Idempotent: a row is written only when its stored values differ from the ones computed now, so seeding
 * twice leaves every row (including `updatedAt`) untouched. Questions and vocabulary items are keyed by
 * the generator's stable ids; an item the generator no longer produces is marked `retired`, never deleted,
 * so learners' attempts and responses survive every re-seed.
 */
import { generate as runGenerator } from '~/generator/index'
import { BankSchema, type Bank } from '~/generator/schema'
import type { ContentArticle } from '~/lexicon/load.server'
import type { Lexicon } from '~/lexicon/schema'
import type { PrismaClient } from '~/db.server'
import { questionColumns, questionContentSelect, vocabularyColumns, vocabularyContentSelect } from './bank-json'

/** What the seed needs from the generator: the bank and the ids of its default quiz, in quiz order. */
export interface Generated {
  bank: Bank
  quiz: string[]
}

/** The generator's signature (`generate` in `app/generator/index.ts`); tests pass one returning a fixture. */
export type GenerateContent = (text: string, lexicon: Lexicon, options: { articleKey?: string }) => Generated

const defaultGenerate: GenerateContent = (text, lexicon, options) => {
  const { bank, quiz } = runGenerator(text, lexicon, options)
  return { bank, quiz }
}

/** Raised when a bank breaks its contract (schema, or an evidence span that does not slice the text). */
export class SeedError extends Error {
  override name = 'SeedError'
}

export interface SeedInput {
  lexicon: Lexicon
  articles: ContentArticle[]
  /** Defaults to the generator's `generate`. */
  generate?: GenerateContent
}

/** What one article's seeding changed; all counts are numbers of rows. */
export interface ArticleSeedReport {
  slug: string
  article: 'created' | 'updated' | 'unchanged'
  /** Questions in the generator's default quiz. */
  quizSize: number
  questions: ItemCounts
  vocabulary: ItemCounts
}
export interface ItemCounts {
  /** Items in the bank (active after this seed). */
  active: number
  created: number
  updated: number
  /** Items newly marked retired by this seed. */
  retired: number
}

/**
 * Generates the bank of every article and upserts articles, questions and vocabulary items. Every bank
 * question is stored (`position` = its rank in the bank); those of the generator's default quiz also get
 * `quizPosition`, and only those are shown on the quiz page. Each article is written in its own transaction.
 * @param prisma the client to write with.
 * @param input the lexicon, the articles (as `loadArticles()` returns them) and optionally the generator.
 * @returns one report per article, in input order.
 * @throws SeedError when a bank fails {@link BankSchema}, an evidence span does not match the text, an
 *   item id repeats, or the quiz names an id the bank lacks; nothing of that article is written.
 * @example
 * await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })
 */
export async function seedContent(prisma: PrismaClient, input: SeedInput): Promise<ArticleSeedReport[]> {
  const generate = input.generate ?? defaultGenerate
  const reports: ArticleSeedReport[] = []
  for (const article of input.articles) {
    const generated = checkGenerated(article, generate(article.text, input.lexicon, { articleKey: article.meta.slug }))
    reports.push(await prisma.$transaction((tx) => seedArticle(tx, article, generated), { timeout: 30_000 }))
  }
  return reports
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

function checkGenerated(article: ContentArticle, raw: Generated): Generated {
  const parsed = BankSchema.safeParse(raw.bank)
  const where = `${article.meta.slug} (${article.meta.file})`
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new SeedError(`${where}: bank does not match its schema at ${issue?.path.join('.')}: ${issue?.message}`)
  }
  const bank = parsed.data
  for (const item of [...bank.questions, ...bank.vocabulary]) {
    const { start, end, text } = item.evidence
    if (article.text.slice(start, end) !== text) {
      throw new SeedError(`${where}: item ${item.id}: evidence [${start}, ${end}) does not slice its text`)
    }
  }
  const duplicate = firstRepeated([...bank.questions, ...bank.vocabulary].map((i) => i.id))
  if (duplicate) throw new SeedError(`${where}: duplicate item id ${duplicate}`)
  const questionIds = new Set(bank.questions.map((q) => q.id))
  const stray = raw.quiz.find((id) => !questionIds.has(id)) ?? firstRepeated(raw.quiz)
  if (stray) throw new SeedError(`${where}: quiz id ${stray} is repeated or not a question of the bank`)
  return { bank, quiz: raw.quiz }
}

async function seedArticle(tx: Tx, article: ContentArticle, { bank, quiz }: Generated): Promise<ArticleSeedReport> {
  const { meta, text } = article
  const quizPosition = new Map(quiz.map((id, i) => [id, i]))
  const fields = {
    titleAr: meta.title_ar,
    titleEn: meta.title_en,
    outlet: meta.outlet,
    publishedOn: meta.published,
    language: meta.language,
    text,
    segments: JSON.stringify(bank.article.segments),
    sentences: JSON.stringify(bank.article.sentences),
  }
  const existing = await tx.article.findUnique({
    where: { slug: meta.slug },
    select: {
      id: true,
      titleAr: true,
      titleEn: true,
      outlet: true,
      publishedOn: true,
      language: true,
      text: true,
      segments: true,
      sentences: true,
    },
  })
  let articleId: string
  let articleChange: ArticleSeedReport['article']
  if (!existing) {
    articleId = (await tx.article.create({ data: { slug: meta.slug, ...fields }, select: { id: true } })).id
    articleChange = 'created'
  } else {
    articleId = existing.id
    articleChange = differs(existing, fields) ? 'updated' : 'unchanged'
    if (articleChange === 'updated') await tx.article.update({ where: { id: articleId }, data: fields })
  }

  const questionRows = bank.questions.map((q, position) => ({
    id: q.id,
    articleId,
    ...questionColumns(q),
    position,
    quizPosition: quizPosition.get(q.id) ?? null,
    retired: false,
    // The sample articles of content/ arrive approved: no teacher reviews them.
    status: 'approved',
  }))
  const storedQuestions = await tx.question.findMany({
    where: { OR: [{ articleId }, { id: { in: questionRows.map((r) => r.id) } }] },
    select: {
      ...questionContentSelect,
      articleId: true,
      position: true,
      quizPosition: true,
      retired: true,
      status: true,
    },
  })
  const questions = await syncItems(articleId, storedQuestions, questionRows, {
    create: (data) => tx.question.create({ data, select: { id: true } }),
    // A teacher's edit (editedAt set) is never overwritten by a re-run of the generator.
    update: (id, data) => tx.question.updateMany({ where: { id, editedAt: null }, data }),
    retire: (ids) => tx.question.updateMany({ where: { id: { in: ids } }, data: { retired: true } }),
  })

  const vocabularyRows = bank.vocabulary.map((v, position) => ({
    id: v.id,
    articleId,
    ...vocabularyColumns(v),
    position,
    retired: false,
  }))
  const storedVocabulary = await tx.vocabularyItem.findMany({
    where: { OR: [{ articleId }, { id: { in: vocabularyRows.map((r) => r.id) } }] },
    select: {
      ...vocabularyContentSelect,
      articleId: true,
      position: true,
      retired: true,
    },
  })
  const vocabulary = await syncItems(articleId, storedVocabulary, vocabularyRows, {
    create: (data) => tx.vocabularyItem.create({ data, select: { id: true } }),
    update: (id, data) => tx.vocabularyItem.update({ where: { id }, data, select: { id: true } }),
    retire: (ids) => tx.vocabularyItem.updateMany({ where: { id: { in: ids } }, data: { retired: true } }),
  })

  return { slug: meta.slug, article: articleChange, quizSize: quiz.length, questions, vocabulary }
}

interface ItemRow {
  id: string
  articleId: string
  retired: boolean
}

/** Creates missing rows, rewrites changed ones, retires stored rows of the article the bank no longer has. */
async function syncItems<R extends ItemRow>(
  articleId: string,
  stored: R[],
  wanted: R[],
  write: {
    create: (row: R) => Promise<unknown>
    update: (id: string, row: Omit<R, 'id'>) => Promise<unknown>
    retire: (ids: string[]) => Promise<unknown>
  },
): Promise<ItemCounts> {
  const byId = new Map(stored.map((row) => [row.id, row]))
  const counts: ItemCounts = { active: wanted.length, created: 0, updated: 0, retired: 0 }
  for (const row of wanted) {
    const current = byId.get(row.id)
    if (!current) {
      await write.create(row)
      counts.created++
    } else if (differs(current, row)) {
      const { id, ...data } = row
      await write.update(id, data)
      counts.updated++
    }
  }
  const wantedIds = new Set(wanted.map((r) => r.id))
  const toRetire = stored
    .filter((r) => r.articleId === articleId && !r.retired && !wantedIds.has(r.id))
    .map((r) => r.id)
  if (toRetire.length > 0) await write.retire(toRetire)
  counts.retired = toRetire.length
  return counts
}

function firstRepeated(ids: string[]): string | undefined {
  const seen = new Set<string>()
  return ids.find((id) => seen.has(id) || !seen.add(id))
}

/** True when any key of `wanted` holds a different value in `current`. */
function differs(current: object, wanted: object): boolean {
  const c = current as Record<string, unknown>
  return Object.entries(wanted).some(([key, value]) => c[key] !== value)
}

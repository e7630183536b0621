/** The article list and the reading view loaders against a real SQLite copy holding the fixture article. */
import { describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { seedContent } from '~/models/seed.server'
import { loader as listLoader } from '~/routes/_index'
import { loader as readingLoader } from '~/routes/articles.$slug._index'
import { loader as notFoundLoader } from '~/routes/$'
import { emptyLexicon, fixtureArticle, fixtureGenerated } from './fixtures/bank'
import { asData, getRequest, thrown } from './helpers/app'

await seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated() })
const slug = fixtureArticle.meta.slug

describe('article list', () => {
  it('lists articles with an Arabic date and the number of quiz questions', async () => {
    const { articles } = await listLoader({ request: getRequest('http://localhost/'), params: {}, context: {} })
    expect(articles).toEqual([
      {
        slug,
        titleAr: fixtureArticle.meta.title_ar,
        titleEn: fixtureArticle.meta.title_en,
        outlet: 'Test Wire',
        publishedOn: '2023-09-13',
        // Western digits in Arabic (ar-u-nu-latn), as the news sources print them.
        publishedLabel: '13 سبتمبر 2023',
        // Five items in the bank; the matching one is not shown in quizzes.
        questionCount: 4,
      },
    ])
    expect(articles[0]!.publishedLabel).toContain('سبتمبر')
  })
})

describe('reading view', () => {
  it('lays out sentences with their ids, then the caption and the credit', async () => {
    const { article } = await readingLoader({ request: getRequest(`http://localhost/articles/${slug}`), params: { slug }, context: {} })
    expect(article.blocks.map((b) => b.kind)).toEqual(['paragraph', 'caption', 'credit'])
    expect(article.blocks[0]!.pieces.filter((p) => p.sentenceId).map((p) => p.sentenceId)).toEqual(['s1', 's2', 's3'])
    expect(article.blocks[1]!.pieces).toEqual([
      { sentenceId: 's4', text: 'الرئيس بوتين ونظيره كيم في قاعدة فوستوتشني (13 سبتمبر 2023)' },
    ])
    expect(article.blocks[2]!.pieces).toEqual([{ sentenceId: null, text: 'ح.ز/ ا.ف (د.ب.أ / أ.ف.ب)' }])
  })

  it('passes the sentence named by ?s= to be marked, ignoring malformed values', async () => {
    const load = (query: string) =>
      readingLoader({ request: getRequest(`http://localhost/articles/${slug}${query}`), params: { slug }, context: {} })
    expect((await load('?s=s2#s-s2')).highlight).toBe('s2')
    expect((await load('?s=%3Cscript%3E')).highlight).toBe(null)
    expect((await load('')).highlight).toBe(null)
  })

  it("lists the article's vocabulary cards with lemma and gloss", async () => {
    const { article } = await readingLoader({ request: getRequest(`http://localhost/articles/${slug}`), params: { slug }, context: {} })
    const stored = await prisma.vocabularyItem.findMany({
      where: { article: { slug }, retired: false },
      orderBy: { position: 'asc' },
      select: { id: true, surface: true, lemma: true, glossEn: true },
    })
    expect(article.vocabulary).toEqual(stored)
  })

  it.each(['no-such-article', 'Not A Slug!'])('answers 404 for %j', async (bad) => {
    const error = asData(
      await thrown(readingLoader({ request: getRequest('http://localhost/x'), params: { slug: bad }, context: {} })),
    )
    expect(error.init?.status).toBe(404)
  })

  it('answers 404 for any unknown URL', async () => {
    expect(asData(await thrown(notFoundLoader())).init?.status).toBe(404)
  })
})

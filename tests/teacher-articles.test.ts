/**
 * A teacher's own articles: paste → generate → drafts → approve / edit / reject / bulk approve; re-running
 * the generator keeps edits; drafts and rejected items never reach students; another teacher gets 404.
 */
import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/db.server'
import { loader as quizLoader } from '~/routes/articles.$slug.quiz'
import { action as bankAction, loader as bankLoader } from '~/routes/teacher.articles.$articleId._index'
import { action as editAction, loader as editLoader } from '~/routes/teacher.articles.$articleId.items.$itemId'
import { action as articlesAction, loader as articlesLoader } from '~/routes/teacher.articles._index'
import { action as signupAction } from '~/routes/teacher.signup'
import { loader as listLoader } from '~/routes/_index'
import { loadSample } from './support/samples'
import { asData, cookieFrom, formRequest, getRequest, thrown } from './helpers/app'


// argon2 hashing and the generator on a whole article take seconds when the machine is busy.
vi.setConfig({ testTimeout: 30_000 })
const base = 'http://localhost'
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })
const sample = loadSample('00-putin-kim-vostochny').text

async function signUp(email: string) {
  const res = (await signupAction(
    args(formRequest(`${base}/teacher/signup`, [['email', email], ['password', 'correct horse battery'], ['displayName', 'المعلّم']])),
  )) as Response
  return cookieFrom(res)
}

async function paste(cookie: string, title: string, text: string) {
  return articlesAction(args(formRequest(`${base}/teacher/articles`, [['title', title], ['text', text]], cookie)))
}

async function bankPost(cookie: string, articleId: string, fields: [string, string][]) {
  return bankAction(args(formRequest(`${base}/teacher/articles/${articleId}`, fields, cookie), { articleId }))
}

const teacherA = await signUp('ta@example.org')
const teacherB = await signUp('tb@example.org')
const created = (await paste(teacherA, 'بوتين وكيم', sample)) as Response
const articleId = created.headers.get('Location')!.split('/').pop()!

describe('pasting an article', () => {
  it('stores the text exactly as pasted and its items as drafts with their evidence', async () => {
    expect(created.status).toBe(302)
    const row = await prisma.article.findUniqueOrThrow({ where: { id: articleId } })
    expect(row.text).toBe(sample)
    const { article } = await bankLoader(args(getRequest(`${base}/teacher/articles/${articleId}`, teacherA), { articleId }))
    expect(article.items.length).toBeGreaterThan(4)
    for (const item of article.items) {
      expect(item.status).toBe('draft')
      expect(sample).toContain(item.evidence)
    }
    // Not in the public list, and no quiz question reaches students yet.
    expect((await listLoader(args(getRequest(`${base}/`)))).articles.map((a) => a.slug)).not.toContain(row.slug)
    // Its quiz is reached only through assignments: the public quiz URL answers 404.
    const error = asData(await thrown(quizLoader(args(getRequest(`${base}/articles/${row.slug}/quiz`), { slug: row.slug }))))
    expect(error.init?.status).toBe(404)
  })

  it('is idempotent for a repeated post', async () => {
    const again = (await paste(teacherA, 'بوتين وكيم', sample)) as Response
    expect(again.headers.get('Location')).toBe(created.headers.get('Location'))
  })

  it.each([
    ['an empty text', '   ', 'text_empty'],
    ['a text without Arabic', 'Only English here.', 'text_not_arabic'],
    ['a text over 50,000 characters', 'ن'.repeat(50_001), 'text_too_long'],
  ])('refuses %s and echoes what was typed', async (_name, text, code) => {
    const before = await prisma.article.count()
    const res = asData<{ errors: Record<string, string>; values: { title: string; text: string } }>(await paste(teacherA, 'عنوان', text))
    expect(res.init?.status).toBe(400)
    expect(res.data.errors.text).toBe(code)
    expect(res.data.values).toEqual({ title: 'عنوان', text })
    expect(await prisma.article.count()).toBe(before)
  })
})

describe('reviewing the bank', () => {
  it('approves, rejects, edits (validated, same id, who and when) and bulk-approves; re-running keeps edits', async () => {
    const { article } = await bankLoader(args(getRequest(`${base}/teacher/articles/${articleId}`, teacherA), { articleId }))
    const quizItems = article.items.filter((i) => i.inDefaultQuiz && ['mcq', 'true_false', 'cloze', 'short_answer'].includes(i.type))
    const mcq = article.items.find((i) => i.type === 'mcq' || i.type === 'cloze')!
    const rejected = quizItems.find((i) => i.id !== mcq.id)!

    await bankPost(teacherA, articleId, [['intent', 'reject'], ['itemId', rejected.id]])
    // An edit whose key is not among the options, or with duplicate options, is refused; nothing changes.
    const editUrl = `${base}/teacher/articles/${articleId}/items/${encodeURIComponent(mcq.id)}`
    const params = { articleId, itemId: mcq.id }
    const badKey = asData<{ errors: Record<string, string> }>(
      await editAction(args(formRequest(editUrl, [['stem', 'سؤال'], ['key', 'ليس خيارًا'], ['explanation', ''], ...mcq.options.map((o): [string, string] => ['options', o])], teacherA), params)),
    )
    expect(badKey.data.errors.key).toBe('key_not_in_options')
    const dupOptions = asData<{ errors: Record<string, string> }>(
      await editAction(
        args(formRequest(editUrl, [['stem', 'سؤال'], ['key', mcq.options[0]!], ['explanation', ''], ['options', mcq.options[0]!], ['options', `«${mcq.options[0]!}»`], ...mcq.options.slice(2).map((o): [string, string] => ['options', o])], teacherA), params),
      ),
    )
    expect(dupOptions.data.errors.options).toBe('options_not_unique')
    expect((await prisma.question.findUniqueOrThrow({ where: { id: mcq.id } })).editedAt).toBe(null)

    const ok = (await editAction(
      args(formRequest(editUrl, [['stem', 'سؤال عدّله المعلّم'], ['key', mcq.key], ['explanation', 'شرح'], ...mcq.options.map((o): [string, string] => ['options', o])], teacherA), params),
    )) as Response
    expect(ok.status).toBe(302)
    const edited = await prisma.question.findUniqueOrThrow({ where: { id: mcq.id } })
    expect(edited).toMatchObject({ stem: 'سؤال عدّله المعلّم', explanation: 'شرح' })
    expect(edited.editedAt).not.toBe(null)
    expect(edited.editedById).toBe((await prisma.teacher.findUniqueOrThrow({ where: { email: 'ta@example.org' } })).id)

    await bankPost(teacherA, articleId, [['intent', 'approve-all']])
    await bankPost(teacherA, articleId, [['intent', 'regenerate']])
    const after = await prisma.question.findUniqueOrThrow({ where: { id: mcq.id } })
    expect(after.stem).toBe('سؤال عدّله المعلّم')
    expect((await prisma.question.findUniqueOrThrow({ where: { id: rejected.id } })).status).toBe('rejected')

    const approvedQuiz = await prisma.question.findMany({
      where: { articleId, status: 'approved', retired: false, quizPosition: { not: null }, type: { in: ['mcq', 'true_false', 'cloze', 'short_answer'] } },
      select: { id: true, stem: true },
    })
    const ids = approvedQuiz.map((q) => q.id)
    expect(ids).not.toContain(rejected.id)
    expect(ids.length).toBe(quizItems.length - 1)
    expect(approvedQuiz.find((q) => q.id === mcq.id)?.stem).toBe('سؤال عدّله المعلّم')
  })
})

describe('authorisation', () => {
  it("another teacher gets 404 for the article, its drafts, its items and every action; the list hides it", async () => {
    const { article } = await bankLoader(args(getRequest(`${base}/teacher/articles/${articleId}`, teacherA), { articleId }))
    const item = article.items[0]!
    const before = await prisma.question.findUniqueOrThrow({ where: { id: item.id } })
    const status = async (p: Promise<unknown>) => asData(await thrown(p)).init?.status
    expect(await status(bankLoader(args(getRequest(`${base}/teacher/articles/${articleId}`, teacherB), { articleId })))).toBe(404)
    expect(await status(bankLoader(args(getRequest(`${base}/teacher/articles/cguess`, teacherB), { articleId: 'cguess' })))).toBe(404)
    for (const fields of [[['intent', 'approve'], ['itemId', item.id]], [['intent', 'reject'], ['itemId', item.id]], [['intent', 'approve-all']], [['intent', 'regenerate']]] as [string, string][][]) {
      expect(await status(bankPost(teacherB, articleId, fields))).toBe(404)
    }
    const params = { articleId, itemId: item.id }
    expect(await status(editLoader(args(getRequest(`${base}/x`, teacherB), params)))).toBe(404)
    expect(await status(editAction(args(formRequest(`${base}/x`, [['stem', 'x'], ['key', 'صح']], teacherB), params)))).toBe(404)
    // Teacher B's own article id with teacher A's item: 404 too.
    const own = ((await paste(teacherB, 'مقال ب', 'نص عربي قصير عن الاجتماع.')) as Response).headers.get('Location')!.split('/').pop()!
    expect(await status(bankPost(teacherB, own, [['intent', 'approve'], ['itemId', item.id]]))).toBe(404)
    expect(await prisma.question.findUniqueOrThrow({ where: { id: item.id } })).toEqual(before)
    expect((await articlesLoader(args(getRequest(`${base}/teacher/articles`, teacherB)))).articles.map((a) => a.id)).toEqual([own])
  })
})

/**
 * Security of the whole app over HTTP (issue 9), through the production server's app and the real routes
 * (`tests/helpers/app-server.ts`):
 * - every page carries the security headers and a script policy whose nonce is on every script;
 * - markup in a pasted article, a display name and a typed answer is shown as text, never as HTML;
 * - cross-site posts are refused before any route runs, and too-large bodies with 413;
 * - joining a class and signing in start a new session without the old one's data.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { answerFieldName } from '~/models/quiz-form'
import { seedContent } from '~/models/seed.server'
import { sessionStorage } from '~/session.server'
import { emptyLexicon, fixtureArticle, fixtureGenerated } from './fixtures/bank'
import { Browser, startAppServer } from './helpers/app-server'

await seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated() })
const slug = fixtureArticle.meta.slug
const app = await startAppServer()
afterAll(() => app.close())

const SCRIPT = '<script>alert("xss")</script>'
const IMG = '<img src=x onerror=alert(1)>'
/** The payloads exactly as an HTML escaper writes them inside text. */
const SCRIPT_ESCAPED = '&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;'
const IMG_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;'

const location = (res: Response) => res.headers.get('Location')!

// A teacher with a class and a pasted article whose title and text carry markup.
const teacher = new Browser(app.base)
expect((await teacher.post('/teacher/signup', [['email', 't@example.org'], ['password', 'correct horse battery'], ['displayName', IMG]])).status).toBe(302)
const classPage = location(await teacher.post('/teacher', [['name', `الصف ${IMG}`]]))
const articleText = `${fixtureArticle.text}\n\nفقرة فيها ${SCRIPT} ونص ${IMG} في المقال.`
const articlePage = location(await teacher.post('/teacher/articles', [['title', `عنوان ${SCRIPT}`], ['text', articleText]]))
const classId = classPage.split('/').pop()!
const readingPage = /href="(\/articles\/t-[^"]+)"/.exec(await (await teacher.get(articlePage)).text())![1]!
const { joinCode } = await prisma.classroom.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } })

// A student who joins with a name that is markup and types markup as a short answer.
const student = new Browser(app.base)
expect(location(await student.post('/join', [['code', joinCode], ['displayName', IMG]]))).toBe('/class')
const questions = await prisma.question.findMany({
  where: { article: { slug }, retired: false, quizPosition: { not: null }, type: { in: ['mcq', 'true_false', 'cloze', 'short_answer'] } },
  select: { id: true, type: true, key: true },
})
expect(questions.some((q) => q.type === 'short_answer')).toBe(true)
const quizFields: [string, string][] = [
  ['clientToken', crypto.randomUUID()],
  ...questions.map((q): [string, string] => [answerFieldName(q.id), q.type === 'short_answer' ? `${SCRIPT} ${IMG}` : q.key]),
]
const attemptPage = location(await student.post(`/articles/${slug}/quiz`, quizFields))
expect(attemptPage).toMatch(/^\/attempts\//)

const pages: [string, Browser | null][] = [
  ['/', null],
  [`/articles/${slug}`, null],
  [`/articles/${slug}/quiz`, null],
  ['/join', null],
  ['/teacher/login', null],
  ['/teacher/signup', null],
  ['/review', null],
  ['/no-such-page', null],
  ['/teacher', teacher],
  ['/teacher/articles', teacher],
  [articlePage, teacher],
  [readingPage, teacher],
  [classPage, teacher],
  ['/class', student],
  [attemptPage, student],
  ['/review', student],
  ['/review/stats', student],
]

describe('security headers', () => {
  it.each(pages)('%s: policy, nonce on every script, nosniff, no framing, referrer policy, request id', async (path, browser) => {
    const res = await (browser ?? new Browser(app.base)).get(path)
    expect(res.status).toBeLessThan(500)
    expect([200, 404]).toContain(res.status)
    const csp = res.headers.get('Content-Security-Policy')!
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1]
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    for (const directive of ["default-src 'self'", "style-src 'self'", "font-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive)
    }
    expect(csp).not.toContain('unsafe')
    const html = await res.text()
    const scripts = html.match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('gives each document its own nonce, and data requests a policy that loads nothing', async () => {
    const policy = async () => (await fetch(`${app.base}/join`)).headers.get('Content-Security-Policy')
    expect(await policy()).not.toBe(await policy())
    const data = await fetch(`${app.base}/join.data`)
    expect(data.status).toBe(200)
    expect(data.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
    expect(data.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})

describe('user text is rendered as text', () => {
  it.each([
    ['the pasted article (its title on the review page)', articlePage, teacher, [SCRIPT_ESCAPED]],
    ['the pasted article (title and text on the reading page)', readingPage, teacher, [SCRIPT_ESCAPED, IMG_ESCAPED]],
    ['the class roster with the display name', classPage, teacher, [IMG_ESCAPED]],
    ["the student's class page", '/class', student, [IMG_ESCAPED]],
    ['the result page with the typed answer', attemptPage, student, [SCRIPT_ESCAPED, IMG_ESCAPED]],
    ['the teacher home page with the teacher name and class name', '/teacher', teacher, [IMG_ESCAPED]],
  ])('%s', async (_, path, browser, escaped) => {
    const res = await browser.get(path)
    expect(res.status).toBe(200)
    const html = await res.text()
    // Shown as text (tags stripped: Latin runs inside Arabic text are wrapped in <bdi>)…
    const text = html.replace(/<[^>]*>/g, '')
    for (const payload of escaped) expect(text).toContain(payload)
    // …and nowhere as markup: not in the document, not in the data Remix embeds for hydration.
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    const tagsWithoutValues = html.replace(/"[^"]*"/g, '""')
    expect(tagsWithoutValues).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)
  })
})

describe('cross-site requests and body size', () => {
  it.each([
    ['/join', [['code', 'ABCDEFGH'], ['displayName', 'x']]],
    ['/teacher/login', [['email', 't@example.org'], ['password', 'correct horse battery']]],
    [`/articles/${slug}/quiz`, quizFields.map(([k, v]): [string, string] => [k, k === 'clientToken' ? crypto.randomUUID() : v])],
    ['/teacher/articles', [['title', 't'], ['text', 'نص']]],
  ] as [string, [string, string][]][])('refuses a cross-site post to %s with 403 and stores nothing', async (path, fields) => {
    const before = await Promise.all([prisma.learner.count(), prisma.attempt.count(), prisma.article.count()])
    const foreign: Record<string, string>[] = [{ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'https://evil.example' }]
    for (const headers of foreign) {
      const res = await teacher.post(path, fields, headers)
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('The request was refused because it came from another site.')
    }
    expect(await Promise.all([prisma.learner.count(), prisma.attempt.count(), prisma.article.count()])).toEqual(before)
  })

  it('refuses a body over 1 MiB with 413 before the route reads it', async () => {
    const before = await prisma.article.count()
    const res = await teacher.post('/teacher/articles', [['title', 'كبير'], ['text', 'ن'.repeat(600_000)]])
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('الطلب أكبر من الحدّ المسموح به.')
    expect(await prisma.article.count()).toBe(before)
  })
})

describe('sessions are renewed at sign-in', () => {
  const sessionOf = async (cookie: string) => (await sessionStorage.getSession(cookie)).data

  it('/join starts a new session: the teacher sign-in and the old learner are gone', async () => {
    const browser = new Browser(app.base)
    browser.cookie = teacher.cookie
    const old = await sessionOf(browser.cookie)
    expect(old).toHaveProperty('teacherId')
    const res = await browser.post('/join', [['code', joinCode], ['displayName', 'سلمى']])
    expect(location(res)).toBe('/class')
    const fresh = await sessionOf(browser.cookie)
    expect(Object.keys(fresh).sort()).toEqual(['learnerId', 'nonce'])
    expect(fresh.learnerId).not.toBe(old.learnerId)
    expect((await browser.get('/teacher')).status).toBe(302) // no longer a teacher
  })

  it('teacher sign-in starts a new session: the learner of the old session is gone', async () => {
    const browser = new Browser(app.base)
    browser.cookie = student.cookie
    expect(await sessionOf(browser.cookie)).toHaveProperty('learnerId')
    const res = await browser.post('/teacher/login', [['email', 't@example.org'], ['password', 'correct horse battery']])
    expect(res.status).toBe(302)
    const fresh = await sessionOf(browser.cookie)
    expect(fresh).not.toHaveProperty('learnerId')
    expect(fresh).toHaveProperty('teacherId')
  })
})

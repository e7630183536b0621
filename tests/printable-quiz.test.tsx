/**
 * The printable copy of an assigned quiz: only the class's own teacher reaches it; the sheet lists the
 * assignment's items in order without keys, the answer key follows on its own page; the sheet stays Arabic
 * when the teacher's interface is English.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/db.server'
import { StringListSchema } from '~/models/bank-json'
import { seedContent } from '~/models/seed.server'
import { action as langAction } from '~/routes/lang'
import PrintPage, { loader as printLoader } from '~/routes/teacher.classes.$classId_.assignments.$assignmentId.print'
import ClassPage, { action as classAction, loader as classLoader } from '~/routes/teacher.classes.$classId'
import { action as homeAction } from '~/routes/teacher._index'
import { action as signupAction } from '~/routes/teacher.signup'
import { emptyLexicon, fixtureArticle, fixtureGenerated } from './fixtures/bank'
import { asData, cookieFrom, formRequest, getRequest, thrown } from './helpers/app'
import { renderPage } from './helpers/render'

vi.setConfig({ testTimeout: 30_000 })
await seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated() })

const base = 'http://localhost'
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })
const idFrom = (res: unknown) => (res as Response).headers.get('Location')!.split('#')[0]!.split('/').pop()!

async function signUp(email: string) {
  const fields: [string, string][] = [['email', email], ['password', 'correct horse battery'], ['displayName', 'المعلّم'], ['timeZone', 'Asia/Riyadh']]
  return cookieFrom((await signupAction(args(formRequest(`${base}/teacher/signup`, fields)))) as Response)
}

const owner = await signUp('print-owner@example.org')
const other = await signUp('print-other@example.org')
const classId = idFrom(await homeAction(args(formRequest(`${base}/teacher`, [['name', 'الصف التاسع']], owner))))
const article = await prisma.article.findFirstOrThrow({ where: { slug: fixtureArticle.meta.slug }, select: { id: true } })
await classAction(
  args(formRequest(`${base}/teacher/classes/${classId}`, [['intent', 'assign'], ['articleId', article.id], ['mode', 'test'], ['attemptsAllowed', '1']], owner), { classId }),
)
const assignment = await prisma.assignment.findFirstOrThrow({ where: { classroomId: classId } })
const questionIds = StringListSchema.parse(JSON.parse(assignment.questionIds))
const url = `${base}/teacher/classes/${classId}/assignments/${assignment.id}/print`
const params = { classId, assignmentId: assignment.id }

describe('printable quiz', () => {
  it("gives the class's teacher the assignment's items in order, with keys and evidence", async () => {
    const { quiz } = await printLoader(args(getRequest(url, owner), params))
    expect(quiz.className).toBe('الصف التاسع')
    expect(quiz.items.map((i) => i.id)).toEqual(questionIds)
    const stored = await prisma.question.findMany({ where: { id: { in: questionIds } }, select: { id: true, key: true, evidenceText: true } })
    for (const item of quiz.items) {
      const q = stored.find((s) => s.id === item.id)!
      expect(item.key).toBe(q.key)
      expect(item.evidence).toBe(q.evidenceText)
    }
  })

  it("is linked from the assignment's row on the class page", async () => {
    const route = { id: 'routes/class', path: 'teacher/classes/:classId', loader: classLoader, Component: ClassPage }
    const html = await renderPage(route, getRequest(`${base}/teacher/classes/${classId}`, owner))
    expect(html).toContain(`href="/teacher/classes/${classId}/assignments/${assignment.id}/print"`)
    expect(html).toContain('نسخة للطباعة')
  })

  it('answers 404 to another teacher and to a wrong class, and sends a visitor to sign in', async () => {
    const foreign = asData(await thrown(printLoader(args(getRequest(url, other), params))))
    expect(foreign.init?.status).toBe(404)
    const otherClass = idFrom(await homeAction(args(formRequest(`${base}/teacher`, [['name', 'صف آخر']], owner))))
    const wrongClass = asData(await thrown(printLoader(args(getRequest(url, owner), { classId: otherClass, assignmentId: assignment.id }))))
    expect(wrongClass.init?.status).toBe(404)
    const visitor = (await thrown(printLoader(args(getRequest(url), params)))) as Response
    expect(visitor.status).toBe(302)
    expect(visitor.headers.get('Location')).toMatch(/^\/teacher\/login/)
  })

  it('prints the sheet in Arabic and the answer key on its own page, also for an English interface', async () => {
    const switched = (await langAction(args(formRequest(`${base}/lang`, [['lang', 'en'], ['redirectTo', '/teacher']])))) as Response
    const cookie = `${owner}; ${cookieFrom(switched)}`
    const route = { id: 'routes/print', path: 'teacher/classes/:classId/assignments/:assignmentId/print', loader: printLoader, Component: PrintPage }
    const html = await renderPage(route, getRequest(url, cookie))
    const sheetStart = html.indexOf('<section class="print-sheet" lang="ar" dir="rtl"')
    const keyStart = html.indexOf('<section class="print-key"')
    expect(sheetStart).toBeGreaterThan(-1)
    expect(keyStart).toBeGreaterThan(sheetStart)
    const sheet = html.slice(sheetStart, keyStart)
    expect(sheet).toContain('الاسم:')
    expect((sheet.match(/class="print-item"/g) ?? []).length).toBe(questionIds.length)
    // The key page is in the interface language and holds one row per item.
    const key = html.slice(keyStart)
    expect(key).toContain('Answer key')
    expect((key.match(/<tr>/g) ?? []).length).toBe(questionIds.length + 1)
    expect(html).toContain('Back to the class')
    // The print stylesheet starts the key on a new page and hides the controls.
    const css = readFileSync('app/styles/app.css', 'utf8')
    const print = css.slice(css.indexOf('@media print'))
    expect(print).toMatch(/\.print-key \{[^}]*break-before: page;[^}]*page-break-before: always;/)
    expect(print).toMatch(/\.no-print \{\s*display: none !important;/)
  })
})

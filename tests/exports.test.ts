/**
 * Quiz and vocabulary exports through their resource routes: the files parse back to the stored items
 * (GIFT, Moodle XML, Anki TSV), carry an attachment header with ASCII and UTF-8 names, and only the right
 * teacher gets them (authorisation matrix: own class's assignment, own or sample article; another teacher
 * 404; no teacher session → the sign-in page).
 */
import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { StringListSchema, questionFromColumns } from '~/models/bank-json'
import { seedContent } from '~/models/seed.server'
import { action as joinAction } from '~/routes/join'
import { loader as articleExport } from '~/routes/teacher.articles.$articleId.export.$format'
import { action as bankAction } from '~/routes/teacher.articles.$articleId._index'
import { action as articlesAction } from '~/routes/teacher.articles._index'
import { loader as assignmentExport } from '~/routes/teacher.assignments.$assignmentId.export.$format'
import { action as classAction, loader as classLoader } from '~/routes/teacher.classes.$classId'
import { action as homeAction } from '~/routes/teacher._index'
import { action as signupAction } from '~/routes/teacher.signup'
import { asciiFileName, contentDisposition } from '~/utils/download.server'
import { cookieFrom, formRequest, getRequest, thrown } from './helpers/app'
import { expectSameItems, parseAnkiTsv, parseGift, parseMoodleXml } from './support/export-parsers'
import { loadSample } from './support/samples'

vi.setConfig({ testTimeout: 60_000 })
const base = 'http://localhost'
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })
const idFrom = (res: unknown) => (res as Response).headers.get('Location')!.split('#')[0]!.split('/').pop()!
/** The status of a resource route's answer: a returned 404 with a plain-text bilingual message. */
async function status(p: Promise<unknown>) {
  const res = (await p) as Response
  if (res.status === 404) {
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect((await res.text()).split('\n')).toHaveLength(3)
  }
  return res.status
}

async function signUp(email: string) {
  return cookieFrom(
    (await signupAction(
      args(formRequest(`${base}/teacher/signup`, [['email', email], ['password', 'correct horse battery'], ['displayName', 'المعلّم'], ['timeZone', 'UTC']])),
    )) as Response,
  )
}

// One sample article seeded as in `npm run setup` (shared, ownerId null, items approved).
const sampleMeta = loadArticles().filter((a) => a.meta.slug === 'xi-moscow-visit')
await seedContent(prisma, { lexicon: loadLexicon(), articles: sampleMeta })
const sample = await prisma.article.findUniqueOrThrow({ where: { slug: 'xi-moscow-visit' }, select: { id: true, titleAr: true } })

const teacherA = await signUp('export-a@example.org')
const teacherB = await signUp('export-b@example.org')
const classId = idFrom(await homeAction(args(formRequest(`${base}/teacher`, [['name', 'الصف']], teacherA))))
const ownArticleId = idFrom(
  await articlesAction(args(formRequest(`${base}/teacher/articles`, [['title', 'بوتين / كيم'], ['text', loadSample('00-putin-kim-vostochny').text]], teacherA))),
)
await bankAction(args(formRequest(`${base}/teacher/articles/${ownArticleId}`, [['intent', 'approve-all']], teacherA), { articleId: ownArticleId }))
// One approved item rejected again: it must leave the article export.
const rejected = await prisma.question.findFirstOrThrow({ where: { articleId: ownArticleId, type: 'mcq' }, orderBy: { position: 'asc' } })
await bankAction(args(formRequest(`${base}/teacher/articles/${ownArticleId}`, [['intent', 'reject'], ['itemId', rejected.id]], teacherA), { articleId: ownArticleId }))
// An assignment of the sample with hand-picked items in a non-bank order.
const sampleItems = await prisma.question.findMany({
  where: { articleId: sample.id, status: 'approved', retired: false, type: { in: ['mcq', 'true_false', 'cloze', 'short_answer'] } },
  orderBy: { position: 'asc' },
})
const picked = [sampleItems[5]!, sampleItems[0]!, sampleItems[3]!, sampleItems[1]!]
await classAction(
  args(
    formRequest(
      `${base}/teacher/classes/${classId}`,
      [['intent', 'assign'], ['articleId', sample.id], ['mode', 'test'], ['attemptsAllowed', '1'], ...picked.map((q): [string, string] => ['questionIds', q.id])],
      teacherA,
    ),
    { classId },
  ),
)
const assignment = await prisma.assignment.findFirstOrThrow({ where: { classroomId: classId } })

const getAssignment = (format: string, cookie?: string, id = assignment.id) =>
  assignmentExport(args(getRequest(`${base}/teacher/assignments/${id}/export/${format}`, cookie), { assignmentId: id, format }))
const getArticle = (format: string, articleId: string, cookie?: string) =>
  articleExport(args(getRequest(`${base}/teacher/articles/${articleId}/export/${format}`, cookie), { articleId, format }))

/** The UTF-8 name from a Content-Disposition header's filename*. */
function utf8Name(res: Response): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('Content-Disposition') ?? '')
  expect(m).not.toBeNull()
  return decodeURIComponent(m![1]!)
}

describe('assignment exports', () => {
  it('GIFT and Moodle XML hold the chosen items in the assignment order with their keys and distractors', async () => {
    expect(StringListSchema.parse(JSON.parse(assignment.questionIds))).toEqual(picked.map((q) => q.id))
    const expected = picked.map(questionFromColumns)

    const xmlRes = (await getAssignment('moodle-xml', teacherA)) as Response
    expect(xmlRes.status).toBe(200)
    expect(xmlRes.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    expect(xmlRes.headers.get('Content-Disposition')).toMatch(new RegExp(`^attachment; filename="fahm-xi-moscow-visit-assignment-${assignment.id.slice(-8)}\\.xml"; filename\\*=UTF-8''`))
    expect(utf8Name(xmlRes)).toBe(`${sample.titleAr} — واجب.xml`)
    expect(xmlRes.headers.get('X-Content-Type-Options')).toBe('nosniff')
    const xml = parseMoodleXml(await xmlRes.text())
    expect(xml.category).toBe(`$course$/top/${sample.titleAr}`)
    expectSameItems(xml.questions, expected)

    const giftRes = (await getAssignment('gift', teacherA)) as Response
    expect(giftRes.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    const gift = parseGift(await giftRes.text())
    expect(gift).toHaveLength(expected.length)
    expected.forEach((q, i) => {
      const p = gift[i]!
      if (q.type === 'true_false') expect(p.tf).toBe(q.key === 'صح')
      else if (q.type === 'short_answer') expect(p.right).toContain(q.key)
      else {
        expect(p.right).toEqual([q.key])
        expect(p.wrong).toEqual(q.options.filter((o) => o !== q.key))
      }
    })
  })

  it('Anki holds the article vocabulary, one note per active item', async () => {
    const res = (await getAssignment('anki', teacherA)) as Response
    expect(res.headers.get('Content-Type')).toBe('text/tab-separated-values; charset=utf-8')
    expect(utf8Name(res)).toBe(`${sample.titleAr} — مفردات.txt`)
    const { headers, rows } = parseAnkiTsv(await res.text())
    expect(headers).toMatchObject({ separator: 'tab', html: 'false', notetype: 'Basic', deck: `Fahm::${sample.titleAr}` })
    const items = await prisma.vocabularyItem.findMany({ where: { articleId: sample.id, retired: false }, orderBy: { position: 'asc' } })
    expect(items.length).toBeGreaterThan(0)
    expect(rows.map((r) => r[0])).toEqual(items.map((v) => v.surface))
    expect(rows.map((r) => r[1])).toEqual(items.map((v) => [v.glossEn, v.root ? `${v.lemma} (${v.root})` : v.lemma, v.evidenceText].join('\n')))
    // every column is mapped by the Basic note type: Front, Back, tags
    expect(rows.every((r) => r.length === 3)).toBe(true)
  })

  it('answers 404 to another teacher, sends a visitor or a student to the sign-in page, 404 for an unknown format', async () => {
    for (const format of ['gift', 'moodle-xml', 'anki']) expect(await status(getAssignment(format, teacherB))).toBe(404)
    const foreign = (await getAssignment('gift', teacherB)) as Response
    expect(await foreign.text()).toBe('لم نجد هذا الواجب.\nAssignment not found.\n')
    expect(foreign.headers.get('Content-Disposition')).toBeNull()
    expect(await status(getAssignment('gift', teacherA, 'cnotanassignment'))).toBe(404)
    expect(await status(getAssignment('pdf', teacherA))).toBe(404)
    const anonymous = (await thrown(getAssignment('gift'))) as Response
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toBe(
      `/teacher/login?${new URLSearchParams({ redirectTo: `/teacher/assignments/${assignment.id}/export/gift` })}`,
    )
    const { classroom } = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, teacherA), { classId }))
    const student = cookieFrom((await joinAction(args(formRequest(`${base}/join`, [['code', classroom.joinCode], ['displayName', 'سارة']])))) as Response)
    expect(((await thrown(getAssignment('moodle-xml', student))) as Response).status).toBe(302)
  })
})

describe('article exports', () => {
  it("the owner's export holds the approved, non-retired items in bank order (a rejected item left out)", async () => {
    const approved = await prisma.question.findMany({ where: { articleId: ownArticleId, status: 'approved', retired: false }, orderBy: { position: 'asc' } })
    expect(approved.map((q) => q.id)).not.toContain(rejected.id)
    const res = (await getArticle('moodle-xml', ownArticleId, teacherA)) as Response
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="fahm-t-[0-9a-f]{16}-questions\.xml"; /)
    // «/» in the title: a file-name separator, so «-» in the file name; doubled in the Moodle category.
    expect(utf8Name(res)).toBe('بوتين - كيم — أسئلة.xml')
    const xml = parseMoodleXml(await res.text())
    expect(xml.category).toBe('$course$/top/بوتين // كيم')
    expectSameItems(xml.questions, approved.map(questionFromColumns))
  })

  it('a sample article is exported for every teacher; another teacher\'s article is 404', async () => {
    for (const cookie of [teacherA, teacherB]) {
      const res = (await getArticle('gift', sample.id, cookie)) as Response
      expect(res.status).toBe(200)
      const approved = await prisma.question.count({ where: { articleId: sample.id, status: 'approved', retired: false } })
      expect(parseGift(await res.text())).toHaveLength(approved)
    }
    for (const format of ['gift', 'moodle-xml', 'anki']) expect(await status(getArticle(format, ownArticleId, teacherB))).toBe(404)
    expect(((await thrown(getArticle('anki', sample.id))) as Response).status).toBe(302)
  })
})

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and an RFC 8187 UTF-8 name', () => {
    expect(asciiFileName('fahm ملف (1).gift')).toBe('fahm-1-.gift')
    expect(contentDisposition({ ascii: 'quiz.gift', utf8: "أ'(ب)*\n.gift" })).toBe(
      `attachment; filename="quiz.gift"; filename*=UTF-8''%D8%A3%27%28%D8%A8%29%2A%20.gift`,
    )
  })
})

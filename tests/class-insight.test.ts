/**
 * Class insight against a real SQLite copy: the dashboard, item analysis, skill and retention views and
 * the CSV exports on the hand-computed class of `app/models/insight/statistics.test.ts` (five students,
 * five items; its comment has the arithmetic), and the authorisation matrix of these pages.
 *
 *        item1 item2 item3 item4 item5 | first attempt
 *   أحمد   أ ✓   أ ✓   أ ✓   خطأ ✗  12 ✓ | 4/5 = 80 %
 *   باسل   أ ✓   أ ✓   ب ✗   خطأ ✗  12 ✓ | 3/5 = 60 %   (second attempt later: 5/5)
 *   جود    أ ✓   ب ✗   ج ✗   خطأ ✗  12 ✓ | 2/5 = 40 %
 *   دانة   أ ✓   أ ✓   د ✗   خطأ ✗  12 ✓ | 3/5 = 60 %
 *   هالة   ب ✗   ج ✗   ب ✗   صح ✓   12 ✓ | 2/5 = 40 %
 *
 * First attempts: mean 56 %, median 60 %, sample SD √280 = 16.733; facility 0.8 0.6 0.2 0.2 1.0;
 * discrimination 0.000 0.408 0.408 −0.784 (none for item5).
 */
import { parse } from 'csv-parse/sync'
import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/db.server'
import { langCookie } from '~/i18n/lang.server'
import { action as homeAction } from '~/routes/teacher._index'
import { action as signupAction } from '~/routes/teacher.signup'
import ClassInsightPage, { loader as classInsightLoader } from '~/routes/teacher.classes.$classId_.insight._index'
import AssignmentInsightPage, { loader as assignmentInsightLoader } from '~/routes/teacher.classes.$classId_.insight.$assignmentId._index'
import { loader as scoresCsvLoader } from '~/routes/teacher.classes.$classId_.insight.$assignmentId.scores[.csv]'
import { loader as itemsCsvLoader } from '~/routes/teacher.classes.$classId_.insight.$assignmentId.items[.csv]'
import { asData, cookieFrom, formRequest, getRequest, learnerCookie, thrown } from './helpers/app'
import { renderPage } from './helpers/render'

vi.setConfig({ testTimeout: 30_000 })
const base = 'http://localhost'
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })
const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000)

async function signUp(email: string) {
  const res = (await signupAction(
    args(formRequest(`${base}/teacher/signup`, [['email', email], ['password', 'correct horse battery'], ['displayName', 'المعلّمة']])),
  )) as Response
  return cookieFrom(res)
}

async function createClassAs(cookie: string, name: string) {
  const res = (await homeAction(args(formRequest(`${base}/teacher`, [['name', name]], cookie)))) as Response
  return res.headers.get('Location')!.split('/').pop()!
}

const NAMES = ['أحمد', 'باسل', 'جود', 'دانة', 'هالة'] as const
const MCQ = ['أ', 'ب', 'ج', 'د']
const ITEMS = [
  { id: 'ins:1', type: 'mcq', skill: 'who', options: MCQ, key: 'أ' },
  { id: 'ins:2', type: 'mcq', skill: 'where', options: MCQ, key: 'أ' },
  { id: 'ins:3', type: 'cloze', skill: 'weapon', options: MCQ, key: 'أ' },
  { id: 'ins:4', type: 'true_false', skill: 'when', options: ['صح', 'خطأ'], key: 'صح' },
  { id: 'ins:5', type: 'short_answer', skill: 'how_many', options: [], key: '12' },
] as const
/** Answers of the first attempts, students × items (see the header). */
const FIRST = [
  ['أ', 'أ', 'أ', 'خطأ', '12'],
  ['أ', 'أ', 'ب', 'خطأ', '12'],
  ['أ', 'ب', 'ج', 'خطأ', '12'],
  ['أ', 'أ', 'د', 'خطأ', '12'],
  ['ب', 'ج', 'ب', 'صح', '12'],
]
const T0 = new Date('2026-11-20T08:00:00.000Z')
const DAY = 86_400_000

async function attempt(learnerId: string, articleId: string, assignmentId: string, answers: readonly string[], submittedAt: Date, startedAt: Date | null = null) {
  const responses = ITEMS.map((item, j) => ({ questionId: item.id, answer: answers[j]!, correct: answers[j] === item.key }))
  return prisma.attempt.create({
    data: {
      learnerId,
      articleId,
      assignmentId,
      score: responses.filter((r) => r.correct).length,
      total: ITEMS.length,
      submittedAt,
      startedAt,
      responses: { create: responses },
    },
  })
}

/** Teacher A's class with the hand-computed results; teacher B; a student's cookie. */
async function buildClass() {
  const a = await signUp(`a-${crypto.randomUUID()}@example.org`)
  const b = await signUp(`b-${crypto.randomUUID()}@example.org`)
  const classId = await createClassAs(a, 'العاشر')
  const teacherA = await prisma.classroom.findUniqueOrThrow({ where: { id: classId }, select: { teacherId: true } })
  const article = await prisma.article.create({
    data: {
      slug: `insight-${crypto.randomUUID()}`,
      titleAr: 'مقال التحليل',
      titleEn: 'Analysis article',
      outlet: 'o',
      publishedOn: '2026-01-01',
      language: 'ar',
      text: 'نص',
      segments: '[]',
      sentences: '[]',
      ownerId: teacherA.teacherId,
    },
  })
  for (const [i, item] of ITEMS.entries()) {
    await prisma.question.upsert({
      where: { id: item.id },
      update: { articleId: article.id },
      create: {
        id: item.id,
        articleId: article.id,
        type: item.type,
        skill: item.skill,
        stem: `سؤال رقم ${i + 1}`,
        options: JSON.stringify(item.options),
        key: item.key,
        accepted: JSON.stringify([item.key]),
        evidenceStart: 0,
        evidenceEnd: 2,
        evidenceText: 'نص',
        explanation: '',
        position: i,
        quizPosition: i,
        status: 'approved',
      },
    })
  }
  const assignment = await prisma.assignment.create({
    data: { classroomId: classId, articleId: article.id, questionIds: JSON.stringify(ITEMS.map((q) => q.id)), mode: 'test', attemptsAllowed: 2 },
  })
  const learners = []
  for (const name of NAMES) learners.push(await prisma.learner.create({ data: { displayName: name, classroomId: classId } }))
  for (const [i, l] of learners.entries()) {
    // أحمد's form was shown five minutes before the submit; the others' start is unknown.
    await attempt(l.id, article.id, assignment.id, FIRST[i]!, new Date(T0.getTime() + i * 60_000), i === 0 ? new Date(T0.getTime() - 300_000) : null)
  }
  await attempt(learners[1]!.id, article.id, assignment.id, ['أ', 'أ', 'أ', 'صح', '12'], new Date(T0.getTime() + DAY))
  const student = await learnerCookie(learners[0]!.id)
  return { a, b, classId, assignmentId: assignment.id, articleId: article.id, learners, student }
}

const ctx = await buildClass()
const insightUrl = (q = '') => `${base}/teacher/classes/${ctx.classId}/insight/${ctx.assignmentId}${q}`
const params = { classId: ctx.classId, assignmentId: ctx.assignmentId }

describe('assignment dashboard', () => {
  it('lists every student with the first attempt by default, and the hand-computed statistics', async () => {
    const { insight, view } = await assignmentInsightLoader(args(getRequest(insightUrl(), ctx.a), params))
    expect(view.basis).toBe('first')
    expect(insight.students.map((s) => [s.displayName, s.score, s.total, s.attempts])).toEqual([
      ['أحمد', 4, 5, 1],
      ['باسل', 3, 5, 2],
      ['جود', 2, 5, 1],
      ['دانة', 3, 5, 1],
      ['هالة', 2, 5, 1],
    ])
    expect(insight.students[0]!.timeTakenMs).toBe(300_000)
    expect(insight.students[1]!.timeTakenMs).toBe(null)
    expect(insight.students[0]!.submittedAt).toBe(T0.toISOString())
    expect(insight.summary.n).toBe(5)
    expect(insight.summary.mean).toBeCloseTo(56, 10)
    expect(insight.summary.median).toBe(60)
    expect(round3(insight.summary.sd)).toBe(16.733)
    expect(insight.histogram.map((b) => b.count)).toEqual([0, 0, 0, 0, 2, 0, 2, 0, 1, 0])
    expect(insight.smallSample).toBe(true)
  })

  it('analyses each item: facility, discrimination, options chosen and flags with reasons', async () => {
    const { insight } = await assignmentInsightLoader(args(getRequest(insightUrl(), ctx.a), params))
    expect(insight.items.map((i) => [i.number, i.n, round3(i.facility), round3(i.discrimination)])).toEqual([
      [1, 5, 0.8, 0],
      [2, 5, 0.6, 0.408],
      [3, 5, 0.2, 0.408],
      [4, 5, 0.2, -0.784],
      [5, 5, 1, null],
    ])
    expect(insight.items[0]!.options).toEqual([
      { option: 'أ', count: 4, isKey: true },
      { option: 'ب', count: 1, isKey: false },
      { option: 'ج', count: 0, isKey: false },
      { option: 'د', count: 0, isKey: false },
    ])
    expect(insight.items.map((i) => i.flags.map((f) => (f.code === 'unused_distractor' ? `${f.code}:${f.option}` : f.code)))).toEqual([
      ['low_discrimination', 'unused_distractor:ج', 'unused_distractor:د'],
      ['unused_distractor:د'],
      [],
      ['negative_discrimination'],
      ['too_easy'],
    ])
    expect(insight.assignment.ownArticle).toBe(true)
  })

  it('marks the items of a shared sample article as not editable from the dashboard', async () => {
    await prisma.article.update({ where: { id: ctx.articleId }, data: { ownerId: null } })
    try {
      const { insight } = await assignmentInsightLoader(args(getRequest(insightUrl(), ctx.a), params))
      expect(insight.assignment.ownArticle).toBe(false)
    } finally {
      const { teacherId } = await prisma.classroom.findUniqueOrThrow({ where: { id: ctx.classId }, select: { teacherId: true } })
      await prisma.article.update({ where: { id: ctx.articleId }, data: { ownerId: teacherId } })
    }
  })

  it('switches to the best or last attempt, and says which', async () => {
    for (const basis of ['best', 'last']) {
      const { insight, view } = await assignmentInsightLoader(args(getRequest(insightUrl(`?attempt=${basis}`), ctx.a), params))
      expect(view.basis).toBe(basis)
      expect(insight.basis).toBe(basis)
      expect(insight.students.find((s) => s.displayName === 'باسل')).toMatchObject({ score: 5, attempts: 2, percent: 100 })
      expect(insight.summary.mean).toBeCloseTo(64, 10) // (80 + 100 + 40 + 60 + 40) / 5
    }
    const { view } = await assignmentInsightLoader(args(getRequest(insightUrl('?attempt=worst&sort=evil&dir=up'), ctx.a), params))
    expect(view).toEqual({ basis: 'first', sort: 'name', dir: 'asc', q: '' })
  })

  it('sorts and filters the student table through query parameters; statistics stay over the class', async () => {
    const sorted = await assignmentInsightLoader(args(getRequest(insightUrl('?sort=score&dir=desc'), ctx.a), params))
    expect(sorted.insight.students.map((s) => s.displayName)).toEqual(['أحمد', 'باسل', 'دانة', 'جود', 'هالة'])
    const byTime = await assignmentInsightLoader(args(getRequest(insightUrl('?sort=time&dir=desc'), ctx.a), params))
    expect(byTime.insight.students[0]!.displayName).toBe('أحمد') // unknown times last in both directions
    const filtered = await assignmentInsightLoader(args(getRequest(insightUrl(`?q=${encodeURIComponent('دانة')}`), ctx.a), params))
    expect(filtered.insight.students.map((s) => s.displayName)).toEqual(['دانة'])
    expect(filtered.insight.classSize).toBe(5)
    expect(filtered.insight.summary.n).toBe(5)
  })
})

describe('class overview: students, skills, retention', () => {
  it('summarises students over assignments and gives the skill view', async () => {
    const url = `${base}/teacher/classes/${ctx.classId}/insight`
    const { insight } = await classInsightLoader(args(getRequest(url, ctx.a), { classId: ctx.classId }))
    expect(insight.assignments).toEqual([{ id: ctx.assignmentId, articleTitle: 'مقال التحليل', students: 5, meanPercent: expect.closeTo(56, 6) }])
    expect(insight.students.map((s) => [s.displayName, s.assignmentsDone, s.attempts, s.percent])).toEqual([
      ['أحمد', 1, 1, 80],
      ['باسل', 1, 2, 60],
      ['جود', 1, 1, 40],
      ['دانة', 1, 1, 60],
      ['هالة', 1, 1, 40],
    ])
    expect(round3(insight.summary.sd)).toBe(16.733)
    expect(insight.skills.skills).toEqual(['who', 'where', 'weapon', 'when', 'how_many'])
    expect(Object.fromEntries(Object.entries(insight.skills.class).map(([k, v]) => [k, [v.correct, v.n]]))).toEqual({
      who: [4, 5],
      where: [3, 5],
      weapon: [1, 5],
      when: [1, 5],
      how_many: [5, 5],
    })
    const hala = insight.skills.students.find((s) => s.displayName === 'هالة')!
    expect(hala.bySkill.when).toEqual({ n: 1, correct: 1, rate: 1 })
    expect(hala.bySkill.who).toEqual({ n: 1, correct: 0, rate: 0 })
    // The best attempt counts for باسل with ?attempt=best.
    const best = await classInsightLoader(args(getRequest(`${url}?attempt=best`, ctx.a), { classId: ctx.classId }))
    expect(best.insight.skills.class.when).toMatchObject({ correct: 2, n: 5 })
  })

  it("shows each student's review state: cards due, reviews in the last 7 days, true retention", async () => {
    const now = Date.now()
    const l = ctx.learners[2]!
    const card = async (questionId: string, state: number, dueOffsetDays: number) =>
      prisma.card.create({
        data: {
          learnerId: l.id,
          direction: 'question',
          questionId,
          due: new Date(now + dueOffsetDays * DAY),
          stability: 30,
          difficulty: 5,
          elapsedDays: 0,
          scheduledDays: 30,
          learningSteps: 0,
          reps: 3,
          lapses: 0,
          state,
        },
      })
    await card('ins:1', 0, -3) // new: never due in the count
    const due = await card('ins:2', 2, -1) // review, overdue
    await card('ins:3', 2, 5) // review, due later
    let version = 0
    const log = (daysAgo: number, rating: number, scheduledDays: number) =>
      prisma.reviewLog.create({
        data: {
          cardId: due.id,
          learnerId: l.id,
          cardVersion: version++,
          rating,
          state: 2,
          due: new Date(now - daysAgo * DAY),
          stability: 30,
          difficulty: 5,
          elapsedDays: scheduledDays,
          lastElapsedDays: 0,
          scheduledDays,
          learningSteps: 0,
          review: new Date(now - daysAgo * DAY),
          source: 'self',
        },
      })
    await log(2, 3, 30) // mature, passed, recent
    await log(3, 1, 25) // mature, Again, recent
    await log(10, 3, 40) // mature, passed
    await log(12, 3, 5) // young: not in the true retention
    await log(40, 1, 30) // outside the 30-day window
    const { insight } = await classInsightLoader(args(getRequest(`${base}/teacher/classes/${ctx.classId}/insight`, ctx.a), { classId: ctx.classId }))
    expect(insight.retention.find((r) => r.id === l.id)).toEqual({
      id: l.id,
      displayName: 'جود',
      cards: 3,
      due: 1,
      recentReviews: 2,
      matureReviews: 3,
      passed: 2,
      trueRetention: 2 / 3,
    })
    expect(insight.retention.find((r) => r.displayName === 'أحمد')).toMatchObject({ cards: 0, due: 0, recentReviews: 0, trueRetention: null })
  })
})

describe('the insight pages: numbers and names isolated in <bdi>', () => {
  const english = async () => `${ctx.a}; ${(await langCookie.serialize('en')).split(';')[0]}`
  const classPage = { id: 'routes/class-insight', path: 'teacher/classes/:classId/insight', loader: classInsightLoader, Component: ClassInsightPage }
  const assignmentPage = {
    id: 'routes/assignment-insight',
    path: 'teacher/classes/:classId/insight/:assignmentId',
    loader: assignmentInsightLoader,
    Component: AssignmentInsightPage,
  }

  it('the class overview isolates the class name whole and the counts inside Arabic sentences', async () => {
    const ar = await renderPage(classPage, getRequest(`${base}/teacher/classes/${ctx.classId}/insight`, ctx.a))
    expect(ar).toContain('<h1>نتائج الصف «<bdi>العاشر</bdi>»</h1>')
    expect(ar).toContain('<bdi>5</bdi> طلاب')
    expect(ar).toContain('والمراجعات في آخر <bdi>7</bdi> أيام، والاحتفاظ الفعلي في آخر <bdi>30</bdi> يومًا')
    expect(ar).toContain('<span class="muted">(<bdi>3</bdi> مراجعات ناضجة')
    const en = await renderPage(classPage, getRequest(`${base}/teacher/classes/${ctx.classId}/insight`, await english()))
    expect(en).toContain('“<bdi>العاشر</bdi>”</h1>')
  })

  it('the item analysis isolates the article title, the sample size and an unused distractor', async () => {
    const url = `${base}/teacher/classes/${ctx.classId}/insight/${ctx.assignmentId}`
    const ar = await renderPage(assignmentPage, getRequest(url, ctx.a))
    expect(ar).toContain('<h1>نتائج الواجب «<bdi lang="ar">مقال التحليل</bdi>»</h1>')
    expect(ar).toContain('الأرقام مبنية على <bdi>5</bdi> طالبًا فقط')
    expect(ar).toContain('لم يختر أحد المموّه «<bdi lang="ar">ج</bdi>»')
    const en = await renderPage(assignmentPage, getRequest(url, await english()))
    expect(en).toContain('the distractor</bdi> “<bdi lang="ar">ج</bdi>”')
    expect(ar).toContain('تمييز سالب (\u200E<bdi>-0.784</bdi>)') // ICU's left-to-right mark, then the signed number whole
  })
})

describe('exports', () => {
  async function download(loader: typeof scoresCsvLoader, kind: string, query = '') {
    const res = (await loader(args(getRequest(`${insightUrl()}/${kind}.csv${query}`, ctx.a), params))) as Response
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toMatch(new RegExp(`^attachment; filename="${kind}-${ctx.assignmentId}-`))
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 BOM
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    return parse(text, { bom: true, columns: true }) as Record<string, string>[]
  }

  it('scores parse back to the dashboard values', async () => {
    const rows = await download(scoresCsvLoader, 'scores')
    expect(rows.map((r) => [r['الطالب'], r['الدرجة'], r['من'], r['النسبة المئوية'], r['المحاولات'], r['المدة بالثواني'], r['وقت الإرسال (UTC)']])).toEqual([
      ['أحمد', '4', '5', '80', '1', '300', T0.toISOString()],
      ['باسل', '3', '5', '60', '2', '', new Date(T0.getTime() + 60_000).toISOString()],
      ['جود', '2', '5', '40', '1', '', new Date(T0.getTime() + 120_000).toISOString()],
      ['دانة', '3', '5', '60', '1', '', new Date(T0.getTime() + 180_000).toISOString()],
      ['هالة', '2', '5', '40', '1', '', new Date(T0.getTime() + 240_000).toISOString()],
    ])
    const best = await download(scoresCsvLoader, 'scores', '?attempt=best')
    expect(best[1]).toMatchObject({ 'الدرجة': '5', 'النسبة المئوية': '100' })
  })

  it('the item analysis parses back to the same values, with English headers for an English interface', async () => {
    const rows = await download(itemsCsvLoader, 'items')
    expect(rows.map((r) => [r['رقم السؤال'], r['معرّف السؤال'], r['المهارة'], r['عدد المجيبين'], r['الإجابات الصحيحة'], r['معامل السهولة'], r['معامل التمييز (ارتباط ثنائي نقطي مصحّح)']])).toEqual([
      ['1', 'ins:1', 'مَن', '5', '4', '0.8', '0'],
      ['2', 'ins:2', 'أين', '5', '3', '0.6', '0.408'],
      ['3', 'ins:3', 'السلاح', '5', '1', '0.2', '0.408'],
      ['4', 'ins:4', 'متى', '5', '1', '0.2', '-0.784'],
      ['5', 'ins:5', 'كم', '5', '5', '1', ''],
    ])
    expect(rows[0]!['الخيارات: العدد']).toBe('أ: 4 | ب: 1 | ج: 0 | د: 0')
    expect(rows[0]!['ملاحظات']).toBe('تمييز ضعيف: 0 أقل من 0.25; لم يختر أحد المموّه «ج»; لم يختر أحد المموّه «د»')
    const res = (await itemsCsvLoader(
      args(new Request(`${insightUrl()}/items.csv`, { headers: { Cookie: `${ctx.a}; ${(await langCookie.serialize('en')).split(';')[0]}` } }), params),
    )) as Response
    const en = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[]
    expect(en[3]).toMatchObject({ 'Item number': '4', Skill: 'When', 'Facility index': '0.2', 'Discrimination index (corrected point-biserial)': '-0.784' })
  })

  it('writes a name that looks like a formula as text', async () => {
    const l = await prisma.learner.create({ data: { displayName: '=HYPERLINK("x")', classroomId: ctx.classId } })
    try {
      const rows = await download(scoresCsvLoader, 'scores')
      expect(rows.map((r) => r['الطالب'])).toContain(`'=HYPERLINK("x")`)
    } finally {
      await prisma.learner.delete({ where: { id: l.id } })
    }
  })
})

describe('authorisation matrix: class insight', () => {
  const pages = [
    { name: 'class overview', call: (c?: string) => classInsightLoader(args(getRequest(`${base}/teacher/classes/${ctx.classId}/insight`, c), { classId: ctx.classId })) },
    { name: 'assignment dashboard', call: (c?: string) => assignmentInsightLoader(args(getRequest(insightUrl(), c), params)) },
    { name: 'scores export', call: (c?: string) => scoresCsvLoader(args(getRequest(`${insightUrl()}/scores.csv`, c), params)) },
    { name: 'items export', call: (c?: string) => itemsCsvLoader(args(getRequest(`${insightUrl()}/items.csv`, c), params)) },
  ]

  it.each(pages)("another teacher gets 404 for the $name", async ({ call }) => {
    const error = asData(await thrown(call(ctx.b)))
    expect(error.init?.status).toBe(404)
  })

  it.each(pages)('a student or nobody is sent to the sign-in page for the $name', async ({ call }) => {
    for (const cookie of [ctx.student, undefined]) {
      const res = await thrown(call(cookie))
      expect(res).toBeInstanceOf(Response)
      expect((res as Response).status).toBe(302)
      expect((res as Response).headers.get('Location')).toMatch(/^\/teacher\/login\?redirectTo=%2Fteacher%2Fclasses%2F/)
    }
  })

  it("an assignment opened under the teacher's other class, or a guessed id, answers 404", async () => {
    const other = await createClassAs(ctx.a, 'صف آخر')
    for (const p of [
      { classId: other, assignmentId: ctx.assignmentId },
      { classId: ctx.classId, assignmentId: 'cguessed000000000000000000' },
      { classId: ctx.classId, assignmentId: 'not valid!' },
    ]) {
      const error = asData(await thrown(assignmentInsightLoader(args(getRequest(insightUrl(), ctx.a), p))))
      expect(error.init?.status).toBe(404)
    }
  })
})

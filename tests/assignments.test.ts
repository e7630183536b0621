/**
 * The "done when" path and the assignment rules: a teacher signs up, creates a class, pastes a
 * sample article, approves its items and assigns it; a student joins with the code, takes it, and only
 * the right people see the result. Plus due dates (teacher's zone in, UTC stored, past refused), attempts
 * allowed, and the authorisation matrix for assignments.
 */
import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/db.server'
import { langCookie } from '~/i18n/lang.server'
import { StringListSchema } from '~/models/bank-json'
import { answerFieldName } from '~/models/quiz-fields'
import { action as assignmentAction, loader as assignmentLoader } from '~/routes/assignments.$assignmentId'
import { loader as attemptLoader } from '~/routes/attempts.$attemptId'
import { loader as studentLoader } from '~/routes/class'
import { action as joinAction } from '~/routes/join'
import { action as bankAction } from '~/routes/teacher.articles.$articleId._index'
import { action as articlesAction } from '~/routes/teacher.articles._index'
import { action as classAction, loader as classLoader } from '~/routes/teacher.classes.$classId'
import { action as homeAction } from '~/routes/teacher._index'
import { action as signupAction } from '~/routes/teacher.signup'
import { loadSample } from './support/samples'
import { asData, cookieFrom, formRequest, getRequest, thrown } from './helpers/app'


// argon2 hashing and the generator on a whole article take seconds when the machine is busy.
vi.setConfig({ testTimeout: 30_000 })
const base = 'http://localhost'
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })
const idFrom = (res: unknown) => (res as Response).headers.get('Location')!.split('#')[0]!.split('/').pop()!

async function signUp(email: string, timeZone = 'Asia/Riyadh') {
  return cookieFrom(
    (await signupAction(
      args(formRequest(`${base}/teacher/signup`, [['email', email], ['password', 'correct horse battery'], ['displayName', 'المعلّم'], ['timeZone', timeZone]])),
    )) as Response,
  )
}

async function setUpClassWithArticle(email: string) {
  const teacher = await signUp(email)
  const classId = idFrom(await homeAction(args(formRequest(`${base}/teacher`, [['name', 'الصف']], teacher))))
  const articleId = idFrom(
    await articlesAction(args(formRequest(`${base}/teacher/articles`, [['title', 'بوتين وكيم'], ['text', loadSample('00-putin-kim-vostochny').text]], teacher))),
  )
  await bankAction(args(formRequest(`${base}/teacher/articles/${articleId}`, [['intent', 'approve-all']], teacher), { articleId }))
  const { classroom } = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, teacher), { classId }))
  return { teacher, classId, articleId, joinCode: classroom.joinCode }
}

function assign(teacher: string, classId: string, fields: [string, string][]) {
  return classAction(args(formRequest(`${base}/teacher/classes/${classId}`, [['intent', 'assign'], ...fields], teacher), { classId }))
}

/** The `fahm_lang` cookie pair that selects the English interface. */
async function englishCookie() {
  return (await langCookie.serialize('en')).split(';')[0]!
}

async function joinAs(code: string, name: string) {
  return cookieFrom((await joinAction(args(formRequest(`${base}/join`, [['code', code], ['displayName', name]])))) as Response)
}

describe('from sign-up to a student result', () => {
  it('runs the whole path and shows the result only to its student', async () => {
    const { teacher, classId, articleId, joinCode } = await setUpClassWithArticle('flow@example.org')
    // One item rejected after approval: it must not reach the assignment.
    const quizRows = await prisma.question.findMany({ where: { articleId, quizPosition: { not: null }, type: { in: ['mcq', 'true_false', 'cloze', 'short_answer'] } }, orderBy: { quizPosition: 'asc' } })
    await bankAction(args(formRequest(`${base}/teacher/articles/${articleId}`, [['intent', 'reject'], ['itemId', quizRows[0]!.id]], teacher), { articleId }))

    const res = (await assign(teacher, classId, [['articleId', articleId], ['mode', 'test'], ['attemptsAllowed', '1'], ['due', '2099-01-15T09:30']])) as Response
    expect(res.status).toBe(302)
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { classroomId: classId } })
    // Entered in Asia/Riyadh (UTC+3), stored in UTC.
    expect(assignment.dueAt?.toISOString()).toBe('2099-01-15T06:30:00.000Z')
    const ids = StringListSchema.parse(JSON.parse(assignment.questionIds))
    expect(ids).toEqual(quizRows.slice(1).map((q) => q.id))
    const { assignments } = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, teacher), { classId }))
    expect(assignments[0]!.dueLocal).toBe('2099-01-15T09:30')
    // Shown in the teacher's zone, named, in each interface language.
    expect(assignments[0]!.dueLabel).toBe('الخميس، 15 يناير 2099 في 9:30 ص غرينتش+3')
    const english = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, `${teacher}; ${await englishCookie()}`), { classId }))
    expect(english.assignments[0]!.dueLabel).toBe('Thursday, 15 January 2099 at 09:30 GMT+3')

    const student = await joinAs(joinCode, 'سارة')
    const home = await studentLoader(args(getRequest(`${base}/class`, student)))
    expect(home.assignments).toEqual([expect.objectContaining({ id: assignment.id, open: true, attemptsUsed: 0, attemptsAllowed: 1 })])
    const { quiz } = await assignmentLoader(args(getRequest(`${base}/assignments/${assignment.id}`, student), { assignmentId: assignment.id }))
    expect(quiz.questions.map((q) => q.id)).toEqual(ids)
    // A student whose browser said nothing sees the due time in UTC, named so; one in Cairo sees Cairo's.
    expect(home.assignments[0]!.dueLabel).toBe('الخميس، 15 يناير 2099 في 6:30 ص UTC')
    const cairo = cookieFrom(
      (await joinAction(args(formRequest(`${base}/join`, [['code', joinCode], ['displayName', 'منى'], ['timeZone', 'Africa/Cairo']])))) as Response,
    )
    expect((await studentLoader(args(getRequest(`${base}/class`, cairo)))).assignments[0]!.dueLabel).toBe('الخميس، 15 يناير 2099 في 8:30 ص غرينتش+2')
    expect((await studentLoader(args(getRequest(`${base}/class`, `${cairo}; ${await englishCookie()}`)))).assignments[0]!.dueLabel).toBe(
      'Thursday, 15 January 2099 at 08:30 EET',
    )

    const answers = quizRows.slice(1).map((q): [string, string] => [answerFieldName(q.id), q.key])
    const fields: [string, string][] = [['clientToken', crypto.randomUUID()], ...answers]
    const submitted = (await assignmentAction(args(formRequest(`${base}/assignments/${assignment.id}`, fields, student), { assignmentId: assignment.id }))) as Response
    expect(submitted.status).toBe(302)
    const attemptId = idFrom(submitted)
    expect(await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ assignmentId: assignment.id, score: ids.length, total: ids.length })

    // Attempts allowed: a second attempt is refused.
    const again = asData<{ errors: { form: string[] } }>(
      await assignmentAction(args(formRequest(`${base}/assignments/${assignment.id}`, [['clientToken', crypto.randomUUID()], ...answers], student), { assignmentId: assignment.id })),
    )
    expect(again.init?.status).toBe(409)
    expect(again.data.errors.form).toEqual(['attempts_used'])
    // …and the page no longer offers a form: it says so and links to the latest result.
    const after = await assignmentLoader(args(getRequest(`${base}/assignments/${assignment.id}`, student), { assignmentId: assignment.id }))
    expect(after.assignment).toMatchObject({ attemptsUsed: 1, attemptsAllowed: 1, lastAttemptId: attemptId })

    // Only the student sees the result; a classmate gets 404.
    const own = await attemptLoader(args(getRequest(`${base}/attempts/${attemptId}`, student), { attemptId }))
    expect(own.result.id).toBe(attemptId)
    const classmate = await joinAs(joinCode, 'ليلى')
    expect(asData(await thrown(attemptLoader(args(getRequest(`${base}/attempts/${attemptId}`, classmate), { attemptId })))).init?.status).toBe(404)
  })
})

describe('attempts allowed under concurrent submits', () => {
  it('stores no more attempts than allowed when two forms are sent at once', async () => {
    const { teacher, classId, articleId, joinCode } = await setUpClassWithArticle('race@example.org')
    await assign(teacher, classId, [['articleId', articleId], ['mode', 'test'], ['attemptsAllowed', '1']])
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { classroomId: classId } })
    const student = await joinAs(joinCode, 'سريع')
    const ids = StringListSchema.parse(JSON.parse(assignment.questionIds))
    const rows = await prisma.question.findMany({ where: { id: { in: ids } }, select: { id: true, key: true } })
    const answers = rows.map((q): [string, string] => [answerFieldName(q.id), q.key])
    const send = () =>
      assignmentAction(
        args(formRequest(`${base}/assignments/${assignment.id}`, [['clientToken', crypto.randomUUID()], ...answers], student), { assignmentId: assignment.id }),
      )
    await Promise.all([send(), send(), send()])
    expect(await prisma.attempt.count({ where: { assignmentId: assignment.id } })).toBe(1)
  })
})

describe('the Back button after a submit', () => {
  it('offers the result and an explicit next attempt, and refuses the old form posted again with a fresh token', async () => {
    const { teacher, classId, articleId, joinCode } = await setUpClassWithArticle('back@example.org')
    await assign(teacher, classId, [['articleId', articleId], ['mode', 'test'], ['attemptsAllowed', '2']])
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { classroomId: classId } })
    const student = await joinAs(joinCode, 'رجوع')
    const page = (query = '') =>
      assignmentLoader(args(getRequest(`${base}/assignments/${assignment.id}${query}`, student), { assignmentId: assignment.id }))
    const first = await page()
    expect(first).toMatchObject({ showForm: true, quiz: { attemptNumber: 1 } })
    const answers = first.quiz.questions.map((q): [string, string] => [answerFieldName(q.id), q.options[0] ?? 'جواب'])
    const post = (attempt: string) =>
      assignmentAction(
        args(formRequest(`${base}/assignments/${assignment.id}`, [['clientToken', crypto.randomUUID()], ['attempt', attempt], ...answers], student), {
          assignmentId: assignment.id,
        }),
      )
    const stored = (await post('1')) as Response
    expect(stored.status).toBe(302)
    // "Take it again" on the result leads to the assignment's next attempt, not the article's practice quiz.
    const resultOf = (res: Response) => {
      const attemptId = idFrom(res)
      return attemptLoader(args(getRequest(`${base}/attempts/${attemptId}`, student), { attemptId }))
    }
    expect((await resultOf(stored)).retakeTo).toBe(`/assignments/${assignment.id}?attempt=2`)

    // Back: the page reloads (no-store) with a fresh token; it now shows the gate, not a form.
    const back = await page()
    expect(back).toMatchObject({ showForm: false, quiz: { attemptNumber: 2 }, assignment: { attemptsUsed: 1, lastAttemptId: idFrom(stored) } })
    // The restored answers posted with the new token but the old attempt number: refused, nothing stored.
    const replay = asData<{ errors: { form: string[] } }>(await post('1'))
    expect(replay.init?.status).toBe(409)
    expect(replay.data.errors.form).toEqual(['attempt_submitted'])
    expect(await prisma.attempt.count({ where: { assignmentId: assignment.id } })).toBe(1)
    // The explicit link opens attempt 2's form, which is stored.
    expect(await page('?attempt=2')).toMatchObject({ showForm: true, quiz: { attemptNumber: 2 } })
    const second = (await post('2')) as Response
    expect(second.status).toBe(302)
    expect(await prisma.attempt.count({ where: { assignmentId: assignment.id } })).toBe(2)
    // …and then nowhere: no attempt is left.
    expect((await resultOf(second)).retakeTo).toBe(null)
    expect((await resultOf(stored)).result.assignment).toEqual({ id: assignment.id, attemptsUsed: 2, attemptsAllowed: 2 })
  })
})

describe('choosing items', () => {
  it('lists the approved items with the default quiz pre-chosen, and assigns only approved items of the article', async () => {
    const { teacher, classId, articleId } = await setUpClassWithArticle('choose@example.org')
    const { choosing } = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}?article=${articleId}`, teacher), { classId }))
    expect(choosing?.items.length).toBeGreaterThan(3)
    const chosen = choosing!.items.filter((i) => !i.inDefaultQuiz).slice(0, 2).map((i) => i.id)
    const ok = (await assign(teacher, classId, [['articleId', articleId], ['mode', 'test'], ['attemptsAllowed', '1'], ...chosen.map((id): [string, string] => ['questionIds', id])])) as Response
    expect(ok.status).toBe(302)
    const stored = await prisma.assignment.findFirstOrThrow({ where: { classroomId: classId } })
    expect(StringListSchema.parse(JSON.parse(stored.questionIds))).toEqual(chosen)
    // A rejected item, or one of another article, is refused.
    await bankAction(args(formRequest(`${base}/teacher/articles/${articleId}`, [['intent', 'reject'], ['itemId', chosen[0]!]], teacher), { articleId }))
    const refused = asData<{ assignErrors: Record<string, string> }>(
      await assign(teacher, classId, [['articleId', articleId], ['mode', 'practice'], ['attemptsAllowed', '1'], ['questionIds', chosen[0]!]]),
    )
    expect(refused.data.assignErrors.questionIds).toBe('questions_invalid')
    // Another teacher's article id in ?article= shows nothing to choose.
    const other = await setUpClassWithArticle('choose-other@example.org')
    expect((await classLoader(args(getRequest(`${base}/teacher/classes/${classId}?article=${other.articleId}`, teacher), { classId }))).choosing).toBe(null)
  })
})

describe('practice mode', () => {
  it('gives the verdict on the items answered so far, stores nothing, and keeps the answers', async () => {
    const { teacher, classId, articleId, joinCode } = await setUpClassWithArticle('practice@example.org')
    await assign(teacher, classId, [['articleId', articleId], ['mode', 'practice'], ['attemptsAllowed', '3']])
    await assign(teacher, classId, [['articleId', articleId], ['mode', 'test'], ['attemptsAllowed', '1']])
    const [practice, test] = await Promise.all(
      ['practice', 'test'].map((mode) => prisma.assignment.findFirstOrThrow({ where: { classroomId: classId, mode } })),
    )
    const student = await joinAs(joinCode, 'متدرّب')
    const ids = StringListSchema.parse(JSON.parse(practice!.questionIds))
    const q = await prisma.question.findUniqueOrThrow({ where: { id: ids[0]! } })
    const wrong = q.type === 'short_answer' ? 'لا أعرف' : StringListSchema.parse(JSON.parse(q.options)).find((o) => o !== q.key)!
    const check = (assignmentId: string) =>
      assignmentAction(
        args(formRequest(`${base}/assignments/${assignmentId}`, [['clientToken', crypto.randomUUID()], [answerFieldName(q.id), wrong], ['check', q.id]], student), { assignmentId }),
      )
    const res = asData<{ feedback: Record<string, { correct: boolean; key: string }>; values: { answers: Record<string, string> } }>(await check(practice!.id))
    expect(Object.keys(res.data.feedback)).toEqual([q.id])
    expect(res.data.feedback[q.id]).toMatchObject({ correct: false, key: q.key })
    expect(res.data.values.answers[q.id]).toBe(wrong)
    // A test gives no feedback before submitting.
    expect(asData<{ feedback?: unknown }>(await check(test!.id)).data.feedback).toBeUndefined()
    expect(await prisma.attempt.count({ where: { assignmentId: { in: [practice!.id, test!.id] } } })).toBe(0)
  })
})

describe('assignment rules and authorisation', () => {
  it('refuses a due date in the past, bad attempts and an unknown article, with field codes and values echoed', async () => {
    const { teacher, classId, articleId } = await setUpClassWithArticle('rules@example.org')
    const cases: [[string, string][], string, string][] = [
      [[['articleId', articleId], ['mode', 'test'], ['attemptsAllowed', '1'], ['due', '2001-01-01T10:00']], 'due', 'due_in_past'],
      [[['articleId', articleId], ['mode', 'test'], ['attemptsAllowed', '0']], 'attemptsAllowed', 'attempts_invalid'],
      [[['articleId', articleId], ['mode', 'exam'], ['attemptsAllowed', '1']], 'mode', 'mode_invalid'],
      [[['articleId', 'cnosucharticle'], ['mode', 'test'], ['attemptsAllowed', '1']], 'articleId', 'article_missing'],
    ]
    for (const [fields, field, code] of cases) {
      const res = asData<{ assignErrors: Record<string, string>; assignValues: Record<string, string> }>(await assign(teacher, classId, fields))
      expect(res.init?.status).toBe(400)
      expect(res.data.assignErrors[field]).toBe(code)
      expect(res.data.assignValues.articleId).toBe(fields[0]![1])
    }
    expect(await prisma.assignment.count({ where: { classroomId: classId } })).toBe(0)
  })

  it("keeps teachers and students to their own classes' assignments; guessed ids answer 404", async () => {
    const a = await setUpClassWithArticle('owner-a@example.org')
    const b = await setUpClassWithArticle('owner-b@example.org')
    await assign(a.teacher, a.classId, [['articleId', a.articleId], ['mode', 'practice'], ['attemptsAllowed', '2']])
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { classroomId: a.classId } })

    // Teacher B: not into A's class, not with A's article.
    expect(asData(await thrown(assign(b.teacher, a.classId, [['articleId', b.articleId], ['mode', 'test'], ['attemptsAllowed', '1']]))).init?.status).toBe(404)
    const foreignArticle = asData<{ assignErrors: Record<string, string> }>(
      await assign(b.teacher, b.classId, [['articleId', a.articleId], ['mode', 'test'], ['attemptsAllowed', '1']]),
    )
    expect(foreignArticle.data.assignErrors.articleId).toBe('article_missing')

    // A student of B's class cannot open or submit A's assignment; nor can someone without a class.
    const outsider = await joinAs(b.joinCode, 'غريب')
    for (const id of [assignment.id, 'cguessedassignment']) {
      expect(asData(await thrown(assignmentLoader(args(getRequest(`${base}/assignments/${id}`, outsider), { assignmentId: id })))).init?.status).toBe(404)
      expect(
        asData(await thrown(assignmentAction(args(formRequest(`${base}/assignments/${id}`, [['clientToken', crypto.randomUUID()]], outsider), { assignmentId: id })))).init?.status,
      ).toBe(404)
    }
    expect(asData(await thrown(assignmentLoader(args(getRequest(`${base}/assignments/${assignment.id}`), { assignmentId: assignment.id })))).init?.status).toBe(404)
    expect((await studentLoader(args(getRequest(`${base}/class`, outsider)))).assignments).toEqual([])
    expect(await prisma.attempt.count({ where: { assignmentId: assignment.id } })).toBe(0)
  })
})

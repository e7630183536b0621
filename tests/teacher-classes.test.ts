/**
 * Teacher accounts, classes and /join against a real SQLite copy: sign-up, sign-in (rotation, rate limit),
 * log-out, classes (create, rename, archive, roster, remove a student with their data), joining with a
 * code, and the authorisation matrix for these pages.
 */
import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/db.server'
import { generateJoinCode } from '~/models/classroom.server'
import { LOGIN_MAX_FAILURES_PER_ACCOUNT } from '~/models/teacher.server'
import { action as classAction, loader as classLoader } from '~/routes/teacher.classes.$classId'
import { action as homeAction, loader as homeLoader } from '~/routes/teacher._index'
import { action as joinAction } from '~/routes/join'
import { loader as studentLoader } from '~/routes/class'
import { action as loginAction } from '~/routes/teacher.login'
import { action as logoutAction } from '~/routes/teacher.logout'
import { action as signupAction } from '~/routes/teacher.signup'
import { loader as attemptLoader } from '~/routes/attempts.$attemptId'
import { asData, cookieFrom, formRequest, getRequest, learnerCookie, thrown } from './helpers/app'
import { formatDateTimeShortIn } from '~/utils/format'


// argon2 hashing and the generator on a whole article take seconds when the machine is busy.
vi.setConfig({ testTimeout: 30_000 })
const base = 'http://localhost'
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })

async function signUp(email: string, password = 'correct horse battery') {
  const res = (await signupAction(
    args(formRequest(`${base}/teacher/signup`, [['email', email], ['password', password], ['displayName', 'المعلّمة هدى']])),
  )) as Response
  expect(res.status).toBe(302)
  return cookieFrom(res)
}

async function createClassAs(cookie: string, name: string) {
  const res = (await homeAction(args(formRequest(`${base}/teacher`, [['name', name]], cookie)))) as Response
  expect(res.status).toBe(302)
  return res.headers.get('Location')!.split('/').pop()!
}

async function join(code: string, displayName: string, cookie?: string) {
  return joinAction(args(formRequest(`${base}/join`, [['code', code], ['displayName', displayName]], cookie)))
}

function redirectOf(value: unknown): string | null {
  return value instanceof Response && value.status === 302 ? value.headers.get('Location') : null
}

describe('teacher accounts', () => {
  it('signs up with a hashed password and rejects a second account on the same email', async () => {
    await signUp('Huda@Example.org')
    const row = await prisma.teacher.findUniqueOrThrow({ where: { email: 'huda@example.org' } })
    expect(row.passwordHash).toMatch(/^\$argon2id\$/)
    const again = asData<{ errors: { fields: Record<string, string> }; values: Record<string, string> }>(
      await signupAction(args(formRequest(`${base}/teacher/signup`, [['email', 'huda@example.org'], ['password', 'another long password'], ['displayName', 'x y']]))),
    )
    expect(again.init?.status).toBe(400)
    expect(again.data.errors.fields.email).toBe('email_taken')
    expect(again.data.values).not.toHaveProperty('password')
  })

  it('validates the sign-up fields with bilingual codes', async () => {
    const res = asData<{ errors: { fields: Record<string, string> } }>(
      await signupAction(args(formRequest(`${base}/teacher/signup`, [['email', 'not-an-email'], ['password', 'short'], ['displayName', '\u200F']]))),
    )
    expect(res.data.errors.fields).toEqual({
      email: 'email_invalid',
      password: 'password_short',
      displayName: 'display_name_empty',
    })
  })

  it('signs in with a fresh session (rotated), and logs out', async () => {
    await signUp('sami@example.org')
    const learner = await prisma.learner.create({ data: { displayName: 'طالب' } })
    const before = await learnerCookie(learner.id)
    const login = (await loginAction(
      args(formRequest(`${base}/teacher/login`, [['email', 'SAMI@example.org'], ['password', 'correct horse battery']], before)),
    )) as Response
    expect(login.headers.get('Location')).toBe('/teacher')
    const setCookie = login.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const cookie = cookieFrom(login)
    expect(cookie).not.toBe(before)
    const home = await homeLoader(args(getRequest(`${base}/teacher`, cookie)))
    expect(home.teacher.email).toBe('sami@example.org')

    // A second device signed in as the same teacher.
    const other = cookieFrom(
      (await loginAction(args(formRequest(`${base}/teacher/login`, [['email', 'sami@example.org'], ['password', 'correct horse battery']])))) as Response,
    )
    const out = (await logoutAction(args(formRequest(`${base}/teacher/logout`, [], cookie)))) as Response
    expect(out.headers.get('Location')).toBe('/teacher/login')
    expect(redirectOf(await thrown(homeLoader(args(getRequest(`${base}/teacher`, cookieFrom(out))))))).toMatch(/^\/teacher\/login/)
    // The old cookie, replayed, and the other device's cookie no longer work: log-out voids them server-side.
    for (const stale of [cookie, other]) {
      expect(redirectOf(await thrown(homeLoader(args(getRequest(`${base}/teacher`, stale)))))).toMatch(/^\/teacher\/login/)
    }
    expect(setCookie).toMatch(/Max-Age=1209600/)
  })

  it('rate-limits failed sign-ins per account, even with the right password afterwards', async () => {
    await signUp('rana@example.org')
    const attempt = (password: string) =>
      loginAction(args(formRequest(`${base}/teacher/login`, [['email', 'rana@example.org'], ['password', password]])))
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      const failed = asData<{ errors: { form: string[] } }>(await attempt('wrong password!'))
      expect(failed.data.errors.form).toEqual(['login_failed'])
    }
    const limited = asData<{ errors: { form: string[] } }>(await attempt('correct horse battery'))
    expect(limited.init?.status).toBe(429)
    expect(limited.data.errors.form).toEqual(['login_rate_limited'])
    expect(await prisma.loginAttempt.count({ where: { key: 'email:rana@example.org', success: false } })).toBe(5)
  })

  it('answers an unknown email like a wrong password', async () => {
    const res = asData<{ errors: { form: string[] } }>(
      await loginAction(args(formRequest(`${base}/teacher/login`, [['email', 'nobody@example.org'], ['password', 'whatever it is']]))),
    )
    expect(res.data.errors.form).toEqual(['login_failed'])
  })
})

describe('classes and joining', () => {
  it('makes join codes of the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) expect(generateJoinCode()).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(generateJoinCode()).not.toMatch(/[01OIl]/)
  })

  it('creates, renames (unique per teacher) and archives a class; students join and are removed with their data', async () => {
    const cookie = await signUp('layla@example.org')
    const classId = await createClassAs(cookie, 'العاشر أ')
    const duplicate = asData<{ errors: { fields: Record<string, string> } }>(
      await homeAction(args(formRequest(`${base}/teacher`, [['name', ' العاشر   أ ']], cookie))),
    )
    expect(duplicate.data.errors.fields.name).toBe('class_name_taken')
    const otherId = await createClassAs(cookie, 'العاشر ب')
    const rename = asData<{ errors: { fields: Record<string, string> } }>(
      await classAction(args(formRequest(`${base}/teacher/classes/${otherId}`, [['intent', 'rename'], ['name', 'العاشر أ']], cookie), { classId: otherId })),
    )
    expect(rename.data.errors.fields.name).toBe('class_name_taken')
    expect((await prisma.classroom.findUniqueOrThrow({ where: { id: otherId } })).name).toBe('العاشر ب')

    const { classroom } = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, cookie), { classId }))
    // Codes are typed loosely: lower case, spaces and dashes are forgiven.
    const typed = `${classroom.joinCode.slice(0, 4).toLowerCase()}-${classroom.joinCode.slice(4)}`
    const joined = (await join(typed, ' نور ')) as Response
    expect(joined.headers.get('Location')).toBe('/class')
    const studentCookie = cookieFrom(joined)
    // The same post again from that device: no second learner.
    await join(classroom.joinCode, 'نور', studentCookie)
    expect(await prisma.learner.count({ where: { classroomId: classId } })).toBe(1)
    const home = await studentLoader(args(getRequest(`${base}/class`, studentCookie)))
    expect(home.home.classroom).toEqual({ name: 'العاشر أ', teacherName: 'المعلّمة هدى' })

    const wrong = asData<{ errors: { fields: Record<string, string> }; values: Record<string, string> }>(await join('ABCDEFGH', 'نور'))
    expect(wrong.data.errors.fields.code).toBe('join_code_invalid')
    expect(wrong.data.values.displayName).toBe('نور')
    expect(asData<{ errors: { fields: Record<string, string> } }>(await join('0O1lI', 'نور')).data.errors.fields.code).toBe('join_code_invalid')
    // An empty code asks for one rather than calling it wrong.
    expect(asData<{ errors: { fields: Record<string, string> } }>(await join(' - ', 'نور')).data.errors.fields.code).toBe('join_code_empty')

    await classAction(args(formRequest(`${base}/teacher/classes/${classId}`, [['intent', 'archive']], cookie), { classId }))
    const archived = asData<{ errors: { fields: Record<string, string> } }>(await join(classroom.joinCode, 'سلمى'))
    expect(archived.data.errors.fields.code).toBe('join_code_archived')

    // Remove the student: the learner, their attempts and cards go.
    const learner = await prisma.learner.findFirstOrThrow({ where: { classroomId: classId } })
    const article = await prisma.article.create({
      data: { slug: 'remove-test', titleAr: 'ت', titleEn: 't', outlet: 'o', publishedOn: '2024-01-01', language: 'ar', text: 'نص', segments: '[]', sentences: '[]' },
    })
    await prisma.attempt.create({ data: { learnerId: learner.id, articleId: article.id, score: 0, total: 0 } })
    const remove = (await classAction(
      args(formRequest(`${base}/teacher/classes/${classId}`, [['intent', 'remove-student'], ['learnerId', learner.id]], cookie), { classId }),
    )) as Response
    expect(remove.status).toBe(302)
    expect(await prisma.learner.count({ where: { id: learner.id } })).toBe(0)
    expect(await prisma.attempt.count({ where: { learnerId: learner.id } })).toBe(0)
    // Repeated: still fine.
    expect(
      ((await classAction(
        args(formRequest(`${base}/teacher/classes/${classId}`, [['intent', 'remove-student'], ['learnerId', learner.id]], cookie), { classId }),
      )) as Response).status,
    ).toBe(302)
  })
})

describe('authorisation matrix', () => {
  it("a teacher cannot see or change another teacher's class; guessed ids answer 404", async () => {
    const a = await signUp('a@example.org')
    const b = await signUp('b@example.org')
    const classId = await createClassAs(a, 'صف أ')
    const { classroom } = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, a), { classId }))
    const studentRes = (await join(classroom.joinCode, 'طالب أ')) as Response
    const studentId = (await prisma.learner.findFirstOrThrow({ where: { classroomId: classId } })).id

    for (const id of [classId, 'cguessed000000000000000000', 'x']) {
      const error = asData(await thrown(classLoader(args(getRequest(`${base}/teacher/classes/${id}`, b), { classId: id }))))
      expect(error.init?.status).toBe(404)
    }
    for (const fields of [
      [['intent', 'rename'], ['name', 'مسروق']],
      [['intent', 'archive']],
      [['intent', 'remove-student'], ['learnerId', studentId]],
    ] as [string, string][][]) {
      const error = asData(await thrown(classAction(args(formRequest(`${base}/teacher/classes/${classId}`, fields, b), { classId }))))
      expect(error.init?.status).toBe(404)
    }
    const row = await prisma.classroom.findUniqueOrThrow({ where: { id: classId } })
    expect(row).toMatchObject({ name: 'صف أ', archivedAt: null })
    expect(await prisma.learner.count({ where: { id: studentId } })).toBe(1)
    // Teacher A cannot remove a student of another class through their own class either.
    const ownOther = await createClassAs(a, 'صف آخر')
    await classAction(args(formRequest(`${base}/teacher/classes/${ownOther}`, [['intent', 'remove-student'], ['learnerId', studentId]], a), { classId: ownOther }))
    expect(await prisma.learner.count({ where: { id: studentId } })).toBe(1)
    // B's list does not show A's class.
    expect((await homeLoader(args(getRequest(`${base}/teacher`, b)))).classes).toEqual([])
    expect(studentRes.status).toBe(302)
  })

  it('a student (or nobody) opening teacher pages is sent to the sign-in page; nothing changes', async () => {
    const a = await signUp('c@example.org')
    const classId = await createClassAs(a, 'صف ج')
    const { classroom } = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, a), { classId }))
    const student = cookieFrom((await join(classroom.joinCode, 'طالب ج')) as Response)
    for (const cookie of [student, undefined]) {
      expect(redirectOf(await thrown(homeLoader(args(getRequest(`${base}/teacher`, cookie)))))).toBe(
        '/teacher/login?redirectTo=%2Fteacher',
      )
      expect(redirectOf(await thrown(classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, cookie), { classId }))))).toMatch(/^\/teacher\/login/)
      expect(redirectOf(await thrown(homeAction(args(formRequest(`${base}/teacher`, [['name', 'صف الطالب']], cookie)))))).toMatch(/^\/teacher\/login/)
      expect(
        redirectOf(await thrown(classAction(args(formRequest(`${base}/teacher/classes/${classId}`, [['intent', 'archive']], cookie), { classId })))),
      ).toMatch(/^\/teacher\/login/)
    }
    expect((await prisma.classroom.findUniqueOrThrow({ where: { id: classId } })).archivedAt).toBe(null)
  })

  it("a student cannot open another student's attempt, and /class shows only their own results", async () => {
    const a = await signUp('d@example.org')
    const classId = await createClassAs(a, 'صف د')
    const { classroom } = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, a), { classId }))
    const one = cookieFrom((await join(classroom.joinCode, 'الأول')) as Response)
    const two = cookieFrom((await join(classroom.joinCode, 'الثاني')) as Response)
    const [l1] = await prisma.learner.findMany({ where: { classroomId: classId, displayName: 'الأول' } })
    const article = await prisma.article.create({
      data: { slug: 'matrix-test', titleAr: 'مقال', titleEn: 't', outlet: 'o', publishedOn: '2024-01-01', language: 'ar', text: 'نص', segments: '[]', sentences: '[]' },
    })
    const attempt = await prisma.attempt.create({ data: { learnerId: l1!.id, articleId: article.id, score: 1, total: 2 } })
    const own = await attemptLoader(args(getRequest(`${base}/attempts/${attempt.id}`, one), { attemptId: attempt.id }))
    expect(own.result.id).toBe(attempt.id)
    const error = asData(await thrown(attemptLoader(args(getRequest(`${base}/attempts/${attempt.id}`, two), { attemptId: attempt.id }))))
    expect(error.init?.status).toBe(404)
    expect((await studentLoader(args(getRequest(`${base}/class`, one)))).home.attempts.map((x) => x.id)).toEqual([attempt.id])
    expect((await studentLoader(args(getRequest(`${base}/class`, two)))).home.attempts).toEqual([])
  })

  it("the class's teacher sees each student's results and opens them; another teacher gets 404", async () => {
    const a = await signUp('e@example.org')
    const b = await signUp('f@example.org')
    const classId = await createClassAs(a, 'صف هـ')
    const { classroom } = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, a), { classId }))
    await join(classroom.joinCode, 'سلمى')
    const [learner] = await prisma.learner.findMany({ where: { classroomId: classId } })
    const article = await prisma.article.create({
      data: { slug: 'teacher-results', titleAr: 'مقال النتائج', titleEn: 't', outlet: 'o', publishedOn: '2024-01-01', language: 'ar', text: 'نص', segments: '[]', sentences: '[]' },
    })
    const submittedAt = new Date('2026-11-30T20:30:00Z')
    const attempt = await prisma.attempt.create({ data: { learnerId: learner!.id, articleId: article.id, score: 7, total: 12, submittedAt } })
    const page = await classLoader(args(getRequest(`${base}/teacher/classes/${classId}`, a), { classId }))
    expect(page.classroom.roster[0]!.results).toEqual([
      {
        id: attempt.id,
        score: 7,
        total: 12,
        submittedAt: submittedAt.toISOString(),
        // Formatted on the server in the teacher's zone (UTC until their browser tells) and language.
        submittedLabel: formatDateTimeShortIn(submittedAt, 'UTC', 'ar'),
        articleTitle: 'مقال النتائج',
      },
    ])
    expect(page.classroom.roster[0]!.results[0]!.submittedLabel).toBe('30 نوفمبر 2026، 8:30 م UTC')
    const opened = await attemptLoader(args(getRequest(`${base}/attempts/${attempt.id}`, a), { attemptId: attempt.id }))
    expect(opened.result.score).toBe(7)
    const foreign = asData(await thrown(attemptLoader(args(getRequest(`${base}/attempts/${attempt.id}`, b), { attemptId: attempt.id }))))
    expect(foreign.init?.status).toBe(404)
  })
})

describe('demo teacher (development seed)', () => {
  it('creates the demo login and class once, and the login works', async () => {
    const { seedDemoTeacher, DEMO_TEACHER } = await import('~/models/demo.server')
    const first = await seedDemoTeacher(prisma)
    const second = await seedDemoTeacher(prisma)
    expect(second).toEqual(first)
    expect(first.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(await prisma.teacher.count({ where: { email: DEMO_TEACHER.email } })).toBe(1)
    const login = (await loginAction(
      args(formRequest(`${base}/teacher/login`, [['email', first.email], ['password', first.password]])),
    )) as Response
    expect(login.headers.get('Location')).toBe('/teacher')
  })
})

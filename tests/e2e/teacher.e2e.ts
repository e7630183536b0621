/**
 * The teacher's flow in a real browser, with a student in a second browser context: sign up (after one
 * rejected password, whose error must be announced), create a class, paste an article, review its draft
 * items (reject one, approve one, approve the rest), assign it, and watch the class page fill in as the
 * student joins and submits, then open the assignment's dashboard and download its scores as CSV. Every page is checked with axe-core and shot at 1280 and 360 px.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { checkPage, documentLang, LANGUAGES, navigate, settled, useBrowser } from './support/browser'
import { attemptScore, itemStatusCounts } from './support/db'
import { answerQuiz, attemptIdOf } from './support/quiz'

const browser = useBrowser()

/** An article the generator has not been tuned on (held out), pasted as a teacher would. */
const ARTICLE_TEXT = readFileSync('tests/fixtures/heldout/12-gaza-truce-qatar.ar.txt', 'utf8')

describe.each(LANGUAGES)('teacher flow (%s)', (lang) => {
  it('signs up, builds a class and an assignment, and sees a student’s result arrive', async () => {
    const teacher = await browser.newPage({ lang })
    const stamp = Date.now().toString(36)

    // Sign up; a too-short password first.
    await teacher.goto('/teacher/signup')
    expect(await documentLang(teacher), 'the interface language').toBe(lang)
    await checkPage(teacher, 'teacher-signup')
    await teacher.locator('input[name="displayName"]').fill('أستاذة الاختبار')
    await teacher.locator('input[name="email"]').fill(`e2e-${stamp}@example.com`)
    await teacher.locator('input[name="password"]').fill('short')
    // The form is noValidate: the browser's minlength bubble does not stop the post, the server's bilingual
    // message answers it.
    expect(await teacher.locator('form:has(input[name="password"])').getAttribute('novalidate')).toBe('')
    await teacher.locator('form:has(input[name="password"]) button[type="submit"]').click()
    await expect.poll(() => teacher.locator('[role="alert"]').count()).toBe(1)
    expect(await teacher.locator('input[name="password"]').getAttribute('aria-invalid')).toBe('true')
    await checkPage(teacher, 'teacher-signup-error')
    await teacher.locator('input[name="password"]').fill('a long enough e2e password')
    await navigate(teacher, (url) => url.pathname === '/teacher', () => teacher.locator('form:has(input[name="password"]) button[type="submit"]').click())
    await checkPage(teacher, 'teacher-home')

    // A class.
    await teacher.locator('form:has(input[name="name"]) input[name="name"]').fill(`الصف ${stamp}`)
    await navigate(teacher, /\/teacher\/classes\/[^/]+$/, () => teacher.locator('form:has(input[name="name"]) button[type="submit"]').click())
    const classPath = new URL(teacher.url()).pathname
    const joinCode = (await teacher.locator('.join-code').first().innerText()).trim()
    expect(joinCode).toMatch(/^[A-Z2-9]{8}$/)

    // An article pasted as text; the generator makes draft items.
    await teacher.goto('/teacher/articles')
    await checkPage(teacher, 'teacher-articles')
    await teacher.locator('input[name="title"]').fill(`هدنة ${stamp}`)
    await teacher.locator('textarea[name="text"]').fill(ARTICLE_TEXT)
    await navigate(teacher, /\/teacher\/articles\/[^/]+$/, () => teacher.locator('form:has(textarea[name="text"]) button[type="submit"]').click())
    const articleId = new URL(teacher.url()).pathname.split('/').pop()!
    const generated = itemStatusCounts(articleId)
    expect(generated.approved + generated.rejected).toBe(0)
    expect(generated.draft).toBeGreaterThan(3)
    await checkPage(teacher, 'teacher-article-bank')

    // Reject the first item, approve the second, then approve every remaining draft.
    const items = teacher.locator('ol.results > li')
    // Each post redirects and revalidates with the buttons disabled: settle before the next click.
    await items.nth(0).locator('form:has(input[name="intent"][value="reject"]) button').click()
    await expect.poll(() => itemStatusCounts(articleId).rejected).toBe(1)
    await settled(teacher)
    await items.nth(1).locator('form:has(input[name="intent"][value="approve"]) button').click()
    await expect.poll(() => itemStatusCounts(articleId).approved).toBe(1)
    await settled(teacher)
    await teacher.locator('form:has(input[name="intent"][value="approve-all"]) button').click()
    await expect.poll(() => itemStatusCounts(articleId)).toEqual({ draft: 0, approved: generated.draft - 1, rejected: 1 })

    // Assign it (default quiz of the approved items, test mode, one attempt).
    await teacher.goto(classPath)
    await teacher.locator('select[name="articleId"]').selectOption(articleId)
    await navigate(teacher, (url) => url.pathname === classPath && url.hash === '#assignments', () => teacher.locator('form:has(input[name="intent"][value="assign"]) button[type="submit"]').click())
    await expect.poll(() => teacher.locator('#assignments + ul > li').count()).toBe(1)
    await checkPage(teacher, 'teacher-class')

    // A student joins: the roster shows them with no result yet.
    const student = await browser.newPage({ lang })
    const name = `طالب ${stamp}`
    await student.goto('/join')
    await student.locator('input[name="code"]').fill(joinCode)
    await student.locator('input[name="displayName"]').fill(name)
    await navigate(student, '**/class', () => student.locator('form:has(input[name="code"]) button[type="submit"]').click())
    const assignmentLink = student.locator('main a[href^="/assignments/"]')
    await expect.poll(() => assignmentLink.count()).toBe(1)
    await checkPage(student, 'class-with-assignment')

    await teacher.reload()
    const rosterEntry = teacher.locator('ul.roster > li', { hasText: name })
    expect(await rosterEntry.count()).toBe(1)
    expect(await rosterEntry.locator('a[href^="/attempts/"]').count()).toBe(0)

    // The student takes the assignment.
    await navigate(student, /\/assignments\/[^/]+$/, () => assignmentLink.click())
    const assignmentId = new URL(student.url()).pathname.split('/').at(-1)!
    await checkPage(student, 'assignment')
    const answered = await answerQuiz(student, { wrong: 1 })
    await navigate(student, /\/attempts\/[^/]+$/, () => student.locator('form:has(input[name="clientToken"]) button[type="submit"]:not([name])').click())
    const attemptId = attemptIdOf(student.url())
    expect(attemptScore(attemptId)).toEqual({ score: answered.expectedScore, total: answered.total })

    // The teacher's class page now shows that result, with the score, linking to the attempt.
    await teacher.reload()
    const result = teacher.locator('ul.roster > li', { hasText: name }).locator(`a[href="/attempts/${attemptId}"]`)
    expect(await result.count()).toBe(1)
    expect(await result.innerText()).toContain(`${answered.expectedScore}/${answered.total}`)
    await checkPage(teacher, 'teacher-class-results')

    await navigate(teacher, `**/attempts/${attemptId}`, () => result.click())
    expect(await teacher.locator('.score bdi').innerText()).toBe(`${answered.expectedScore}/${answered.total}`)
    await checkPage(teacher, 'teacher-attempt')

    // The assignment's dashboard, from the class page: the student's row, the statistics, the item analysis.
    await teacher.goto(classPath)
    const dashboardLink = teacher.locator(`a[href="${classPath}/insight/${assignmentId}"]`)
    expect(await dashboardLink.count()).toBe(1)
    await navigate(teacher, `**${classPath}/insight/${assignmentId}`, () => dashboardLink.click())
    expect(await teacher.locator('main').innerText()).toContain(name)
    await checkPage(teacher, 'teacher-assignment-dashboard')

    // …and its scores as CSV, parsed back: the student's row holds the exact score.
    const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.locator('a[href*="/scores.csv"]').click()])
    const csv = readFileSync((await download.path())!)
    expect([...csv.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(csv, { bom: true }) as string[][]
    const row = rows.find((r) => r[0] === name)
    expect(row, 'the student’s row').toBeDefined()
    expect(row!.slice(1, 3).map(Number)).toEqual([answered.expectedScore, answered.total])

    // The printable quiz with its answer key, as a teacher hands it out.
    await teacher.goto(`${classPath}/assignments/${assignmentId}/print`)
    expect(await teacher.locator('.print-sheet li.print-item').count()).toBe(answered.total)
    // the answer key starts a new page when printed
    await teacher.emulateMedia({ media: 'print' })
    expect(await teacher.locator('.print-key').evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page')
    await teacher.emulateMedia({ media: 'screen' })
    await checkPage(teacher, 'teacher-print')
  })
})

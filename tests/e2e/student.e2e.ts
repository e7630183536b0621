/**
 * The student's flow in a real browser: join a class with its code (after one wrong code, whose error must
 * be announced), read an article and add its vocabulary, take its quiz (after an empty submit, whose error
 * summary must be announced and focused) with two answers wrong on purpose,
 * see the exact score, and review three cards. Every page is checked with axe-core and shot at 1280 and
 * 360 px.
 */
import { describe, expect, it } from 'vitest'
import { checkPage, documentLang, e2e, LANGUAGES, navigate, useBrowser } from './support/browser'
import { attemptScore, countCards, countReviews, learnerIdByName } from './support/db'
import { reviewCards } from './support/review'
import { answerQuiz, attemptIdOf } from './support/quiz'

const browser = useBrowser()

describe.each(LANGUAGES)('student flow (%s)', (lang) => {
  it('joins with a class code, reads, takes the quiz, sees the result and reviews cards', async () => {
    const page = await browser.newPage({ lang })
    const name = `طالبة ${Date.now().toString(36)}`

    await page.goto('/')
    expect(await documentLang(page), 'the interface language').toBe(lang)
    await checkPage(page, 'home')

    await page.goto('/join')
    await checkPage(page, 'join')

    // A wrong code: the error summary is announced (role=alert) and the field is marked invalid.
    await page.locator('input[name="code"]').fill('ZZZZZZZZ')
    await page.locator('input[name="displayName"]').fill(name)
    await page.locator('form:has(input[name="code"]) button[type="submit"]').click()
    await expect.poll(() => page.locator('[role="alert"]').count()).toBe(1)
    expect(await page.locator('input[name="code"]').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('input[name="displayName"]').inputValue(), 'the name survives the error').toBe(name)
    await checkPage(page, 'join-error')

    await page.locator('input[name="code"]').fill(e2e.demoJoinCode)
    await navigate(page, '**/class', () => page.locator('form:has(input[name="code"]) button[type="submit"]').click())
    await expect.poll(() => page.locator('h1').innerText()).toContain(name)
    await checkPage(page, 'class')
    const learnerId = learnerIdByName(name)

    // Read the first article of the list.
    await page.goto('/')
    const articleLink = page.locator('main a[href^="/articles/"]:not([href$="/quiz"])').first()
    const articlePath = await articleLink.getAttribute('href')
    expect(articlePath).toMatch(/^\/articles\/[\w-]+$/)
    await navigate(page, `**${articlePath}`, () => articleLink.click())
    await checkPage(page, 'article')

    // Add the article's vocabulary: the redirect says how many cards were made, the database agrees.
    await navigate(page, /[?&]added=\d+/, () => page.locator('#vocabulary form button[type="submit"]').click())
    const added = Number(new URL(page.url()).searchParams.get('added'))
    expect(added).toBeGreaterThan(0)
    expect(countCards(learnerId)).toBe(added)
    await expect.poll(() => page.locator('#vocabulary [role="status"]').count()).toBe(1)

    // The quiz: every key from the database except two.
    await navigate(page, `**${articlePath}/quiz`, () => page.locator(`main a[href="${articlePath}/quiz"]`).first().click())
    await checkPage(page, 'quiz')
    // An empty submit reaches the server (the form is noValidate: no browser bubble in the browser's language):
    // the bilingual error summary is announced (role=alert), takes focus, and the first question is marked invalid.
    const quizForm = page.locator('form:has(input[name="clientToken"])')
    expect(await quizForm.getAttribute('novalidate')).toBe('')
    await quizForm.locator('button[type="submit"]:not([name])').click()
    await page.locator('[role="alert"]').waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    expect(await page.locator('.question').first().getAttribute('aria-invalid')).toBe('true')
    await checkPage(page, 'quiz-errors')
    const answered = await answerQuiz(page, { wrong: 2 })
    await navigate(page, /\/attempts\/[^/]+$/, () => page.locator('form:has(input[name="clientToken"]) button[type="submit"]:not([name])').click())
    const attemptId = attemptIdOf(page.url())
    expect(attemptScore(attemptId)).toEqual({ score: answered.expectedScore, total: answered.total })
    expect(await page.locator('.score bdi').innerText()).toBe(`${answered.expectedScore}/${answered.total}`)
    expect(await page.locator('.results > li').count()).toBe(answered.total)
    expect(await page.locator('.results > li.is-incorrect').count()).toBe(2)
    await checkPage(page, 'result')
    // The two missed questions became cards as well, each reviewed with Again at submission.
    expect(countCards(learnerId)).toBe(added + 2)
    expect(countReviews(learnerId)).toBe(2)

    // Review three cards, from the result page's link.
    await navigate(page, '**/review', () => page.locator('main a[href="/review"]').first().click())
    await checkPage(page, 'review')
    await reviewCards(page, 3, { check: (label) => checkPage(page, label) })
    expect(countReviews(learnerId)).toBe(2 + 3)

    // The review statistics and settings (the long time-zone list once made a phone page 406 px wide).
    await page.goto('/review/stats')
    await checkPage(page, 'review-stats')
  })
})

/**
 * The student flow with JavaScript disabled in the browser: every step is a plain link or form post that
 * the server answers with a whole page (progressive enhancement). join → quiz → result, with the exact
 * score, plus one review (the reveal is then a GET form).
 */
import { describe, expect, it } from 'vitest'
import { checkPage, documentLang, e2e, LANGUAGES, navigate, useBrowser } from './support/browser'
import { attemptScore, countReviews, learnerIdByName } from './support/db'
import { answerQuiz, attemptIdOf } from './support/quiz'
import { reviewCards } from './support/review'

const browser = useBrowser()

describe.each(LANGUAGES)('student flow without JavaScript (%s)', (lang) => {
  it('joins, takes a quiz, sees the result and reviews a card with scripts disabled', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, lang })
    const name = `بلا سكربت ${Date.now().toString(36)}`

    await page.goto('/join')
    expect(await documentLang(page), 'the interface language').toBe(lang)
    // The time-zone field is filled only by hydration: empty proves the page's scripts did not run.
    expect(await page.locator('input[name="timeZone"]').first().inputValue()).toBe('')
    await page.locator('input[name="code"]').fill(e2e.demoJoinCode)
    await page.locator('input[name="displayName"]').fill(name)
    await navigate(page, '**/class', () => page.locator('form:has(input[name="code"]) button[type="submit"]').click())
    expect(await page.locator('h1').innerText()).toContain(name)
    const learnerId = learnerIdByName(name)

    await page.goto('/')
    const quizLink = page.locator('main a[href^="/articles/"][href$="/quiz"]').first()
    const quizPath = await quizLink.getAttribute('href')
    await navigate(page, `**${quizPath}`, () => quizLink.click())
    await checkPage(page, 'quiz-no-js')
    const answered = await answerQuiz(page, { wrong: 1 })
    await navigate(page, /\/attempts\/[^/]+$/, () => page.locator('form:has(input[name="clientToken"]) button[type="submit"]:not([name])').click())
    const attemptId = attemptIdOf(page.url())
    expect(attemptScore(attemptId)).toEqual({ score: answered.expectedScore, total: answered.total })
    expect(await page.locator('.score bdi').innerText()).toBe(`${answered.expectedScore}/${answered.total}`)
    await checkPage(page, 'result-no-js')

    const before = countReviews(learnerId)
    await page.goto('/review')
    await reviewCards(page, 1)
    expect(countReviews(learnerId)).toBe(before + 1)
  })
})

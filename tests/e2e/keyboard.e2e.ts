/**
 * Quiz and review by keyboard alone: only Tab, Space, Enter and the arrow keys move focus, choose options,
 * reveal and rate (typed answers are typed). Every element Tab reaches must show its focus (outline or
 * box-shadow in computed style). The quiz is answered with the stored keys, so the score must be full.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ANSWER_PREFIX } from '~/models/quiz-fields'
import { focusState, LANGUAGES, settled, useBrowser, type FocusState } from './support/browser'
import { attemptScore, countReviews, learnerIdByName, questionsById } from './support/db'
import { attemptIdOf, WRONG_TYPED_ANSWER } from './support/quiz'

const browser = useBrowser()

/** Upper bound on Tab presses before a target is deemed unreachable. */
const MAX_TABS = 250

/** Everything Tab reached without visible focus, described for the failure message. */
type Invisible = string[]

/**
 * Presses Tab until `isTarget` holds for the focused element, checking each stop's focus is visible.
 * @throws when the target is not reached within {@link MAX_TABS} presses.
 */
async function tabTo(
  page: Page,
  isTarget: (focus: FocusState) => boolean,
  invisible: Invisible,
  what: string,
): Promise<FocusState> {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab')
    const focus = await focusState(page)
    if (focus.tag !== 'body' && !focus.visible) invisible.push(`${page.url()} ${focus.tag}[name=${focus.name}] «${focus.text}» ${focus.style}`)
    if (isTarget(focus)) return focus
  }
  throw new Error(`Tab never reached ${what} on ${page.url()}`)
}

describe.each(LANGUAGES)('keyboard only (%s)', (lang) => {
  it('completes a quiz and reviews cards with Tab, Space, Enter and arrows, focus always visible', async () => {
    const page = await browser.newPage({ lang })
    const name = `لوحة مفاتيح ${Date.now().toString(36)}`
    const invisible: Invisible = []

    await page.goto('/')
    const quizPath = await page.locator('main a[href^="/articles/"][href$="/quiz"]').first().getAttribute('href')
    await page.goto(quizPath!)
    await settled(page)

    // Walk the quiz form from the top of the page.
    const answered = new Set<string>()
    let total = 0
    for (;;) {
      const focus = await tabTo(
        page,
        (f) =>
          f.name === 'displayName' ||
          (f.name.startsWith(ANSWER_PREFIX) && !answered.has(f.name)) ||
          (f.tag === 'button' && f.type === 'submit' && f.name === '' && f.formFields.includes('clientToken')),
        invisible,
        'the next quiz field',
      )
      if (focus.name === 'displayName') {
        await page.keyboard.type(name)
        answered.add('displayName')
        continue
      }
      if (focus.tag === 'button') break
      const id = focus.name.slice(ANSWER_PREFIX.length)
      const question = questionsById([id]).get(id)!
      total++
      answered.add(focus.name)
      if (focus.type === 'text') {
        await page.keyboard.type(question.key)
        continue
      }
      // A radio group: Space checks the focused option, ArrowDown moves to (and checks) the next one.
      await page.keyboard.press('Space')
      for (let step = 0; step <= question.options.length; step++) {
        if ((await focusState(page)).value === question.key) break
        await page.keyboard.press('ArrowDown')
      }
      const checked = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement
        return el.checked ? el.value : null
      })
      expect(checked, `question ${id} answered by arrow keys`).toBe(question.key)
    }
    await Promise.all([page.waitForURL(/\/attempts\/[^/]+$/), page.keyboard.press('Enter')])
    await settled(page)
    const attemptId = attemptIdOf(page.url())
    expect(attemptScore(attemptId)).toEqual({ score: total, total })
    const learnerId = learnerIdByName(name)

    // Review three cards. Self-rated: Tab to "show answer", Enter, Tab to Good (3), Enter.
    // Typed: the answer field has focus; type, Enter.
    await page.goto('/review')
    await settled(page)
    const before = countReviews(learnerId)
    for (let i = 0; i < 3; i++) {
      const last = new URL(page.url()).searchParams.get('last')
      const typed = (await page.locator('input[name="answer"]').count()) === 1
      if (typed) {
        const focus = await focusState(page)
        expect(focus.name, 'a typed card puts focus in its answer field').toBe('answer')
        if (!focus.visible) invisible.push(`${page.url()} input[name=answer] ${focus.style}`)
        await page.keyboard.type(WRONG_TYPED_ANSWER)
        await page.keyboard.press('Enter')
      } else {
        await tabTo(page, (f) => f.tag === 'button' && f.formFields.includes('reveal'), invisible, 'the reveal button')
        await page.keyboard.press('Enter')
        await page.locator('button[name="rating"]').first().waitFor()
        await tabTo(page, (f) => f.name === 'rating' && f.value === '3', invisible, 'the Good rating')
        await page.keyboard.press('Enter')
      }
      await page.waitForURL((url) => url.searchParams.has('last') && url.searchParams.get('last') !== last)
      await settled(page)
    }
    expect(countReviews(learnerId)).toBe(before + 3)
    expect(invisible, 'elements reached by Tab without a visible focus indicator').toEqual([])
  })
})

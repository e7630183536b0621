/**
 * Reviewing cards on /review by mouse and typing: a self-rated card is revealed and rated Good (3); a typed
 * card (production, cloze) gets {@link WRONG_TYPED_ANSWER}. Works with and without JavaScript (the reveal
 * is then a GET form).
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { WRONG_TYPED_ANSWER } from './quiz'

/**
 * Reviews `count` cards in the order the queue shows them, waiting after each for the redirect to
 * `/review?last=<review log id>`.
 * @param check called once on the first revealed answer ("review-answer") and once on the first feedback
 *   ("review-feedback"), e.g. to run the page checks there.
 * @returns the kinds of card reviewed, in order (`self` or `typed`).
 * @throws when the queue has fewer cards than `count`.
 */
export async function reviewCards(
  page: Page,
  count: number,
  { check }: { check?: (label: string) => Promise<void> } = {},
): Promise<('self' | 'typed')[]> {
  const kinds: ('self' | 'typed')[] = []
  const checked = new Set<string>()
  const once = async (label: string) => {
    if (check && !checked.has(label)) {
      checked.add(label)
      await check(label)
    }
  }
  for (let i = 0; i < count; i++) {
    const before = new URL(page.url()).searchParams.get('last')
    const reveal = page.locator('form[action="/review"][method="get"] button[type="submit"]')
    const answer = page.locator('input[name="answer"]')
    expect(await reveal.count() + (await answer.count()), `a card to review (card ${i + 1} of ${count})`).toBe(1)
    if ((await reveal.count()) === 1) {
      kinds.push('self')
      await reveal.click()
      await page.locator('button[name="rating"][value="3"]').waitFor()
      await once('review-answer')
      await page.locator('button[name="rating"][value="3"]').click()
    } else {
      kinds.push('typed')
      await answer.fill(WRONG_TYPED_ANSWER)
      await page.locator('form:has(input[name="answer"]) button[type="submit"]:not([name])').click()
    }
    await page.waitForURL((url) => url.pathname === '/review' && url.searchParams.has('last') && url.searchParams.get('last') !== before)
    await page.locator('.feedback[role="status"]').waitFor()
    await once('review-feedback')
  }
  return kinds
}

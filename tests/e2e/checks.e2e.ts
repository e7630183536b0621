/**
 * The suite's own page checks must be able to fail: on small synthetic pages axe-core reports a missing
 * label and alt text, the focus check sees a removed outline, and the overflow check sees a box wider than
 * a 360 px viewport on the scrollable side of a right-to-left page.
 */
import { describe, expect, it } from 'vitest'
import { focusState, horizontalOverflow, NARROW, runAxe, useBrowser } from './support/browser'

const browser = useBrowser()

describe('page checks', () => {
  it('axe-core reports an unlabelled field and an image without alt text', async () => {
    const page = await browser.newPage()
    await page.setContent(
      '<!doctype html><html lang="ar" dir="rtl"><head><title>t</title></head><body><main><input type="text" name="x"><img src="data:,"></main></body></html>',
    )
    const results = await runAxe(page)
    const found = Object.fromEntries(results.violations.map((v) => [v.id, v.impact]))
    expect(found).toMatchObject({ label: 'critical', 'image-alt': 'critical' })
  })

  it('focus without an outline or shadow is reported as invisible', async () => {
    const page = await browser.newPage()
    await page.setContent(
      '<style>#bare:focus{outline:none} #drawn:focus-visible{outline:3px solid #1f4e5f}</style><button id="bare">a</button><button id="drawn">b</button>',
    )
    await page.keyboard.press('Tab')
    expect(await focusState(page)).toMatchObject({ tag: 'button', text: 'a', visible: false })
    await page.keyboard.press('Tab')
    expect(await focusState(page)).toMatchObject({ tag: 'button', text: 'b', visible: true })
  })

  it('a box wider than the viewport overflows on the scrollable side only', async () => {
    const page = await browser.newPage()
    await page.setViewportSize({ width: NARROW, height: 640 })
    const parked = '<a id="parked" style="position:absolute;inset-inline-start:-999px" href="#">skip</a>'
    await page.setContent(`<html dir="rtl"><body style="margin:0">${parked}<div id="wide" style="width:500px">x</div></body></html>`)
    expect(await horizontalOverflow(page)).toEqual({ width: 500, wide: ['div#wide'] })
    await page.setContent(`<html dir="rtl"><body style="margin:0">${parked}<div style="max-width:100%">x</div></body></html>`)
    expect(await horizontalOverflow(page)).toEqual({ width: NARROW, wide: [] })
  })
})

/**
 * Browser plumbing of the end-to-end suite: Debian's Chromium through playwright-core, one browser per test
 * file, one context per simulated person, a screenshot of every open page when a test fails
 * (test-results/e2e/failures/), and page checks shared by the flows: axe-core (no serious or critical
 * violation), screenshots at 1280 and 360 CSS px with no horizontal overflow at 360 px, visible keyboard
 * focus, and the interface language switch (POST /lang, cookie `fahm_lang`).
 */
import { mkdirSync, readFileSync, appendFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { AxeResults, Result as AxeRule } from 'axe-core'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'

/** Server origin, demo join code and database file, from tests/e2e/setup/global-setup.ts. */
export const e2e = inject('e2e')

/** Root of the suite's artifacts (gitignored with the rest of test-results/). */
export const resultsDir = path.resolve('test-results/e2e')

/** The two widths every main page is shot at: a laptop, and a small phone (CSS px). */
export const WIDE = 1280
export const NARROW = 360

/** Debian's package (CHROMIUM_PATH overrides it); never a browser downloaded by Playwright. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Options for {@link BrowserSession.newPage}. */
export interface PageOptions {
  /** false: a context with JavaScript disabled (the no-JS flow). Default true. */
  javaScriptEnabled?: boolean
  /** Interface language, set through POST /lang before the first page when the route exists. */
  lang?: 'ar' | 'en'
}

/** What {@link useBrowser} hands a test file. */
export interface BrowserSession {
  /** A page in a new context (its own cookies: one student, one teacher). Closed after the test. */
  newPage(options?: PageOptions): Promise<Page>
}

/**
 * Registers this file's hooks: launch Chromium before its tests, close it after; after each test, on
 * failure, save a full-page screenshot of every page the test opened, then close the test's contexts.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined
  let open: { context: BrowserContext; page: Page }[] = []

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  })

  afterAll(async () => {
    await browser?.close()
  })

  afterEach(async (context) => {
    const opened = open
    open = []
    if (context.task.result?.state === 'fail') {
      const dir = path.join(resultsDir, 'failures')
      mkdirSync(dir, { recursive: true })
      const base = slug(`${context.task.file.name.replace(/^.*\//, '')}-${context.task.name}`)
      for (const [i, { page }] of opened.entries()) {
        const file = path.join(dir, `${base}-${i + 1}.png`)
        try {
          await page.screenshot({ path: file, fullPage: true })
          console.error(`screenshot of the failing page ${page.url()}: ${file}`)
        } catch (error) {
          console.error(`no screenshot of ${page.url()}: ${String(error)}`)
        }
      }
    }
    await Promise.all(opened.map(({ context: c }) => c.close()))
  })

  return {
    async newPage(options = {}) {
      if (!browser) throw new Error('useBrowser(): the browser is not launched yet (call newPage inside a test)')
      const contextOptions: BrowserContextOptions = {
        baseURL: e2e.baseURL,
        viewport: { width: WIDE, height: 800 },
        javaScriptEnabled: options.javaScriptEnabled ?? true,
      }
      const context = await browser.newContext(contextOptions)
      context.setDefaultTimeout(60_000)
      context.setDefaultNavigationTimeout(60_000)
      const page = await context.newPage()
      open.push({ context, page })
      if (contextOptions.javaScriptEnabled === false) scriptless.set(page, browser)
      if (options.lang && options.lang !== 'ar') {
        const switched = await setLanguage(context, options.lang)
        if (!switched) throw new Error(`POST /lang did not set the fahm_lang cookie to ${options.lang}`)
      }
      return page
    },
  }
}

/**
 * Chooses the interface language the way the language switch does: POST /lang with `lang`, which answers
 * with the `fahm_lang` cookie. The request goes through the context, so its cookie jar gets the cookie.
 * @returns true when the context now holds `fahm_lang` for that language; false when the route is missing
 *   (404/405 before the switch landed) — callers skip their English pass then.
 */
export async function setLanguage(context: BrowserContext, lang: 'ar' | 'en'): Promise<boolean> {
  const response = await context.request.post(`${e2e.baseURL}/lang`, {
    form: { lang, redirectTo: '/' },
    maxRedirects: 0,
  })
  if (response.status() === 404 || response.status() === 405) return false
  const cookie = (await context.cookies(e2e.baseURL)).find((c) => c.name === 'fahm_lang')
  return cookie !== undefined && decodeCookieValue(cookie.value) === lang
}

/** True when POST /lang exists on the server under test (the English pass runs only then). */
export async function languageSwitchExists(): Promise<boolean> {
  const response = await fetch(`${e2e.baseURL}/lang`, {
    method: 'POST',
    body: new URLSearchParams({ lang: 'ar', redirectTo: '/' }),
    redirect: 'manual',
  })
  await response.body?.cancel()
  return response.status !== 404 && response.status !== 405
}

/**
 * The interface languages the server under test offers: Arabic, plus English once POST /lang exists.
 * The flows run once per language (`describe.each`), so their screenshots land in screens/ar and screens/en.
 */
export const LANGUAGES: ('ar' | 'en')[] = (await languageSwitchExists()) ? ['ar', 'en'] : ['ar']

/**
 * Remix `createCookie` stores base64(JSON), followed by `.signature` when it has secrets; a value that is
 * not in that form is compared as it is.
 */
function decodeCookieValue(value: string): unknown {
  const raw = decodeURIComponent(value)
  try {
    return JSON.parse(Buffer.from(raw.split('.')[0]!, 'base64').toString('utf8'))
  } catch {
    return raw
  }
}

/** Pages whose context has JavaScript disabled, with the browser to open their axe mirror in. */
const scriptless = new WeakMap<Page, Browser>()

/**
 * The page axe should run in. axe.run is asynchronous and a page without JavaScript runs no timers, so a
 * scriptless page is mirrored: its DOM as it stands (scripts removed) is served at its own URL, through
 * `page.route`, to a JavaScript-enabled page that loads the same stylesheets from the server.
 */
async function axeTarget(page: Page): Promise<{ target: Page; dispose: () => Promise<void> }> {
  const browser = scriptless.get(page)
  if (!browser) return { target: page, dispose: async () => {} }
  const url = page.url()
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '')
  const context = await browser.newContext({ viewport: page.viewportSize() ?? { width: WIDE, height: 800 } })
  const mirror = await context.newPage()
  await mirror.route((u) => u.href === url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  )
  await mirror.goto(url)
  return { target: mirror, dispose: () => context.close() }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** One axe violation as the failure message lists it. */
export interface AxeFinding {
  id: string
  impact: string
  targets: string[]
  help: string
  helpUrl: string
}

/**
 * Runs axe-core on the page as it is now (all rules axe enables by default: WCAG 2.x A/AA and best
 * practices). Every violation is appended to test-results/e2e/axe.jsonl with the page's label; serious
 * and critical ones fail the test softly (the flow goes on, so one run lists every page's problems).
 * Pages without JavaScript are checked through a mirror of their DOM (see {@link axeTarget}).
 */
export async function checkAccessibility(page: Page, label: string): Promise<AxeFinding[]> {
  const { target, dispose } = await axeTarget(page)
  let results: AxeResults
  try {
    results = await runAxe(target)
  } finally {
    await dispose()
  }
  const findings: AxeFinding[] = results.violations.map((v: AxeRule) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    help: v.help,
    helpUrl: v.helpUrl,
  }))
  mkdirSync(resultsDir, { recursive: true })
  appendFileSync(
    path.join(resultsDir, 'axe.jsonl'),
    `${JSON.stringify({ label, url: page.url(), lang: await documentLang(page), findings })}\n`,
  )
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')
  expect
    .soft(
      blocking.map((f) => `${f.id} (${f.impact}) at ${f.targets.slice(0, 5).join(' | ')} — ${f.help} ${f.helpUrl}`),
      `axe-core on ${label} (${page.url()})`,
    )
    .toEqual([])
  return findings
}

/**
 * Waits until a page is done changing: for a JavaScript page, the Remix router (`window.__remixRouter`)
 * has no navigation or revalidation in flight and React has had two animation frames to commit the new
 * route (the URL changes before a transition's render lands). A scriptless page is settled once loaded.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load')
  if (scriptless.has(page)) return
  // Polled with evaluate (DevTools' callFunctionOn), not waitForFunction, which compiles its predicate in
  // the page and so depends on the page's Content-Security-Policy.
  const deadline = Date.now() + 30_000
  for (;;) {
    const idle = await page
      .evaluate(() => {
        const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } })
          .__remixRouter
        return router !== undefined && router.state.navigation.state === 'idle' && router.state.revalidation === 'idle'
      })
      .catch(() => false) // a document navigation replaced the context: ask the next document
    if (idle) break
    if (Date.now() > deadline) throw new Error(`${page.url()}: the Remix router did not become idle (did the page hydrate?)`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
}

/**
 * Does `action` (a click, a submit) and waits for the URL it leads to, then for the page to settle.
 * @param url as Playwright's `waitForURL` takes it: glob, RegExp or predicate on the URL.
 */
export async function navigate(page: Page, url: string | RegExp | ((url: URL) => boolean), action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForURL(url), action()])
  await settled(page)
}

/**
 * Injects axe-core (node_modules/axe-core/axe.min.js, once per document) and runs it on the whole
 * document with axe's default rules.
 * @returns axe's results, violations only.
 */
export async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
}

/**
 * The page's checks and artifacts at both widths: axe-core at 1280 px, a full-page screenshot at 1280 px
 * and at 360 px (test-results/e2e/screens/<lang>/<name>-<width>.png), and no horizontal overflow at 360 px
 * (`scrollWidth <= 360`; the failure names the elements that stick out). The viewport is put back to
 * 1280 px afterwards.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await settled(page)
  await checkAccessibility(page, name)
  const dir = path.join(resultsDir, 'screens', await documentLang(page))
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}-${WIDE}.png`), fullPage: true })
  await page.setViewportSize({ width: NARROW, height: 740 })
  try {
    const overflow = await horizontalOverflow(page)
    expect
      .soft(overflow.width, `${name} overflows horizontally at ${NARROW} px; widest: ${overflow.wide.join(', ')}`)
      .toBeLessThanOrEqual(NARROW)
    await page.screenshot({ path: path.join(dir, `${name}-${NARROW}.png`), fullPage: true })
  } finally {
    await page.setViewportSize({ width: WIDE, height: 800 })
  }
}

/**
 * The document's scroll width (CSS px) and up to five elements that stick out of the viewport on the
 * scrollable side (the left in a right-to-left page, the right otherwise; what sticks out on the other side
 * is clipped, like the parked skip link), for a failure message.
 */
export async function horizontalOverflow(page: Page): Promise<{ width: number; wide: string[] }> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth
    const rtl = getComputedStyle(document.documentElement).direction === 'rtl'
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && (rtl ? r.left < -0.5 : r.right > limit + 0.5)
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`)
    return { width: document.documentElement.scrollWidth, wide }
  })
}

/** The `lang` of the page's root element (`ar` or `en`), for artifact folders and reports. */
export async function documentLang(page: Page): Promise<string> {
  return (await page.evaluate(() => document.documentElement.lang)) || 'unknown'
}

/** The focused element as {@link focusState} describes it. */
export interface FocusState {
  tag: string
  type: string
  name: string
  /** The `value` of a form control ('' otherwise). */
  value: string
  /** Names of the fields of the control's form (empty outside a form). */
  formFields: string[]
  text: string
  /** Whether computed style draws a focus indicator. */
  visible: boolean
  /** The computed outline and box-shadow, for failure messages. */
  style: string
}

/**
 * Describes the focused element and whether its focus is visible: a non-`none` outline of at least 1 px,
 * or a box-shadow (the two ways app.css draws focus). Read from computed style, so a rule that removes the
 * outline without a replacement is caught.
 */
export async function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'body', type: '', name: '', value: '', formFields: [], text: '', visible: false, style: '' }
    const cs = getComputedStyle(el)
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== ''
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      name: el.getAttribute('name') ?? '',
      value: (el as HTMLInputElement).value ?? '',
      formFields: [...((el as HTMLInputElement).form?.elements ?? [])].map((f) => f.getAttribute('name') ?? '').filter(Boolean),
      text: (el.textContent ?? '').trim().slice(0, 40),
      visible: outline || shadow,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
    }
  })
}

function slug(text: string): string {
  return text.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120)
}

/** The interface language: POST /lang (validation, cookie, safe redirect) and pages rendered in both languages. */
import { describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { getLang } from '~/i18n/lang.server'
import { seedContent } from '~/models/seed.server'
import { loader as rootLoader } from '~/root'
import ArticleList, { loader as listLoader } from '~/routes/_index'
import QuizPage, { action as quizAction, loader as quizLoader } from '~/routes/articles.$slug.quiz'
import { action as langAction, loader as langLoader } from '~/routes/lang'
import { emptyLexicon, fixtureArticle, fixtureGenerated } from './fixtures/bank'
import { asData, cookieFrom, formRequest, getRequest } from './helpers/app'
import { renderPage } from './helpers/render'

await seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated() })

const sameSite = { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' }

function postLang(fields: [string, string][], headers: Record<string, string> = sameSite) {
  const request = formRequest('http://localhost/lang', fields)
  for (const [k, v] of Object.entries(headers)) request.headers.set(k, v)
  return langAction({ request, params: {}, context: {} })
}

describe('POST /lang', () => {
  it('remembers English in the fahm_lang cookie and goes back to the page', async () => {
    const res = (await postLang([['lang', 'en'], ['redirectTo', '/articles/x/quiz?s=s2']])) as Response
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/articles/x/quiz?s=s2')
    const setCookie = res.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/^fahm_lang=/)
    expect(setCookie).toMatch(/Max-Age=31536000/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    const cookie = cookieFrom(res)
    expect(await getLang(getRequest('http://localhost/', cookie))).toBe('en')
    expect((await rootLoader({ request: getRequest('http://localhost/', cookie), params: {}, context: {} })).lang).toBe('en')

    const back = (await postLang([['lang', 'ar'], ['redirectTo', '/']])) as Response
    expect(await getLang(getRequest('http://localhost/', cookieFrom(back)))).toBe('ar')
  })

  it('refuses an unknown language with 400 and a message in both languages, setting no cookie', async () => {
    for (const fields of [[['lang', 'fr']], [['lang', '']], [], [['lang', 'EN']]] as [string, string][][]) {
      const res = asData<{ message: { ar: string; en: string } }>(await postLang(fields))
      expect(res.init?.status).toBe(400)
      expect(res.data.message).toEqual({ ar: 'اختر العربية أو الإنجليزية.', en: 'Choose Arabic or English.' })
      expect(new Headers(res.init?.headers).get('Set-Cookie')).toBe(null)
    }
  })

  it('redirects only to a local path, never to another site or back to /lang', async () => {
    const cases: [string, string][] = [
      ['//evil.example/x', '/'],
      ['https://evil.example/', '/'],
      ['/\\evil.example', '/'],
      ['/lang', '/'],
      ['/review/stats', '/review/stats'],
    ]
    for (const [redirectTo, expected] of cases) {
      const res = (await postLang([['lang', 'en'], ['redirectTo', redirectTo]])) as Response
      expect(res.headers.get('Location'), redirectTo).toBe(expected)
    }
    const none = (await postLang([['lang', 'en']])) as Response
    expect(none.headers.get('Location')).toBe('/')
  })

  it('refuses a cross-site post with 403', async () => {
    let thrown: unknown
    try {
      await postLang([['lang', 'en']], { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })
    } catch (error) {
      thrown = error
    }
    expect(asData(thrown).init?.status).toBe(403)
  })

  it('a GET shows the choice and keeps a local page to return to', async () => {
    const load = (url: string) => langLoader({ request: getRequest(url), params: {}, context: {} })
    expect((await load('http://localhost/lang?redirectTo=/class')).redirectTo).toBe('/class')
    expect((await load('http://localhost/lang?redirectTo=//evil.example')).redirectTo).toBe('/')
  })
})

describe('the article list in both languages', () => {
  const route = { id: 'routes/_index', index: true, loader: listLoader, Component: ArticleList }

  it('renders Arabic by default: Arabic interface, Arabic date with Western digits, Arabic plural', async () => {
    const html = await renderPage(route, getRequest('http://localhost/'))
    expect(html).toContain('<h1>المقالات</h1>')
    // Western digits, each numeric run isolated so it never reorders inside the Arabic line.
    expect(html).toContain('<time dateTime="2023-09-13"><bdi>13</bdi> سبتمبر <bdi>2023</bdi></time>')
    // Four quiz questions: Arabic plural category "few" (3–10), the number isolated in <bdi>.
    expect(html).toContain('<bdi>4</bdi> أسئلة')
  })

  it('renders English after the switch, the content staying Arabic and marked as such', async () => {
    const res = (await postLang([['lang', 'en'], ['redirectTo', '/']])) as Response
    const html = await renderPage(route, getRequest('http://localhost/', cookieFrom(res)))
    expect(html).toContain('<h1>Articles</h1>')
    expect(html).toContain('13 September 2023')
    expect(html).toContain('4 questions</bdi></a>')
    // The Arabic title stays Arabic, with its language and direction on the element.
    expect(html).toContain(`<h2 lang="ar" dir="rtl"><a data-discover="true" href="/articles/${fixtureArticle.meta.slug}">${fixtureArticle.meta.title_ar}</a></h2>`)
    expect(html).not.toContain('المقالات')
  })
})

describe('the quiz in English', () => {
  it('announces errors in English first with the Arabic beside them, and keeps stems Arabic', async () => {
    const slug = fixtureArticle.meta.slug
    const switched = (await postLang([['lang', 'en'], ['redirectTo', '/']])) as Response
    const request = formRequest(`http://localhost/articles/${slug}/quiz`, [['clientToken', crypto.randomUUID()]], cookieFrom(switched))
    const route = { id: 'routes/quiz', path: 'articles/:slug/quiz', loader: quizLoader, action: quizAction, Component: QuizPage }
    const html = await renderPage(route, request)
    // The summary is an alert (announced when it appears) and focusable.
    expect(html).toMatch(/<div class="form-errors" role="alert" tabindex="-1" aria-labelledby="quiz-errors-heading">/)
    expect(html).toContain('Nothing was saved. Correct the following and submit again.')
    expect(html).toContain('<span lang="ar" dir="rtl" class="secondary-lang">لم يُحفظ شيء. صحّح ما يلي ثم أرسل الإجابات مرة أخرى.</span>')
    expect(html).toContain('Enter your name before submitting.')
    expect(html).toContain('<label for="displayName">Your name</label>')
    expect(html).toContain('Send the answers')
    // Each stem is Arabic content inside an English page.
    const stems = await prisma.question.findMany({ where: { article: { slug }, quizPosition: { not: null }, type: { not: 'matching' } }, select: { stem: true } })
    expect(stems.length).toBeGreaterThan(0)
    expect((html.match(/<span lang="ar" dir="rtl">/g) ?? []).length).toBeGreaterThanOrEqual(stems.length)
  })
})

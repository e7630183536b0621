/**
 * Forms validated on the server: each is rendered with `noValidate`, so the browser's own bubbles (in the
 * browser's language, not the page's) never stand in front of the server's bilingual field messages; bad
 * input posted to each form comes back as a 400 page whose field carries `aria-invalid` and points with
 * `aria-describedby` at its message in Arabic and English. The native attributes (`required`, `maxLength`,
 * `min`/`max`) stay as hints.
 */
import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/db.server'
import { langCookie } from '~/i18n/lang.server'
import { State } from '~/models/scheduler.server'
import { answerFieldName } from '~/models/quiz-fields'
import { seedContent } from '~/models/seed.server'
import ArticlePage, { action as readingAction, loader as readingLoader } from '~/routes/articles.$slug._index'
import QuizPage, { action as quizAction, loader as quizLoader } from '~/routes/articles.$slug.quiz'
import JoinPage, { action as joinAction } from '~/routes/join'
import StatsPage, { action as statsAction, loader as statsLoader } from '~/routes/review.stats'
import TeacherHome, { action as homeAction, loader as homeLoader } from '~/routes/teacher._index'
import ItemPage, { action as itemAction, loader as itemLoader } from '~/routes/teacher.articles.$articleId.items.$itemId'
import ArticlesPage, { action as articlesAction, loader as articlesLoader } from '~/routes/teacher.articles._index'
import ClassPage, { action as classAction, loader as classLoader } from '~/routes/teacher.classes.$classId'
import LoginPage, { action as loginAction, loader as loginLoader } from '~/routes/teacher.login'
import SignupPage, { action as signupAction, loader as signupLoader } from '~/routes/teacher.signup'
import { emptyLexicon, fixtureArticle, fixtureGenerated } from './fixtures/bank'
import { cookieFrom, formRequest, learnerCookie } from './helpers/app'
import { makeCard, makeLearner, vocabularyItemIds } from './helpers/review'
import { renderPage, type PageRoute } from './helpers/render'
import { loadSample } from './support/samples'

// argon2 hashing and the generator on a whole article take seconds when the machine is busy.
vi.setConfig({ testTimeout: 30_000 })

await seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated() })

const base = 'http://localhost'
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })
const slug = fixtureArticle.meta.slug
const english = (await langCookie.serialize('en')).split(';')[0]!

/** The opening tag of the element with this id. */
function tagOf(html: string, id: string): string {
  const match = new RegExp(`<(?:input|textarea|select|fieldset)\\b[^>]*\\sid="${id}"[^>]*>`).exec(html)
  expect(match, `an element #${id}`).not.toBeNull()
  return match![0]
}

/** The text of an element (tags dropped), by id. */
function textOf(html: string, id: string): string {
  const match = new RegExp(`<p\\b[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(html)
  expect(match, `an element #${id}`).not.toBeNull()
  return match![1]!.replace(/<[^>]+>/g, '')
}

/**
 * Asserts that the form holding `fieldId` is not validated by the browser, that the field is marked invalid
 * and described by `errorId`, and that `errorId` says `message` in Arabic then English (or English then
 * Arabic on an English page).
 */
function expectFieldError(html: string, fieldId: string, errorId: string, message: { ar: string; en: string }, lang: 'ar' | 'en' = 'ar') {
  const formStart = html.lastIndexOf('<form', html.indexOf(`id="${fieldId}"`))
  expect(html.slice(formStart, html.indexOf('>', formStart)), 'the form of the field').toContain('novalidate=""')
  const tag = tagOf(html, fieldId)
  expect(tag).toContain('aria-invalid="true"')
  expect(/aria-describedby="([^"]*)"/.exec(tag)?.[1]?.split(' ')).toContain(errorId)
  const text = textOf(html, errorId)
  const [first, second] = lang === 'ar' ? [message.ar, message.en] : [message.en, message.ar]
  expect(text).toBe(`⚠ ${first} ${second}`)
}

const pages = {
  join: { id: 'routes/join', path: 'join', action: joinAction, Component: JoinPage },
  signup: { id: 'routes/teacher.signup', path: 'teacher/signup', loader: signupLoader, action: signupAction, Component: SignupPage },
  login: { id: 'routes/teacher.login', path: 'teacher/login', loader: loginLoader, action: loginAction, Component: LoginPage },
  home: { id: 'routes/teacher._index', path: 'teacher', loader: homeLoader, action: homeAction, Component: TeacherHome },
  articles: { id: 'routes/teacher.articles._index', path: 'teacher/articles', loader: articlesLoader, action: articlesAction, Component: ArticlesPage },
  item: { id: 'routes/item', path: 'teacher/articles/:articleId/items/:itemId', loader: itemLoader, action: itemAction, Component: ItemPage },
  class: { id: 'routes/class', path: 'teacher/classes/:classId', loader: classLoader, action: classAction, Component: ClassPage },
  stats: { id: 'routes/review.stats', path: 'review/stats', loader: statsLoader, action: statsAction, Component: StatsPage },
  reading: { id: 'routes/reading', path: 'articles/:slug', loader: readingLoader, action: readingAction, Component: ArticlePage },
  quiz: { id: 'routes/quiz', path: 'articles/:slug/quiz', loader: quizLoader, action: quizAction, Component: QuizPage },
} satisfies Record<string, PageRoute>

const teacher = cookieFrom(
  (await signupAction(
    args(formRequest(`${base}/teacher/signup`, [['email', 'forms@example.org'], ['password', 'correct horse battery'], ['displayName', 'المعلّمة']])),
  )) as Response,
)

describe('student forms', () => {
  it('/join: an empty name gets the bilingual message, the code survives', async () => {
    const html = await renderPage(pages.join, formRequest(`${base}/join`, [['code', 'ABCD-EFGH'], ['displayName', '   ']]))
    expectFieldError(html, 'field-displayName', 'field-displayName-error', { ar: 'اكتب اسمك.', en: 'Enter your name.' })
    expect(tagOf(html, 'field-code')).toContain('value="ABCD-EFGH"')
    expect(tagOf(html, 'field-code')).toContain('required=""')
  })

  it('/join in English: a wrong code, English first', async () => {
    const html = await renderPage(pages.join, formRequest(`${base}/join`, [['code', 'ZZ'], ['displayName', 'سارة']], english))
    expectFieldError(
      html,
      'field-code',
      'field-code-error',
      { ar: 'رمز الصف غير صحيح. تأكّد منه عند معلّمك.', en: 'This class code is wrong. Check it with your teacher.' },
      'en',
    )
  })

  it('the quiz: an unanswered question is marked on its fieldset, the name field on its input', async () => {
    const html = await renderPage(pages.quiz, formRequest(`${base}/articles/${slug}/quiz`, [['clientToken', crypto.randomUUID()]]))
    expectFieldError(html, 'displayName', 'displayName-error', { ar: 'اكتب اسمك قبل الإرسال.', en: 'Enter your name before submitting.' })
    expectFieldError(html, 'q-1', 'q-1-error', { ar: 'أجب عن هذا السؤال.', en: 'Answer this question.' })
  })

  it('the quiz: a form posted again for an attempt already stored shows the latest result, not the form', async () => {
    const page = await quizLoader({ request: new Request(`${base}/articles/${slug}/quiz`), params: { slug }, context: {} })
    const answers = page.quiz.questions.map((q): [string, string] => [answerFieldName(q.id), q.options[0] ?? 'جواب'])
    const first = (await quizAction({
      request: formRequest(`${base}/articles/${slug}/quiz`, [['clientToken', crypto.randomUUID()], ['displayName', 'عودة'], ['attempt', '1'], ...answers]),
      params: { slug },
      context: {},
    })) as Response
    expect(first.status).toBe(302)
    const cookie = cookieFrom(first)
    const html = await renderPage(pages.quiz, formRequest(`${base}/articles/${slug}/quiz`, [['clientToken', crypto.randomUUID()], ['attempt', '1'], ...answers], cookie))
    expect(html).toContain('أرسلت إجاباتك عن هذا الاختبار من قبل.')
    expect(html).toContain(`href="/articles/${slug}/quiz?attempt=2"`)
    expect(html).not.toContain('name="clientToken"')
  })

  it("the article's vocabulary form: a name without a letter", async () => {
    const html = await renderPage(pages.reading, formRequest(`${base}/articles/${slug}`, [['displayName', '...']]))
    expectFieldError(html, 'displayName', 'displayName-error', { ar: 'اكتب اسمًا فيه حرف واحد على الأقل.', en: 'Enter a name with at least one letter.' })
  })

  it('review settings: an unknown time zone, the other values kept', async () => {
    const learnerId = await makeLearner({ timeZone: 'Asia/Riyadh' })
    await makeCard({ learnerId, vocabularyItemId: (await vocabularyItemIds())[0]!, state: State.New, due: new Date() })
    const html = await renderPage(
      pages.stats,
      formRequest(`${base}/review/stats`, [['timeZone', 'Mars/Olympus'], ['desiredRetentionPercent', '85'], ['newCardsPerDay', '7']], await learnerCookie(learnerId)),
    )
    expectFieldError(html, 'timeZone', 'timeZone-error', { ar: 'اختر منطقة زمنية من القائمة.', en: 'Choose a time zone from the list.' })
    expect(tagOf(html, 'desiredRetentionPercent')).toContain('value="85"')
    expect(tagOf(html, 'desiredRetentionPercent')).toContain('required=""')
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learnerId }, select: { timeZone: true } })).toEqual({ timeZone: 'Asia/Riyadh' })
  })
})

describe('teacher forms', () => {
  it('sign-up and sign-in: a malformed email', async () => {
    const message = { ar: 'اكتب عنوان بريد إلكتروني صحيحًا.', en: 'Enter a valid email address.' }
    const signup = await renderPage(
      pages.signup,
      formRequest(`${base}/teacher/signup`, [['email', 'not-an-email'], ['password', 'correct horse battery'], ['displayName', 'المعلّم']]),
    )
    expectFieldError(signup, 'field-email', 'field-email-error', message)
    const login = await renderPage(pages.login, formRequest(`${base}/teacher/login`, [['email', 'not-an-email'], ['password', 'x']]))
    expectFieldError(login, 'field-email', 'field-email-error', message)
    // Signing in saves nothing: its summary says the sign-in failed, not that nothing was saved.
    expect(login).toContain('لم يتم تسجيل الدخول. صحّح ما يلي ثم أعد المحاولة.')
    expect(login).not.toContain('لم يُحفظ شيء')
    expect(signup).toContain('لم يُحفظ شيء')
  })

  it('a new class without a name', async () => {
    const html = await renderPage(pages.home, formRequest(`${base}/teacher`, [['name', '  ']], teacher))
    expectFieldError(html, 'field-name', 'field-name-error', { ar: 'اكتب اسم الصف.', en: 'Enter the class name.' })
  })

  it('a pasted article without Arabic text, and an edited item without a stem', async () => {
    const pasted = await renderPage(pages.articles, formRequest(`${base}/teacher/articles`, [['title', 'عنوان'], ['text', 'No Arabic here.']], teacher))
    expectFieldError(pasted, 'field-text', 'field-text-error', { ar: 'النص ليس عربيًا: لا حرف عربي فيه.', en: 'The text is not Arabic: it holds no Arabic letter.' })
    expect(tagOf(pasted, 'field-text')).toContain('aria-describedby="field-text-hint field-text-error"')

    const created = (await articlesAction(
      args(formRequest(`${base}/teacher/articles`, [['title', 'بوتين وكيم'], ['text', loadSample('00-putin-kim-vostochny').text]], teacher)),
    )) as Response
    const articleId = created.headers.get('Location')!.split('/').pop()!
    const item = await prisma.question.findFirstOrThrow({ where: { articleId, type: 'mcq' }, select: { id: true, key: true, options: true } })
    const options = JSON.parse(item.options) as string[]
    const html = await renderPage(
      pages.item,
      formRequest(
        `${base}/teacher/articles/${articleId}/items/${item.id}`,
        [['stem', ''], ...options.map((o): [string, string] => ['options', o]), ['key', item.key], ['explanation', '']],
        teacher,
      ),
    )
    expectFieldError(html, 'field-stem', 'field-stem-error', { ar: 'اكتب نص السؤال.', en: 'Enter the question text.' })
  })

  it('a new assignment due in the past', async () => {
    const classId = (await homeAction(args(formRequest(`${base}/teacher`, [['name', 'الصف الأول']], teacher))) as Response).headers
      .get('Location')!
      .split('/')
      .pop()!
    const article = await prisma.article.findFirstOrThrow({ where: { slug }, select: { id: true } })
    const html = await renderPage(
      pages.class,
      formRequest(
        `${base}/teacher/classes/${classId}`,
        [['intent', 'assign'], ['articleId', article.id], ['mode', 'test'], ['attemptsAllowed', '2'], ['due', '2001-01-01T10:00']],
        teacher,
      ),
    )
    expectFieldError(html, 'field-due', 'field-due-error', { ar: 'الموعد النهائي مضى. اختر موعدًا قادمًا.', en: 'The due date is in the past. Choose a later one.' })
    expect(tagOf(html, 'field-attemptsAllowed')).toContain('value="2"')
    expect(await prisma.assignment.count({ where: { classroomId: classId } })).toBe(0)
  })
})

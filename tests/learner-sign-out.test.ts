/** "ليس أنت؟ / Not you?": POST /learner/sign-out forgets the session's learner (shared classroom computers). */
import { describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { seedContent } from '~/models/seed.server'
import { loader as quizLoader } from '~/routes/articles.$slug.quiz'
import { action as signOut } from '~/routes/learner.sign-out'
import { emptyLexicon, fixtureArticle, fixtureGenerated } from './fixtures/bank'
import { asData, cookieFrom, formRequest, getRequest, learnerCookie, thrown } from './helpers/app'

await seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated() })
const slug = fixtureArticle.meta.slug
const quizUrl = `http://localhost/articles/${slug}/quiz`

function post(fields: [string, string][], cookie?: string, headers: Record<string, string> = {}) {
  const request = formRequest('http://localhost/learner/sign-out', fields, cookie)
  for (const [k, v] of Object.entries(headers)) request.headers.set(k, v)
  return signOut({ request, params: {}, context: {} })
}

describe('learner sign-out', () => {
  it('forgets the learner and returns to the quiz, which asks for a name again', async () => {
    const learner = await prisma.learner.create({ data: { displayName: 'سارة' } })
    const cookie = await learnerCookie(learner.id)
    const signedIn = await quizLoader({ request: getRequest(quizUrl, cookie), params: { slug }, context: {} })
    expect(signedIn.quiz.learner).toEqual({ id: learner.id, displayName: 'سارة' })

    const res = (await post([['redirectTo', `/articles/${slug}/quiz`]], cookie, {
      Origin: 'http://localhost',
      'Sec-Fetch-Site': 'same-origin',
    })) as Response
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe(`/articles/${slug}/quiz`)
    const after = await quizLoader({ request: getRequest(quizUrl, cookieFrom(res)), params: { slug }, context: {} })
    expect(after.quiz.learner).toBe(null)
    // The learner's data stays.
    expect(await prisma.learner.count({ where: { id: learner.id } })).toBe(1)
  })

  it('is idempotent: without a learner it just redirects', async () => {
    const res = (await post([['redirectTo', '/']])) as Response
    expect(res.status).toBe(302)
    const again = (await post([['redirectTo', '/']], cookieFrom(res))) as Response
    expect(again.status).toBe(302)
  })

  it('accepts the public host a reverse proxy forwards', async () => {
    const res = (await post([['redirectTo', '/']], undefined, {
      Origin: 'https://school.example',
      'X-Forwarded-Host': 'school.example',
    })) as Response
    expect(res.status).toBe(302)
  })

  it('never redirects off the site', async () => {
    for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      expect(((await post([['redirectTo', target]])) as Response).headers.get('Location')).toBe('/')
    }
  })

  it('refuses a post from another site with 403', async () => {
    const learner = await prisma.learner.create({ data: { displayName: 'ليلى' } })
    const cookie = await learnerCookie(learner.id)
    const foreign: Record<string, string>[] = [{ 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'https://evil.example' }, { Origin: 'null' }]
    for (const headers of foreign) {
      const error = asData(await thrown(post([['redirectTo', '/']], cookie, headers)))
      expect(error.init?.status).toBe(403)
    }
  })
})

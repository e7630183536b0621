import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { listArticles } from '~/models/article.server'
import { withHttpErrors } from '~/utils/http.server'

export async function loader() {
  return withHttpErrors(async () => ({ articles: await listArticles() }))
}

export default function ArticleList() {
  const { articles } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>المقالات</h1>
      {articles.length === 0 ? (
        <p className="muted">
          لا مقالات بعد. شغّل <bdi dir="ltr">npm run setup</bdi> لتحميلها.
        </p>
      ) : (
        <ul className="article-list">
          {articles.map((a) => (
            <li key={a.slug} className="article-card">
              <h2>
                <Link to={`/articles/${a.slug}`}>{a.titleAr}</Link>
              </h2>
              <p lang="en" dir="ltr" className="english">
                {a.titleEn}
              </p>
              <ul className="byline">
                <li>
                  <bdi>{a.outlet}</bdi>
                </li>
                <li>
                  <time dateTime={a.publishedOn}>
                    <BidiText text={a.publishedLabel} />
                  </time>
                </li>
                <li>
                  {a.questionCount === 0 ? (
                    'لا أسئلة بعد'
                  ) : (
                    <Link to={`/articles/${a.slug}/quiz`}>
                      <BidiText text={`${a.questionCount} ${questionsWord(a.questionCount)}`} />
                    </Link>
                  )}
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** Arabic counted noun for "question(s)": 1 سؤال، 2 سؤالان، 3–10 أسئلة، 11+ سؤالًا. */
function questionsWord(n: number): string {
  if (n === 1) return 'سؤال'
  if (n === 2) return 'سؤالان'
  if (n % 100 >= 3 && n % 100 <= 10) return 'أسئلة'
  return 'سؤالًا'
}

export const meta: MetaFunction = () => [{ title: 'فهم — المقالات' }]

export const ErrorBoundary = RouteErrorBoundary

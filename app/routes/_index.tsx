import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { translator } from '~/i18n/catalogue'
import { getLang } from '~/i18n/lang.server'
import { articleMessages } from '~/i18n/messages/articles'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { listArticles } from '~/models/article.server'
import { withHttpErrors } from '~/utils/http.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLang(request)
  return withHttpErrors(async () => ({ articles: await listArticles(lang) }))
}

export default function ArticleList() {
  const { articles } = useLoaderData<typeof loader>()
  const t = useT(articleMessages)
  return (
    <>
      <h1>{t('listTitle')}</h1>
      {articles.length === 0 ? (
        <p className="muted">
          {t('noArticles')} <code dir="ltr">npm run setup</code>
        </p>
      ) : (
        <ul className="article-list">
          {articles.map((a) => (
            <li key={a.slug} className="article-card">
              <h2 lang="ar" dir="rtl">
                <Link to={`/articles/${a.slug}`}>{a.titleAr}</Link>
              </h2>
              <p lang="en" dir="ltr" className="english">
                {a.titleEn}
              </p>
              <ul className="byline" aria-label={t('byline')}>
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
                    t('noQuestionsYet')
                  ) : (
                    <Link to={`/articles/${a.slug}/quiz`}>
                      <BidiText text={t('questionCount', { n: a.questionCount })} />
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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(articleMessages, lang)('listTitle'))

export const ErrorBoundary = RouteErrorBoundary

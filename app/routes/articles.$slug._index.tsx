import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { sentenceAnchor, type Piece } from '~/models/article-layout'
import { getArticleReading } from '~/models/article.server'
import { withHttpErrors } from '~/utils/http.server'
import { SlugParamsSchema, parseParams } from '~/utils/params.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const { slug } = parseParams(SlugParamsSchema, params)
  return withHttpErrors(async () => ({ article: await getArticleReading(slug) }))
}

export default function ArticleReadingView() {
  const { article } = useLoaderData<typeof loader>()
  return (
    <article>
      <header>
        <h1>{article.titleAr}</h1>
        <p lang="en" dir="ltr" className="english">
          {article.titleEn}
        </p>
        <ul className="byline">
          <li>
            <bdi>{article.outlet}</bdi>
          </li>
          <li>
            <time dateTime={article.publishedOn}>
              <BidiText text={article.publishedLabel} />
            </time>
          </li>
        </ul>
      </header>
      <div className="article-body">
        {article.blocks.map((block, i) => {
          if (block.kind === 'caption') {
            return (
              <figure key={i} className="caption">
                <figcaption>
                  <Pieces pieces={block.pieces} />
                </figcaption>
              </figure>
            )
          }
          if (block.kind === 'credit') {
            return (
              <p key={i} className="credit">
                <small>
                  <Pieces pieces={block.pieces} />
                </small>
              </p>
            )
          }
          return (
            <p key={i}>
              <Pieces pieces={block.pieces} />
            </p>
          )
        })}
      </div>
      <p className="actions">
        {article.questionCount > 0 ? (
          <Link className="button" to={`/articles/${article.slug}/quiz`}>
            ابدأ الاختبار
          </Link>
        ) : (
          <span className="muted">لا أسئلة لهذا المقال بعد.</span>
        )}
      </p>
    </article>
  )
}

function Pieces({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((piece, i) =>
        piece.sentenceId === null ? (
          <BidiText key={i} text={piece.text} />
        ) : (
          <span key={i} id={sentenceAnchor(piece.sentenceId)} className="sentence">
            <BidiText text={piece.text} />
          </span>
        ),
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.article.titleAr} — فهم` : 'فهم' },
]

export const ErrorBoundary = RouteErrorBoundary

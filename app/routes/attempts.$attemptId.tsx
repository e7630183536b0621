import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { sentenceAnchor } from '~/models/article-layout'
import { getAttemptResult, type AttemptResultItem } from '~/models/attempt.server'
import { getLearnerId } from '~/session.server'
import { getTeacher } from '~/utils/auth.server'
import { withHttpErrors } from '~/utils/http.server'
import { AttemptParamsSchema, parseParams } from '~/utils/params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attemptId } = parseParams(AttemptParamsSchema, params)
  const learnerId = await getLearnerId(request)
  const teacher = await getTeacher(request)
  return withHttpErrors(async () => ({ result: await getAttemptResult(attemptId, learnerId, teacher?.id ?? null) }))
}

export default function AttemptResultPage() {
  const { result } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>
        نتيجة اختبار: <Link to={`/articles/${result.article.slug}`}>{result.article.titleAr}</Link>
      </h1>
      <p className="muted">
        المتعلّم: <bdi>{result.learnerName}</bdi>
      </p>
      <p className="score" aria-label={`النتيجة ${result.score} من ${result.total}`}>
        <bdi dir="ltr">{`${result.score}/${result.total}`}</bdi>
      </p>
      <ol className="results">
        {result.items.map((item, i) => (
          <ResultItem key={item.questionId} item={item} number={i + 1} slug={result.article.slug} />
        ))}
      </ol>
      <p className="actions">
        <Link className="button" to={`/articles/${result.article.slug}/quiz`}>
          أعد الاختبار
        </Link>{' '}
        <Link to="/review">راجع كلمات المقال وما أخطأت فيه</Link>
        {' · '}
        <Link to="/">كل المقالات</Link>
      </p>
    </>
  )
}

function ResultItem({ item, number, slug }: { item: AttemptResultItem; number: number; slug: string }) {
  const { evidence } = item
  return (
    <li className={`result ${item.correct ? 'is-correct' : 'is-incorrect'}`}>
      <h2>
        <span className="question-number">
          <bdi>{number}</bdi>.
        </span>{' '}
        <BidiText text={item.stem} />
      </h2>
      <p className="verdict">
        {item.correct ? (
          <>
            <span aria-hidden="true">✓ </span>إجابة صحيحة
          </>
        ) : (
          <>
            <span aria-hidden="true">✗ </span>إجابة خاطئة
          </>
        )}
      </p>
      <dl className="answers">
        <dt>إجابتك</dt>
        <dd>
          <BidiText text={item.answer} />
        </dd>
        <dt>الإجابة الصحيحة</dt>
        <dd>
          <BidiText text={item.key} />
        </dd>
      </dl>
      <p>
        <BidiText text={item.explanation} />
      </p>
      <blockquote className="evidence">
        <p>
          <BidiText text={evidence.before} />
          <mark>
            <BidiText text={evidence.evidence} />
          </mark>
          <BidiText text={evidence.after} />
        </p>
        {evidence.sentenceId ? (
          <footer>
            <Link to={`/articles/${slug}?s=${encodeURIComponent(evidence.sentenceId)}#${sentenceAnchor(evidence.sentenceId)}`}>اقرأ الموضع في المقال</Link>
          </footer>
        ) : null}
      </blockquote>
    </li>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `النتيجة ${data.result.score}/${data.result.total} — ${data.result.article.titleAr} — فهم` : 'فهم' },
]

export const ErrorBoundary = RouteErrorBoundary

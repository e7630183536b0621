import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { translator } from '~/i18n/catalogue'
import { quizMessages } from '~/i18n/messages/quiz'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { sentenceAnchor } from '~/models/article-layout'
import { getAttemptResult, type AttemptResultItem } from '~/models/attempt.server'
import { ATTEMPT_FIELD } from '~/models/quiz-fields'
import { practiceAttempts } from '~/models/quiz.server'
import { getLearnerId } from '~/session.server'
import { getTeacher } from '~/utils/auth.server'
import { withHttpErrors } from '~/utils/http.server'
import { AttemptParamsSchema, parseParams } from '~/utils/params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attemptId } = parseParams(AttemptParamsSchema, params)
  const learnerId = await getLearnerId(request)
  const teacher = await getTeacher(request)
  return withHttpErrors(async () => {
    const result = await getAttemptResult(attemptId, learnerId, teacher?.id ?? null)
    // "Take the quiz again" opens the next attempt's form directly (the bare quiz page shows the latest
    // result): the assignment's next attempt while one is left, else none; the article's practice quiz.
    const { assignment } = result
    const retakeTo = assignment
      ? assignment.attemptsUsed < assignment.attemptsAllowed
        ? `/assignments/${assignment.id}?${ATTEMPT_FIELD}=${assignment.attemptsUsed + 1}`
        : null
      : `/articles/${result.article.slug}/quiz?${ATTEMPT_FIELD}=${learnerId ? (await practiceAttempts(learnerId, result.article.slug)).count + 1 : 1}`
    return { result, retakeTo }
  })
}

export default function AttemptResultPage() {
  const { result, retakeTo } = useLoaderData<typeof loader>()
  const t = useT(quizMessages)
  return (
    <>
      <h1>
        {t('resultTitle')}{' '}
        <Link to={`/articles/${result.article.slug}`} lang="ar" dir="rtl">
          {result.article.titleAr}
        </Link>
      </h1>
      <p className="muted">
        {t('learner')} <bdi>{result.learnerName}</bdi>
      </p>
      <p className="score">
        <span className="visually-hidden">{t('scoreLabel', { score: result.score, total: result.total })}</span>
        <bdi dir="ltr" aria-hidden="true">{`${result.score}/${result.total}`}</bdi>
      </p>
      <ol className="results">
        {result.items.map((item, i) => (
          <ResultItem key={item.questionId} item={item} number={i + 1} slug={result.article.slug} />
        ))}
      </ol>
      <p className="actions">
        {retakeTo ? (
          <>
            <Link className="button" to={retakeTo}>
              {t('retake')}
            </Link>{' '}
          </>
        ) : null}
        <Link to="/review">{t('reviewMistakes')}</Link>
        {' · '}
        <Link to="/">{t('allArticles')}</Link>
      </p>
    </>
  )
}

function ResultItem({ item, number, slug }: { item: AttemptResultItem; number: number; slug: string }) {
  const { evidence } = item
  const t = useT(quizMessages)
  return (
    <li className={`result ${item.correct ? 'is-correct' : 'is-incorrect'}`}>
      <h2>
        <span className="question-number">
          <bdi>{number}</bdi>.
        </span>{' '}
        <span lang="ar" dir="rtl">
          <BidiText text={item.stem} />
        </span>
      </h2>
      <p className="verdict">
        {item.correct ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('verdictCorrect')}
          </>
        ) : (
          <>
            <span aria-hidden="true">✗ </span>
            {t('verdictIncorrect')}
          </>
        )}
      </p>
      <dl className="answers">
        <dt>{t('yourAnswer')}</dt>
        <dd lang="ar" dir="rtl">
          <BidiText text={item.answer} />
        </dd>
        <dt>{t('rightAnswer')}</dt>
        <dd lang="ar" dir="rtl">
          <BidiText text={item.key} />
        </dd>
      </dl>
      <p lang="ar" dir="rtl">
        <BidiText text={item.explanation} />
      </p>
      <blockquote className="evidence" aria-label={t('evidence')}>
        <p lang="ar" dir="rtl">
          <BidiText text={evidence.before} />
          <mark>
            <BidiText text={evidence.evidence} />
          </mark>
          <BidiText text={evidence.after} />
        </p>
        {evidence.sentenceId ? (
          <footer>
            <Link to={`/articles/${slug}?s=${encodeURIComponent(evidence.sentenceId)}#${sentenceAnchor(evidence.sentenceId)}`}>{t('readInArticle')}</Link>
          </footer>
        ) : null}
      </blockquote>
    </li>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (lang) =>
    data
      ? translator(quizMessages, lang)('resultPageTitle', { score: data.result.score, total: data.result.total, title: data.result.article.titleAr })
      : null,
  )

export const ErrorBoundary = RouteErrorBoundary

/**
 * What the quiz page shows instead of a form once the learner has submitted an attempt (issue 9: the Back
 * button must not make a second attempt): the latest result and an explicit link that starts the next
 * attempt (`?attempt=<n>`, see `ATTEMPT_FIELD`). Without it, Back after a submit reloaded a fresh form
 * and the browser put the previous answers back in, one click from a second attempt.
 */
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { quizMessages } from '~/i18n/messages/quiz'
import { useLang, useT } from '~/i18n/use-t'
import { ATTEMPT_FIELD } from '~/models/quiz-fields'
import { formatDateTimeShortIn } from '~/utils/format'

/** Props of {@link AttemptGate}. */
export interface AttemptGateProps {
  /** The article's Arabic title (the page heading). */
  titleAr: string
  /** The notice (already translated). */
  notice: string
  /** A line under the heading (the assignment's mode and attempts). */
  heading?: ReactNode
  /**
   * The latest attempt, when known: a link to its result, with its score and its submission time (ISO
   * 8601) shown in `timeZone` (IANA) when given.
   */
  last: { id: string; score?: number; total?: number; submittedAt?: string; timeZone?: string } | null
  /** The number of the attempt the start link opens. */
  next: number
  /** The start link's text (already translated). */
  startLabel: string
  /** Extra links after the start link (back to the class). */
  children?: ReactNode
}

/** The notice with the latest result and the link that starts the next attempt. */
export function AttemptGate({ titleAr, notice, heading, last, next, startLabel, children }: AttemptGateProps) {
  const t = useT(quizMessages)
  const lang = useLang()
  return (
    <section className="notice" aria-labelledby="attempt-gate">
      <h1 id="attempt-gate" lang="ar" dir="rtl">
        {titleAr}
      </h1>
      {heading}
      <p role="status">{notice}</p>
      {last && last.score !== undefined && last.total !== undefined ? (
        <p>
          {t('lastScore')} <bdi dir="ltr">{`${last.score}/${last.total}`}</bdi>
          {last.submittedAt && last.timeZone ? (
            <>
              {' · '}
              {t('submittedOn')} <bdi>{formatDateTimeShortIn(new Date(last.submittedAt), last.timeZone, lang)}</bdi>
            </>
          ) : null}
        </p>
      ) : null}
      <p className="actions">
        <Link className="button" to={`?${ATTEMPT_FIELD}=${next}`}>
          {startLabel}
        </Link>
        {last ? (
          <>
            {' '}
            <Link to={`/attempts/${last.id}`}>{t('openResult')}</Link>
          </>
        ) : null}
        {children}
      </p>
    </section>
  )
}

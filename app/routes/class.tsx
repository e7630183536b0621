/** /class — the student's page: their class's assignments (open first) and their own results. */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { RouteErrorBoundary } from '~/components/error-panel'
import { translator } from '~/i18n/catalogue'
import { getLang } from '~/i18n/lang.server'
import { commonMessages } from '~/i18n/messages/common'
import { classroomMessages } from '~/i18n/messages/classroom'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { listStudentAssignments } from '~/models/assignment.server'
import { getStudentHome } from '~/models/classroom.server'
import { requireLearner } from '~/utils/auth.server'
import { withHttpErrors } from '~/utils/http.server'

export async function loader({ request }: LoaderFunctionArgs) {
  return withHttpErrors(async () => {
    const learner = await requireLearner(request)
    const lang = await getLang(request)
    return { home: await getStudentHome(learner.id), assignments: await listStudentAssignments(learner.id, new Date(), lang) }
  })
}

export default function StudentHomePage() {
  const { home, assignments } = useLoaderData<typeof loader>()
  const t = useT(classroomMessages)
  const common = useT(commonMessages)
  return (
    <>
      <h1>
        {t('hello')} <bdi className="name">{home.learner.displayName}</bdi>
      </h1>
      {home.classroom ? (
        <p>
          {t('yourClass')} <bdi>{home.classroom.name}</bdi> — {t('teacher')} <bdi>{home.classroom.teacherName}</bdi>
        </p>
      ) : (
        <p className="muted">
          {t('notInClass')} <Link to="/join">{t('joinWithCode')}</Link>
        </p>
      )}
      {home.classroom ? (
        <>
          <h2>{t('yourAssignments')}</h2>
          {assignments.length === 0 ? (
            <p className="muted">{t('noAssignments')}</p>
          ) : (
            <ul className="class-list">
              {assignments.map((a) => (
                <li key={a.id}>
                  {a.open ? (
                    <Link to={`/assignments/${a.id}`} lang="ar" dir="rtl">
                      {a.articleTitle}
                    </Link>
                  ) : (
                    <bdi lang="ar">{a.articleTitle}</bdi>
                  )}{' '}
                  — {a.mode === 'practice' ? common('modePractice') : common('modeTest')} · {t('attempts')}{' '}
                  <bdi dir="ltr">{`${a.attemptsUsed}/${a.attemptsAllowed}`}</bdi>
                  {a.dueLabel ? (
                    <>
                      {' '}
                      · {t('due')} <bdi>{a.dueLabel}</bdi>
                    </>
                  ) : null}
                  {a.open ? '' : ` · ${t('closed')}`}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <h2>{t('yourResults')}</h2>
      {home.attempts.length === 0 ? (
        <p className="muted">
          {t('noResults')} <Link to="/">{t('pickArticle')}</Link>
        </p>
      ) : (
        <ul>
          {home.attempts.map((a) => (
            <li key={a.id}>
              <Link to={`/attempts/${a.id}`} lang="ar" dir="rtl">
                {a.articleTitle}
              </Link>{' '}
              — <bdi dir="ltr">{`${a.score}/${a.total}`}</bdi>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(classroomMessages, lang)('classTitle'))

export const ErrorBoundary = RouteErrorBoundary

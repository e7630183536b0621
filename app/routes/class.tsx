/** /class — the student's page: their class's assignments (open first) and their own results. */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { RouteErrorBoundary } from '~/components/error-panel'
import { listStudentAssignments } from '~/models/assignment.server'
import { getStudentHome } from '~/models/classroom.server'
import { requireLearner } from '~/utils/auth.server'
import { withHttpErrors } from '~/utils/http.server'

export async function loader({ request }: LoaderFunctionArgs) {
  return withHttpErrors(async () => {
    const learner = await requireLearner(request)
    return { home: await getStudentHome(learner.id), assignments: await listStudentAssignments(learner.id, new Date()) }
  })
}

export default function StudentHomePage() {
  const { home, assignments } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>
        مرحبًا <bdi className="name">{home.learner.displayName}</bdi>
      </h1>
      {home.classroom ? (
        <p>
          صفّك: <bdi>{home.classroom.name}</bdi> — المعلّم <bdi>{home.classroom.teacherName}</bdi>
        </p>
      ) : (
        <p className="muted">
          لم تنضم إلى صف بعد. <Link to="/join">انضم بالرمز</Link>
        </p>
      )}
      {home.classroom ? (
        <>
          <h2>واجباتك</h2>
          {assignments.length === 0 ? (
            <p className="muted">لا واجبات بعد.</p>
          ) : (
            <ul className="class-list">
              {assignments.map((a) => (
                <li key={a.id}>
                  {a.open ? <Link to={`/assignments/${a.id}`}>{a.articleTitle}</Link> : <bdi>{a.articleTitle}</bdi>} —{' '}
                  {a.mode === 'practice' ? 'تدريب' : 'اختبار'} · المحاولات{' '}
                  <bdi dir="ltr">{`${a.attemptsUsed}/${a.attemptsAllowed}`}</bdi>
                  {a.dueLabel ? (
                    <>
                      {' '}
                      · الموعد <bdi>{a.dueLabel}</bdi>
                    </>
                  ) : null}
                  {a.open ? '' : ' · مغلق'}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <h2>نتائجك</h2>
      {home.attempts.length === 0 ? (
        <p className="muted">
          لا نتائج بعد. <Link to="/">اختر مقالًا</Link>
        </p>
      ) : (
        <ul>
          {home.attempts.map((a) => (
            <li key={a.id}>
              <Link to={`/attempts/${a.id}`}>{a.articleTitle}</Link> — <bdi dir="ltr">{`${a.score}/${a.total}`}</bdi>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'صفّي — فهم' }]

export const ErrorBoundary = RouteErrorBoundary

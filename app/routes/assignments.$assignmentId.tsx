/** /assignments/:assignmentId — a student takes an assignment of their own class. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AttemptGate } from '~/components/attempt-gate'
import { RouteErrorBoundary } from '~/components/error-panel'
import { QuizView } from '~/components/quiz-view'
import { translator } from '~/i18n/catalogue'
import { commonMessages } from '~/i18n/messages/common'
import { quizMessages } from '~/i18n/messages/quiz'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { checkPracticeAnswers, getAssignmentQuiz, getStudentAssignment } from '~/models/assignment.server'
import { ATTEMPT_FIELD } from '~/models/quiz-fields'
import { submitQuiz } from '~/models/quiz.server'
import { requireLearner } from '~/utils/auth.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'
import { AssignmentParamsSchema, parseParams } from '~/utils/params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { assignmentId } = parseParams(AssignmentParamsSchema, params)
  return withHttpErrors(async () => {
    const learner = await requireLearner(request)
    const requested = Number(new URL(request.url).searchParams.get(ATTEMPT_FIELD))
    const { quiz, assignment } = await getAssignmentQuiz(learner, assignmentId, new Date())
    // After an attempt the page offers its result and an explicit next attempt, not a fresh form (Back).
    return { quiz, assignment, showForm: assignment.attemptsUsed === 0 || requested === quiz.attemptNumber }
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { assignmentId } = parseParams(AssignmentParamsSchema, params)
  return withHttpErrors(async () => {
    const learner = await requireLearner(request)
    const assignment = await getStudentAssignment(learner.id, assignmentId)
    const formData = await readFormData(request)
    if (formData.has('check')) {
      // Practice mode's "Check": verdicts so far, nothing stored; the answers come back into the form.
      const { feedback, answers, startedAt } = await checkPracticeAnswers(learner.id, assignmentId, formData)
      const values = { displayName: '', answers, ...(startedAt === undefined ? {} : { startedAt }) }
      return data({ errors: undefined, values, feedback: feedback ?? undefined })
    }
    const result = await submitQuiz({
      slug: assignment.article.slug,
      learnerId: learner.id,
      formData,
      now: new Date(),
      assignment: { id: assignment.id, questionIds: assignment.questionIds, attemptsAllowed: assignment.attemptsAllowed },
    })
    switch (result.status) {
      case 'invalid':
        return data({ errors: result.errors, values: result.values }, { status: 400 })
      case 'conflict':
        return data({ errors: result.errors, values: null }, { status: 409 })
      case 'stored':
      case 'duplicate':
        return redirect(`/attempts/${result.attemptId}`)
    }
  })
}

export default function AssignmentPage() {
  const { quiz, assignment, showForm } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const t = useT(quizMessages)
  const common = useT(commonMessages)
  const heading = (
    <p className="muted">
      {t('assignmentHeading', { mode: assignment.mode === 'practice' ? common('modePractice') : common('modeTest') })}{' '}
      <bdi dir="ltr">{`${assignment.attemptsUsed}/${assignment.attemptsAllowed}`}</bdi>
    </p>
  )
  // No attempt left: no form that could only be refused (the action refuses it all the same).
  if (assignment.attemptsUsed >= assignment.attemptsAllowed) {
    return (
      <section className="notice" aria-labelledby="attempts-used">
        <h1 id="attempts-used" lang="ar" dir="rtl">
          {quiz.article.titleAr}
        </h1>
        {heading}
        <p role="status">{t('attemptsUsedNotice')}</p>
        <p>
          {assignment.lastAttemptId ? (
            <>
              <Link to={`/attempts/${assignment.lastAttemptId}`}>{t('openLastResult')}</Link> ·{' '}
            </>
          ) : null}
          <Link to="/class">{t('backToClass')}</Link>
        </p>
      </section>
    )
  }
  // A form posted again for an attempt already stored (Back, a second tab) gets the same page, not the form.
  const attemptSubmitted = actionData?.errors?.form.includes('attempt_submitted') ?? false
  if ((!showForm && !actionData) || attemptSubmitted) {
    return (
      <AttemptGate
        titleAr={quiz.article.titleAr}
        heading={heading}
        notice={t('assignmentPreviousNotice')}
        last={assignment.lastAttemptId ? { id: assignment.lastAttemptId } : null}
        next={quiz.attemptNumber}
        startLabel={t('startAttempt', { n: quiz.attemptNumber, m: assignment.attemptsAllowed })}
      >
        {' · '}
        <Link to="/class">{t('backToClass')}</Link>
      </AttemptGate>
    )
  }
  return (
    <QuizView
      quiz={quiz}
      errors={actionData?.errors}
      values={actionData?.values}
      submitting={submitting}
      signOutTo="/join"
      practice={assignment.mode === 'practice'}
      feedback={actionData && 'feedback' in actionData ? actionData.feedback : undefined}
      heading={heading}
    />
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (lang) =>
    data ? translator(quizMessages, lang)('assignmentPageTitle', { title: data.quiz.article.titleAr }) : null,
  )

export const ErrorBoundary = RouteErrorBoundary

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AttemptGate } from '~/components/attempt-gate'
import { RouteErrorBoundary } from '~/components/error-panel'
import { QuizView } from '~/components/quiz-view'
import { translator } from '~/i18n/catalogue'
import { quizMessages } from '~/i18n/messages/quiz'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { ATTEMPT_FIELD } from '~/models/quiz-fields'
import { getQuiz, submitQuiz } from '~/models/quiz.server'
import { commitLearner, getLearnerId } from '~/session.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'
import { SlugParamsSchema, parseParams } from '~/utils/params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { slug } = parseParams(SlugParamsSchema, params)
  const learnerId = await getLearnerId(request)
  const requested = Number(new URL(request.url).searchParams.get(ATTEMPT_FIELD))
  return withHttpErrors(async () => {
    const quiz = await getQuiz(slug, learnerId, new Date())
    // After an attempt the page offers its result and an explicit new attempt, not a fresh form (Back).
    return { quiz, showForm: quiz.previous === null || requested === quiz.attemptNumber }
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { slug } = parseParams(SlugParamsSchema, params)
  const learnerId = await getLearnerId(request)
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    const result = await submitQuiz({ slug, learnerId, formData, now: new Date() })
    switch (result.status) {
      case 'invalid':
        return data({ errors: result.errors, values: result.values }, { status: 400 })
      case 'conflict':
        return data({ errors: result.errors, values: null }, { status: 409 })
      case 'stored':
      case 'duplicate':
        return redirect(`/attempts/${result.attemptId}`, {
          headers: { 'Set-Cookie': await commitLearner(request, result.learnerId) },
        })
    }
  })
}

export default function QuizPage() {
  const { quiz, showForm } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const t = useT(quizMessages)
  // A form posted again for an attempt already stored (Back, a second tab) gets the same page, not the form.
  const attemptSubmitted = actionData?.errors?.form.includes('attempt_submitted') ?? false
  if (quiz.previous && ((!showForm && !actionData) || attemptSubmitted)) {
    return (
      <AttemptGate
        titleAr={quiz.article.titleAr}
        notice={t('previousNotice')}
        last={quiz.previous}
        next={quiz.attemptNumber}
        startLabel={t('startNewAttempt')}
      />
    )
  }
  return <QuizView quiz={quiz} errors={actionData?.errors} values={actionData?.values} submitting={submitting} />
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (lang) => (data ? translator(quizMessages, lang)('pageTitle', { title: data.quiz.article.titleAr }) : null))

export const ErrorBoundary = RouteErrorBoundary

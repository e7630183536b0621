import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { RouteErrorBoundary } from '~/components/error-panel'
import { FormField } from '~/components/form-field'
import { TeacherFormErrors } from '~/components/teacher-form-errors'
import { translator } from '~/i18n/catalogue'
import { teacherMessages as teacherText } from '~/i18n/messages/teacher'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { LoginFormSchema, parseTeacherForm, teacherMessages, type FormErrors } from '~/models/teacher-forms'
import { clientAddress, findTeacher, verifyTeacherLogin } from '~/models/teacher.server'
import { commitTeacher, getTeacherSession } from '~/session.server'
import { safeRedirectPath } from '~/utils/csrf.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'

export async function loader({ request }: LoaderFunctionArgs) {
  if (await findTeacher(await getTeacherSession(request))) throw redirect('/teacher')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    const parsed = parseTeacherForm(LoginFormSchema, formData)
    if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
    const { email, password, redirectTo } = parsed.data
    const result = await verifyTeacherLogin({ email, password, address: clientAddress(request), now: new Date() })
    if (result.status !== 'ok') {
      const errors: FormErrors = { form: [result.status === 'rate_limited' ? 'login_rate_limited' : 'login_failed'], fields: {} }
      return data({ errors, values: { email } }, { status: result.status === 'rate_limited' ? 429 : 400 })
    }
    const target = safeRedirectPath(redirectTo ?? null, '/teacher')
    return redirect(target.startsWith('/teacher') ? target : '/teacher', {
      headers: { 'Set-Cookie': await commitTeacher(result.teacher) },
    })
  })
}

export default function TeacherLogin() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  const error = (field: string) => (errors?.fields[field] ? teacherMessages[errors.fields[field]!] : undefined)
  const t = useT(teacherText)
  return (
    <>
      <h1>{t('loginTitle')}</h1>
      <TeacherFormErrors errors={errors} order={['email', 'password']} summary={teacherMessages.sign_in_summary} />
      <Form method="post" className="stack-form" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/teacher'} />
        <FormField name="email" label={t('email')} type="email" dir="ltr" required autoComplete="email" defaultValue={actionData?.values.email ?? ''} error={error('email')} />
        <FormField name="password" label={t('password')} type="password" dir="ltr" required autoComplete="current-password" error={error('password')} />
        <p>
          <button type="submit" className="button" disabled={submitting}>
            {t('signIn')}
          </button>
        </p>
      </Form>
      <p>
        {t('noAccount')} <Link to="/teacher/signup">{t('createAccountLink')}</Link>
      </p>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(teacherText, lang)('loginTitle'))

export const ErrorBoundary = RouteErrorBoundary

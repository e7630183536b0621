import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { FormField } from '~/components/form-field'
import { TeacherFormErrors } from '~/components/teacher-form-errors'
import { TimeZoneField } from '~/components/time-zone-field'
import { translator } from '~/i18n/catalogue'
import { teacherMessages as teacherText } from '~/i18n/messages/teacher'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { PASSWORD_MIN, SignupFormSchema, parseTeacherForm, teacherMessages, type FormErrors } from '~/models/teacher-forms'
import { createTeacher, findTeacher } from '~/models/teacher.server'
import { commitTeacher, getTeacherSession } from '~/session.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'

export async function loader({ request }: LoaderFunctionArgs) {
  if (await findTeacher(await getTeacherSession(request))) throw redirect('/teacher')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    const parsed = parseTeacherForm(SignupFormSchema, formData)
    if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
    const result = await createTeacher(parsed.data)
    if (result.status === 'email_taken') {
      const { password: _p, ...values } = Object.fromEntries(
        [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
      const errors: FormErrors = { form: [], fields: { email: 'email_taken' } }
      return data({ errors, values }, { status: 400 })
    }
    return redirect('/teacher', { headers: { 'Set-Cookie': await commitTeacher(result.teacher) } })
  })
}

export default function TeacherSignup() {
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  const values = actionData?.values ?? {}
  const error = (field: string) => (errors?.fields[field] ? teacherMessages[errors.fields[field]!] : undefined)
  const t = useT(teacherText)
  return (
    <>
      <h1>{t('signupTitle')}</h1>
      <TeacherFormErrors errors={errors} order={['displayName', 'email', 'password']} />
      <Form method="post" className="stack-form" noValidate>
        <TimeZoneField />
        <FormField name="displayName" label={t('yourName')} type="text" dir="auto" required maxLength={60} autoComplete="name" defaultValue={values.displayName ?? ''} error={error('displayName')} />
        <FormField name="email" label={t('email')} type="email" dir="ltr" required autoComplete="email" defaultValue={values.email ?? ''} error={error('email')} />
        <FormField
          name="password"
          label={t('password')}
          hint={<BidiText text={t('passwordHint', { min: PASSWORD_MIN })} />}
          type="password"
          dir="ltr"
          required
          minLength={PASSWORD_MIN}
          autoComplete="new-password"
          error={error('password')}
        />
        <p>
          <button type="submit" className="button" disabled={submitting}>
            {t('createAccount')}
          </button>
        </p>
      </Form>
      <p>
        {t('haveAccount')} <Link to="/teacher/login">{t('signInLink')}</Link>
      </p>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(teacherText, lang)('signupTitle'))

export const ErrorBoundary = RouteErrorBoundary

/** /join — a student joins a class with its code and a display name (no email, no password). */
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { RouteErrorBoundary } from '~/components/error-panel'
import { FormField } from '~/components/form-field'
import { TeacherFormErrors } from '~/components/teacher-form-errors'
import { TimeZoneField } from '~/components/time-zone-field'
import { translator } from '~/i18n/catalogue'
import { classroomMessages } from '~/i18n/messages/classroom'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { joinClass } from '~/models/classroom.server'
import { DISPLAY_NAME_MAX } from '~/models/quiz-fields'
import { readTimeZoneField } from '~/models/learner.server'
import { JoinFormSchema, parseTeacherForm, teacherMessages, type FormErrors } from '~/models/teacher-forms'
import { getLearnerId, startLearnerSession } from '~/session.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'

export async function action({ request }: ActionFunctionArgs) {
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    const parsed = parseTeacherForm(JoinFormSchema, formData)
    if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
    const result = await joinClass({
      ...parsed.data,
      timeZone: readTimeZoneField(formData),
      currentLearnerId: await getLearnerId(request),
    })
    if (result.status !== 'joined') {
      const errors: FormErrors = {
        form: [],
        fields: { code: result.status === 'archived' ? 'join_code_archived' : 'join_code_invalid' },
      }
      const values = { code: String(formData.get('code') ?? ''), displayName: String(formData.get('displayName') ?? '') }
      return data({ errors, values }, { status: 400 })
    }
    return redirect('/class', { headers: { 'Set-Cookie': await startLearnerSession(result.learnerId) } })
  })
}

export default function JoinClass() {
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  const values: Record<string, string> = actionData?.values ?? {}
  const error = (field: string) => (errors?.fields[field] ? teacherMessages[errors.fields[field]!] : undefined)
  const t = useT(classroomMessages)
  return (
    <>
      <h1>{t('joinTitle')}</h1>
      <TeacherFormErrors errors={errors} order={['code', 'displayName']} />
      <Form method="post" className="stack-form" noValidate>
        <TimeZoneField />
        <FormField
          name="code"
          label={t('codeLabel')}
          hint={t('codeHint')}
          type="text"
          dir="ltr"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={values.code ?? ''}
          error={error('code')}
        />
        <FormField
          name="displayName"
          label={t('yourName')}
          type="text"
          dir="auto"
          required
          maxLength={DISPLAY_NAME_MAX}
          autoComplete="nickname"
          defaultValue={values.displayName ?? ''}
          error={error('displayName')}
        />
        <p>
          <button type="submit" className="button" disabled={submitting}>
            {t('join')}
          </button>
        </p>
      </Form>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(classroomMessages, lang)('joinTitle'))

export const ErrorBoundary = RouteErrorBoundary

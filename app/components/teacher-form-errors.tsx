/** The error summary of a teacher/class/join form, from the action's `FormErrors`. */
import type { BilingualMessage } from '~/models/errors'
import { teacherMessages, type FormErrors } from '~/models/teacher-forms'
import { FormErrorSummary } from './form-field'

/**
 * @param summary the heading: «nothing was saved» (default) for forms that save, «could not sign in» for the
 *   sign-in form, which saves nothing.
 */
export function TeacherFormErrors({
  errors,
  order,
  summary = teacherMessages.summary,
}: {
  errors: FormErrors | undefined
  order: string[]
  summary?: BilingualMessage
}) {
  if (!errors) return null
  const fields = Object.entries(errors.fields).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
  return (
    <FormErrorSummary
      summary={summary}
      lines={[
        ...fields.map(([field, code]) => ({ field, message: teacherMessages[code] })),
        ...errors.form.map((code) => ({ field: null, message: teacherMessages[code] })),
      ]}
    />
  )
}

/**
 * /teacher/assignments/:assignmentId/export/:format — an assignment's quiz as a Moodle GIFT (`gift`) or
 * Moodle XML (`moodle-xml`) file, or its article's vocabulary for Anki (`anki`). Resource route: the loader
 * answers the file as an attachment. Only the teacher of the assignment's class; anyone else 404, a visitor
 * without a teacher session is sent to the sign-in page.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getLang } from '~/i18n/lang.server'
import { EXPORT_FORMATS, exportAssignment } from '~/models/export.server'
import { requireTeacher } from '~/utils/auth.server'
import { downloadOrNotFound, fileNotFound } from '~/utils/download.server'
import { AssignmentParamsSchema } from '~/utils/params.server'

const ParamsSchema = AssignmentParamsSchema.extend({ format: z.enum(EXPORT_FORMATS) })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const parsed = ParamsSchema.safeParse(params)
  if (!parsed.success) return fileNotFound()
  const { assignmentId, format } = parsed.data
  const lang = await getLang(request)
  return downloadOrNotFound(() => exportAssignment(teacher.id, assignmentId, format, lang))
}

/**
 * /teacher/classes/:classId/insight/:assignmentId/items.csv — resource route: the assignment's
 * item analysis (one row per item) as CSV (UTF-8 with BOM), for the class's teacher only.
 * `?attempt=first|best|last` chooses the counted attempt, as on the dashboard. Another teacher gets 404; a
 * student or nobody is sent to the sign-in page.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { assignmentCsvExport } from '~/models/insight/exports.server'
import { InsightAssignmentParamsSchema } from '~/models/insight/insight-params.server'
import { requireTeacher } from '~/utils/auth.server'
import { withHttpErrors } from '~/utils/http.server'
import { parseParams } from '~/utils/params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const ids = parseParams(InsightAssignmentParamsSchema, params)
  return withHttpErrors(() => assignmentCsvExport(request, teacher.id, ids, 'items'))
}

/**
 * /teacher/classes/:classId/insight/:assignmentId/scores.csv — resource route: the assignment's
 * scores (one row per student) as CSV (UTF-8 with BOM), for the class's teacher only.
 * `?attempt=first|best|last` chooses the counted attempt, as on the dashboard. Another teacher gets 404; a
 * student or nobody is sent to the sign-in page.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLang } from '~/i18n/lang.server'
import { getAssignmentInsight } from '~/models/insight/assignment-insight.server'
import { csvResponse, scoresCsv } from '~/models/insight/exports.server'
import { InsightAssignmentParamsSchema, parseInsightView } from '~/models/insight/insight-params.server'
import { requireTeacher } from '~/utils/auth.server'
import { withHttpErrors } from '~/utils/http.server'
import { parseParams } from '~/utils/params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { classId, assignmentId } = parseParams(InsightAssignmentParamsSchema, params)
  // Every student of the class in name order: the name filter and the table's sort do not apply to exports.
  const view = { ...parseInsightView(request), sort: 'name' as const, dir: 'asc' as const, q: '' }
  return withHttpErrors(async () => {
    const insight = await getAssignmentInsight(teacher.id, classId, assignmentId, view)
    return csvResponse(scoresCsv(insight, await getLang(request)), `scores-${assignmentId}-${view.basis}.csv`)
  })
}

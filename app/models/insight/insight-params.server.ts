/** Parses the class-insight query parameters with zod; anything unknown falls back to the default view. */
import { z } from 'zod'
import { ATTEMPT_BASES, DEFAULT_BASIS, NAME_FILTER_MAX, SORT_DIRS, STUDENT_SORTS, type InsightView } from './insight-params'

const ViewSchema = z.object({
  attempt: z.enum(ATTEMPT_BASES).catch(DEFAULT_BASIS),
  sort: z.enum(STUDENT_SORTS).catch('name'),
  dir: z.enum(SORT_DIRS).catch('asc'),
  q: z
    .string()
    .catch('')
    .transform((s) => s.trim().slice(0, NAME_FILTER_MAX)),
})

/**
 * The view a request asks for: `?attempt=first|best|last&sort=name|score|attempts|time|submitted&dir=asc|desc&q=…`.
 * Never throws: a missing or unknown value gives its default (first attempt, by name, ascending, no filter).
 */
export function parseInsightView(request: Request): InsightView {
  const params = new URL(request.url).searchParams
  const v = ViewSchema.parse({
    attempt: params.get('attempt') ?? undefined,
    sort: params.get('sort') ?? undefined,
    dir: params.get('dir') ?? undefined,
    q: params.get('q') ?? undefined,
  })
  return { basis: v.attempt, sort: v.sort, dir: v.dir, q: v.q }
}

/** Route params of a class's insight pages (cuid class id). */
export const InsightClassParamsSchema = z.object({ classId: z.string().regex(/^[a-z0-9]{1,64}$/i) })

/** Route params of an assignment's insight pages and exports (cuid ids). */
export const InsightAssignmentParamsSchema = InsightClassParamsSchema.extend({
  assignmentId: z.string().regex(/^[a-z0-9]{1,64}$/i),
})

/**
 * The query parameters of the class-insight pages (client-safe, no zod in the bundle): which attempt of
 * each student the statistics use, and how the student table is sorted and filtered. Parsed on the server by
 * `insight-params.server.ts`; kept in the URL (GET forms and links) so the pages work without JavaScript.
 */

/**
 * Which of a student's attempts at an assignment counts: `first` (the default: what the student knew
 * before any feedback, the usual choice for item analysis), `best` (highest percentage, the earlier on a
 * tie) or `last` (most recent).
 */
export const ATTEMPT_BASES = ['first', 'best', 'last'] as const
export type AttemptBasis = (typeof ATTEMPT_BASES)[number]
export const DEFAULT_BASIS: AttemptBasis = 'first'

/** Columns the student table sorts by. */
export const STUDENT_SORTS = ['name', 'score', 'attempts', 'time', 'submitted'] as const
export type StudentSort = (typeof STUDENT_SORTS)[number]

/** Sort direction. */
export const SORT_DIRS = ['asc', 'desc'] as const
export type SortDir = (typeof SORT_DIRS)[number]

/** Longest name filter accepted (characters). */
export const NAME_FILTER_MAX = 60

/** The skills the generator writes items for (`SkillSchema` of the bank contract), in display order. */
export const SKILLS = ['who', 'where', 'weapon', 'when', 'how_many', 'why', 'vocabulary'] as const
export type Skill = (typeof SKILLS)[number]

/** The parsed view parameters. */
export interface InsightView {
  basis: AttemptBasis
  sort: StudentSort
  dir: SortDir
  /** Name filter (substring, case-insensitive), '' for none. */
  q: string
}

/** A URL search string for a view, leaving out defaults (so links stay short). */
export function viewSearch(view: InsightView, change: Partial<InsightView> = {}): string {
  const v = { ...view, ...change }
  const params = new URLSearchParams()
  if (v.basis !== DEFAULT_BASIS) params.set('attempt', v.basis)
  if (v.sort !== 'name') params.set('sort', v.sort)
  if (v.dir !== 'asc') params.set('dir', v.dir)
  if (v.q) params.set('q', v.q)
  const s = params.toString()
  return s ? `?${s}` : ''
}

/**
 * SQL shared by the class-insight loaders and the hot pages: choosing each student's counted attempt with
 * a window function, {@link queryRows}, and zod schemas for the rows SQLite returns (COUNT/SUM as numbers,
 * dates as text). Everything that grows with the number of responses is aggregated here, in SQLite.
 */
import { z } from 'zod'
import { sqliteReader } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import type { AttemptBasis } from './insight-params'

/**
 * ORDER BY of the window that ranks a student's attempts, by basis. Constants only (never user input), so
 * `Prisma.raw` is safe here. Ties: the earlier submit, then the id, so the choice is deterministic.
 */
const ATTEMPT_ORDER: Record<AttemptBasis, Prisma.Sql> = {
  first: Prisma.raw('a.submittedAt ASC, a.id ASC'),
  last: Prisma.raw('a.submittedAt DESC, a.id DESC'),
  best: Prisma.raw('CAST(a.score AS REAL) / MAX(a.total, 1) DESC, a.submittedAt ASC, a.id ASC'),
}

/**
 * A subquery (use as `FROM (…) sel`) of the counted attempt of each (student, assignment): columns `id`,
 * `learnerId`, `assignmentId`, `score`, `total`, `submittedAt`, `startedAt`, and `attempts` (how many
 * attempts the student made at that assignment).
 * @param scope `{ assignmentId }` for one assignment, `{ classId }` for every assignment of a class
 *   (served by the Attempt(assignmentId) index; the class's assignments by Assignment(classroomId)).
 */
export function countedAttemptsSql(scope: { assignmentId: string } | { classId: string }, basis: AttemptBasis): Prisma.Sql {
  const where =
    'assignmentId' in scope
      ? Prisma.sql`a.assignmentId = ${scope.assignmentId}`
      : Prisma.sql`a.assignmentId IN (SELECT s.id FROM Assignment s WHERE s.classroomId = ${scope.classId})`
  return Prisma.sql`
    SELECT id, learnerId, assignmentId, score, total, submittedAt, startedAt, attempts FROM (
      SELECT a.id, a.learnerId, a.assignmentId, a.score, a.total, a.submittedAt, a.startedAt,
        ROW_NUMBER() OVER (PARTITION BY a.learnerId, a.assignmentId ORDER BY ${ATTEMPT_ORDER[basis]}) AS rn,
        COUNT(*) OVER (PARTITION BY a.learnerId, a.assignmentId) AS attempts
      FROM Attempt a
      WHERE ${where}
    ) WHERE rn = 1`
}

/** A COUNT/SUM column: bigint or number from SQLite, null for SUM over no rows; as a JS number. */
export const SqlInt = z.union([z.bigint(), z.number()]).transform((v) => Number(v))
/** A nullable numeric aggregate (AVG, SUM of nullable values). */
export const SqlNumberOrNull = z.union([z.bigint(), z.number(), z.null()]).transform((v) => (v === null ? null : Number(v)))
/** A DateTime column: a Date when SQLite reports the column's type, ISO text after aggregation; or null. */
export const SqlDateOrNull = z
  .union([z.date(), z.string(), z.null()])
  .transform((v) => (v === null ? null : v instanceof Date ? v : new Date(v)))

/**
 * Runs a raw SELECT on the shared read connection (`sqliteReader()`: a prepared statement kept per SQL
 * text, the last committed state, never waiting for a write) and validates every row. DateTime columns
 * arrive as ISO 8601 text (parse them with {@link SqlDateOrNull}), integers as numbers.
 * @throws ZodError when a row does not have the expected shape (a schema change not followed here).
 * @throws SqliteError on SQL errors; TypeError when the statement is not a SELECT.
 */
export async function queryRows<T>(schema: z.ZodType<T>, query: Prisma.Sql): Promise<T[]> {
  return z.array(schema).parse(sqliteReader().all(query))
}

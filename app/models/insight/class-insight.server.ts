/**
 * A class's overview for its teacher, over every assignment of the class with each student's counted
 * attempt (first, best or last):
 *
 * - **Students**: assignments done, attempts, mean percentage of the counted attempts, mean time taken and
 *   the last submit; mean, median, sample SD and a histogram of the students' mean percentages.
 * - **Assignments**: students who did each one and their mean percentage (links to its dashboard).
 * - **Skills**: proportion correct per skill (who, where, weapon, when, how many, why, vocabulary) for the
 *   class and for each student — what to reteach.
 * - **Retention**: each student's spaced-repetition state at `now` — cards due (non-new cards due now,
 *   overdue included), reviews in the last 7 days, and true retention over the last 30 days (the share of
 *   reviews of mature cards not rated Again; mature = Review state with a scheduled interval of at least 21
 *   days, Anki's definition, as on the student's own statistics page, `review-stats.server.ts`).
 *
 * Responses, attempts, cards and review logs are aggregated in SQL (window functions and GROUP BY); only
 * per-student, per-assignment and per-(student, skill) rows reach JavaScript.
 */
import { z } from 'zod'
import { prisma } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import { NotFoundError } from '../errors'
import { MATURE_INTERVAL_DAYS } from '../review-fields'
import { State } from '../scheduler.server'
import { filterStudents, sortStudents } from './assignment-insight.server'
import { SKILLS, type AttemptBasis, type InsightView, type Skill } from './insight-params'
import { SqlDateOrNull, SqlInt, SqlNumberOrNull, countedAttemptsSql, queryRows } from './queries.server'
import { histogram, summarize, type HistogramBin, type SummaryStatistics } from './statistics'

const DAY_MS = 86_400_000
/** Window of "reviews in the last days" on the retention view. */
export const RECENT_REVIEW_DAYS = 7
/** Window of the true retention on the retention view (the student's statistics page uses the same). */
export const RETENTION_WINDOW_DAYS = 30

/** Correct answers out of answered items, for one skill. */
export interface SkillTally {
  n: number
  correct: number
  /** correct / n, or null when n = 0. */
  rate: number | null
}

export interface ClassStudentRow {
  id: string
  displayName: string
  /** Assignments with at least one attempt. */
  assignmentsDone: number
  /** Attempts over all assignments. */
  attempts: number
  /** Mean of the counted attempts' percentages (0–100), or null without attempts. */
  percent: number | null
  /** Mean time taken over counted attempts with a known start (ms), or null. */
  timeTakenMs: number | null
  /** The latest counted attempt's submit time (ISO 8601 UTC), or null. */
  submittedAt: string | null
}

export interface ClassRetentionRow {
  id: string
  displayName: string
  /** All the student's cards. */
  cards: number
  /** Non-new cards due at `now` (overdue included). */
  due: number
  /** Reviews in the last RECENT_REVIEW_DAYS days. */
  recentReviews: number
  /** Reviews of mature cards in the last RETENTION_WINDOW_DAYS days, and of those not rated Again. */
  matureReviews: number
  passed: number
  /** passed / matureReviews, or null without mature reviews. */
  trueRetention: number | null
}

export interface ClassInsight {
  classroom: { id: string; name: string }
  basis: AttemptBasis
  assignments: { id: string; articleTitle: string; students: number; meanPercent: number | null }[]
  /** Filtered by name and sorted as the view asks. */
  students: ClassStudentRow[]
  classSize: number
  /** Over the students' mean percentages (students without attempts left out). */
  summary: SummaryStatistics
  histogram: HistogramBin[]
  skills: {
    /** Skills that have at least one answered item, in SKILLS order. */
    skills: Skill[]
    class: Record<string, SkillTally>
    /** One row per student (name order), filtered by name like the student table. */
    students: { id: string; displayName: string; bySkill: Record<string, SkillTally> }[]
  }
  /** Name order, filtered by name. */
  retention: ClassRetentionRow[]
}

const StudentAggRow = z.object({
  learnerId: z.string(),
  displayName: z.string(),
  assignmentsDone: SqlInt,
  attempts: SqlNumberOrNull,
  percent: SqlNumberOrNull,
  timeTakenMs: SqlNumberOrNull,
  lastSubmitted: SqlDateOrNull,
})
const AssignmentAggRow = z.object({ assignmentId: z.string(), students: SqlInt, meanPercent: SqlNumberOrNull })
const SkillRow = z.object({ learnerId: z.string(), skill: z.string(), n: SqlInt, correct: SqlInt })
const RetentionRow = z.object({
  learnerId: z.string(),
  cards: SqlInt,
  due: SqlInt,
  recentReviews: SqlInt,
  matureReviews: SqlInt,
  matureAgain: SqlInt,
})

const tally = (n: number, correct: number): SkillTally => ({ n, correct, rate: n === 0 ? null : correct / n })

/**
 * The overview of one of the teacher's classes at `now`.
 * @param view which attempt counts, and the student table's sort, direction and name filter.
 * @param now the instant the retention figures are taken at.
 * @returns see {@link ClassInsight}; percentages 0–100, rates 0–1, times in ms, dates ISO 8601 UTC.
 * @throws NotFoundError when the class does not exist or belongs to another teacher.
 */
export async function getClassInsight(teacherId: string, classId: string, view: InsightView, now: Date): Promise<ClassInsight> {
  const classroom = await prisma.classroom.findFirst({ where: { id: classId, teacherId }, select: { id: true, name: true } })
  if (!classroom) throw new NotFoundError('Class')
  const counted = countedAttemptsSql({ classId }, view.basis)
  const recentSince = new Date(now.getTime() - RECENT_REVIEW_DAYS * DAY_MS)
  const retentionSince = new Date(now.getTime() - RETENTION_WINDOW_DAYS * DAY_MS)

  const [assignmentRows, learners, assignmentAgg, skillRows, retentionRows] =
    await Promise.all([
      prisma.assignment.findMany({
        where: { classroomId: classId },
        orderBy: { createdAt: 'desc' },
        select: { id: true, article: { select: { titleAr: true } } },
      }),
      // The roster with each student's aggregates over the counted attempts (COUNT(sel.id) is 0 without any).
      queryRows(
        StudentAggRow,
        Prisma.sql`
          SELECT l.id AS learnerId, l.displayName AS displayName,
            COUNT(sel.id) AS assignmentsDone,
            SUM(sel.attempts) AS attempts,
            AVG(sel.score * 100.0 / MAX(sel.total, 1)) AS percent,
            AVG(CASE WHEN sel.startedAt IS NOT NULL THEN (julianday(sel.submittedAt) - julianday(sel.startedAt)) * 86400000.0 END) AS timeTakenMs,
            MAX(sel.submittedAt) AS lastSubmitted
          FROM Learner l LEFT JOIN (${counted}) sel ON sel.learnerId = l.id
          WHERE l.classroomId = ${classId}
          GROUP BY l.id`,
      ),
      queryRows(
        AssignmentAggRow,
        Prisma.sql`
          SELECT assignmentId, COUNT(*) AS students, AVG(score * 100.0 / MAX(total, 1)) AS meanPercent
          FROM (${counted}) GROUP BY assignmentId`,
      ),
      queryRows(
        SkillRow,
        Prisma.sql`
          SELECT sel.learnerId AS learnerId, q.skill AS skill, COUNT(*) AS n, SUM(r.correct) AS correct
          FROM (${counted}) sel
            JOIN Response r ON r.attemptId = sel.id
            JOIN Question q ON q.id = r.questionId
          GROUP BY sel.learnerId, q.skill`,
      ),
      // Per student, counts served by Card(learnerId, due) and ReviewLog(learnerId, review).
      queryRows(
        RetentionRow,
        Prisma.sql`
          SELECT l.id AS learnerId,
            (SELECT COUNT(*) FROM Card c WHERE c.learnerId = l.id) AS cards,
            (SELECT COUNT(*) FROM Card c WHERE c.learnerId = l.id AND c.due <= ${now} AND c.state <> ${State.New}) AS due,
            (SELECT COUNT(*) FROM ReviewLog g WHERE g.learnerId = l.id AND g.review >= ${recentSince} AND g.review <= ${now}) AS recentReviews,
            (SELECT COUNT(*) FROM ReviewLog g WHERE g.learnerId = l.id AND g.review >= ${retentionSince} AND g.review <= ${now}
               AND g.state = ${State.Review} AND g.scheduledDays >= ${MATURE_INTERVAL_DAYS}) AS matureReviews,
            (SELECT COUNT(*) FROM ReviewLog g WHERE g.learnerId = l.id AND g.review >= ${retentionSince} AND g.review <= ${now}
               AND g.state = ${State.Review} AND g.scheduledDays >= ${MATURE_INTERVAL_DAYS} AND g.rating = 1) AS matureAgain
          FROM Learner l WHERE l.classroomId = ${classId}`,
      ),
    ])

  const byName = (x: { displayName: string }, y: { displayName: string }) => nameCollator.compare(x.displayName, y.displayName)
  const roster = [...learners].sort(byName)
  const shown = filterStudents(
    roster.map((r) => ({ id: r.learnerId, displayName: r.displayName })),
    view.q,
  )

  const students: ClassStudentRow[] = roster.map((r) => ({
    id: r.learnerId,
    displayName: r.displayName,
    assignmentsDone: r.assignmentsDone,
    attempts: r.attempts ?? 0,
    percent: r.percent,
    timeTakenMs: r.timeTakenMs,
    submittedAt: r.lastSubmitted?.toISOString() ?? null,
  }))
  const percents = students.flatMap((s) => (s.percent === null ? [] : [s.percent]))

  const perAssignment = new Map(assignmentAgg.map((r) => [r.assignmentId, r]))
  const assignments = assignmentRows.map((a) => ({
    id: a.id,
    articleTitle: a.article.titleAr,
    students: perAssignment.get(a.id)?.students ?? 0,
    meanPercent: perAssignment.get(a.id)?.meanPercent ?? null,
  }))

  const classTotals = new Map<string, { n: number; correct: number }>()
  const studentSkills = new Map<string, Record<string, SkillTally>>()
  for (const row of skillRows) {
    const t = classTotals.get(row.skill) ?? { n: 0, correct: 0 }
    t.n += row.n
    t.correct += row.correct
    classTotals.set(row.skill, t)
    const mine = studentSkills.get(row.learnerId) ?? {}
    mine[row.skill] = tally(row.n, row.correct)
    studentSkills.set(row.learnerId, mine)
  }
  const skills = SKILLS.filter((s) => classTotals.has(s))
  const classSkills: Record<string, SkillTally> = {}
  for (const s of skills) classSkills[s] = tally(classTotals.get(s)!.n, classTotals.get(s)!.correct)

  const retentionBy = new Map(retentionRows.map((r) => [r.learnerId, r]))
  const retention: ClassRetentionRow[] = shown.map((l) => {
    const r = retentionBy.get(l.id)
    const matureReviews = r?.matureReviews ?? 0
    const passed = matureReviews - (r?.matureAgain ?? 0)
    return {
      id: l.id,
      displayName: l.displayName,
      cards: r?.cards ?? 0,
      due: r?.due ?? 0,
      recentReviews: r?.recentReviews ?? 0,
      matureReviews,
      passed,
      trueRetention: matureReviews === 0 ? null : passed / matureReviews,
    }
  })

  return {
    classroom,
    basis: view.basis,
    assignments,
    students: sortStudents(filterStudents(students, view.q), view.sort, view.dir),
    classSize: roster.length,
    summary: summarize(percents),
    histogram: histogram(percents),
    skills: {
      skills,
      class: classSkills,
      students: shown.map((l) => ({ id: l.id, displayName: l.displayName, bySkill: studentSkills.get(l.id) ?? {} })),
    },
    retention,
  }
}

const nameCollator = new Intl.Collator('ar')

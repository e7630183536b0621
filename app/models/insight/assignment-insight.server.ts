/**
 * One assignment's dashboard and item analysis for the class's teacher: every student of the class with the
 * counted attempt's score, attempts, time taken and submit time; mean, median, sample SD and a histogram of
 * the percentages; and per item the facility index, the discrimination index (corrected point-biserial),
 * the options chosen and the flags. Definitions: `statistics.ts`. Responses are aggregated in SQL (one
 * GROUP BY per item, one per item and answer); only per-student and per-item rows reach JavaScript.
 */
import { z } from 'zod'
import { prisma } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import { StringListSchema, parseJsonColumn } from '../bank-json'
import { NotFoundError } from '../errors'
import { type AttemptBasis, type InsightView, type StudentSort } from './insight-params'
import { SqlDateOrNull, SqlInt, SqlNumberOrNull, countedAttemptsSql, queryRows } from './queries.server'
import {
  SMALL_CLASS,
  discriminationIndex,
  facilityIndex,
  flagItem,
  histogram,
  summarize,
  type HistogramBin,
  type ItemFlag,
  type ItemSums,
  type SummaryStatistics,
} from './statistics'

/** One student of the class on the dashboard. Students without an attempt have null results. */
export interface StudentResult {
  id: string
  displayName: string
  /** Attempts made at the assignment (0 when none). */
  attempts: number
  /** The counted attempt (see the basis): its id, score and total (items), or null. */
  attemptId: string | null
  score: number | null
  total: number | null
  /** score / total × 100, or null. */
  percent: number | null
  /** submittedAt − startedAt of the counted attempt in ms; null when the start is unknown. */
  timeTakenMs: number | null
  /** ISO 8601 UTC, or null. */
  submittedAt: string | null
}

/** One option of a choice item with how many counted attempts chose it. */
export interface OptionUse {
  option: string
  count: number
  isKey: boolean
}

/** One item of the assignment with its statistics over the counted attempts that answered it. */
export interface ItemAnalysis {
  id: string
  /** 1-based place in the assignment's quiz. */
  number: number
  type: string
  skill: string
  stem: string
  key: string
  /** Bank status now (draft | approved | rejected) and whether a re-seed retired it. */
  status: string
  retired: boolean
  /** Students whose counted attempt answered the item. */
  n: number
  correct: number
  /** 0–1, null when nobody answered. */
  facility: number | null
  /** Corrected point-biserial, −1…1; null without variance. */
  discrimination: number | null
  /** Every option offered, in the order shown, with its use (empty for typed answers). */
  options: OptionUse[]
  /** Typed answers that are not an offered option (short answers; a changed option's old text), most first, at most 5. */
  otherAnswers: { answer: string; count: number }[]
  flags: ItemFlag[]
}

export interface AssignmentInsight {
  classroom: { id: string; name: string }
  assignment: {
    id: string
    articleId: string
    articleTitle: string
    /** True when the article is the teacher's own (its items can be edited or rejected in the bank). */
    ownArticle: boolean
    mode: string
    attemptsAllowed: number
    /** ISO 8601 UTC, or null. */
    dueAt: string | null
  }
  basis: AttemptBasis
  /** Students of the class (the whole roster): filtered by name and sorted as the view asks. */
  students: StudentResult[]
  /** How many students the class has (before the name filter). */
  classSize: number
  /** Statistics of the counted attempts' percentages, over the whole class (the filter does not apply). */
  summary: SummaryStatistics
  histogram: HistogramBin[]
  /** True when fewer than SMALL_CLASS students have a counted attempt: the item figures are noisy. */
  smallSample: boolean
  items: ItemAnalysis[]
}

/** A student of the class with the counted attempt's columns (nulls when the student made none). */
const StudentRow = z.object({
  learnerId: z.string(),
  displayName: z.string(),
  attemptId: z.string().nullable(),
  score: SqlNumberOrNull,
  total: SqlNumberOrNull,
  submittedAt: SqlDateOrNull,
  startedAt: SqlDateOrNull,
  attempts: SqlNumberOrNull,
})

const AnswerSumsRow = z.object({
  questionId: z.string(),
  answer: z.string(),
  n: SqlInt,
  correct: SqlInt,
  sumRest: SqlInt,
  sumRest2: SqlInt,
  sumItemRest: SqlInt,
})

/**
 * Loads an assignment of one of the teacher's classes, checking ownership first.
 * @throws NotFoundError when the assignment does not exist or its class belongs to another teacher.
 */
async function requireOwnAssignment(teacherId: string, classId: string, assignmentId: string) {
  const row = await prisma.assignment.findFirst({
    where: { id: assignmentId, classroomId: classId, classroom: { teacherId } },
    select: {
      id: true,
      mode: true,
      attemptsAllowed: true,
      dueAt: true,
      questionIds: true,
      classroom: { select: { id: true, name: true } },
      article: { select: { id: true, titleAr: true, ownerId: true } },
    },
  })
  if (!row) throw new NotFoundError('Assignment')
  return row
}

/**
 * The dashboard and item analysis of one assignment.
 * @param teacherId the signed-in teacher; the class must be theirs.
 * @param view which attempt counts (`basis`), and the student table's sort, direction and name filter.
 * @returns see {@link AssignmentInsight}; percentages 0–100, times in ms, dates ISO 8601 UTC.
 * @throws NotFoundError for a missing or foreign class or assignment (both answer 404).
 */
export async function getAssignmentInsight(
  teacherId: string,
  classId: string,
  assignmentId: string,
  view: InsightView,
): Promise<AssignmentInsight> {
  const a = await requireOwnAssignment(teacherId, classId, assignmentId)
  const questionIds = parseJsonColumn(StringListSchema, a.questionIds, `Assignment ${a.id} questionIds`)
  const counted = countedAttemptsSql({ assignmentId }, view.basis)
  const [roster, answers, questions] = await Promise.all([
    // The whole roster with each student's counted attempt, in one statement.
    queryRows(
      StudentRow,
      Prisma.sql`
        SELECT l.id AS learnerId, l.displayName AS displayName, sel.id AS attemptId, sel.score AS score, sel.total AS total,
          sel.submittedAt AS submittedAt, sel.startedAt AS startedAt, sel.attempts AS attempts
        FROM Learner l LEFT JOIN (${counted}) sel ON sel.learnerId = l.id
        WHERE l.classroomId = ${classId}`,
    ),
    queryRows(AnswerSumsRow, answerSumsSql(counted)),
    prisma.question.findMany({
      where: { id: { in: questionIds } },
      select: { id: true, type: true, skill: true, stem: true, key: true, options: true, status: true, retired: true },
    }),
  ])

  const all: StudentResult[] = roster.map((r) => {
    const counts = r.attemptId !== null && r.score !== null && r.total !== null
    return {
      id: r.learnerId,
      displayName: r.displayName,
      attempts: r.attempts ?? 0,
      attemptId: r.attemptId,
      score: counts ? r.score : null,
      total: counts ? r.total : null,
      percent: counts ? (r.score! / Math.max(1, r.total!)) * 100 : null,
      timeTakenMs: r.startedAt && r.submittedAt ? r.submittedAt.getTime() - r.startedAt.getTime() : null,
      submittedAt: r.submittedAt?.toISOString() ?? null,
    }
  })
  const percents = all.flatMap((s) => (s.percent === null ? [] : [s.percent]))

  // Per item: the sums over its answers (a few rows each), and the answers with their counts.
  const sumsById = new Map<string, ItemSums>()
  const answersById = new Map<string, { answer: string; n: number }[]>()
  for (const row of answers) {
    const s = sumsById.get(row.questionId) ?? { n: 0, correct: 0, sumRest: 0, sumRest2: 0, sumItemRest: 0 }
    s.n += row.n
    s.correct += row.correct
    s.sumRest += row.sumRest
    s.sumRest2 += row.sumRest2
    s.sumItemRest += row.sumItemRest
    sumsById.set(row.questionId, s)
    const list = answersById.get(row.questionId) ?? []
    list.push({ answer: row.answer, n: row.n })
    answersById.set(row.questionId, list)
  }
  const questionById = new Map(questions.map((q) => [q.id, q]))
  const items: ItemAnalysis[] = questionIds.flatMap((id, i) => {
    const q = questionById.get(id)
    if (!q) return []
    const s = sumsById.get(id) ?? { n: 0, correct: 0, sumRest: 0, sumRest2: 0, sumItemRest: 0 }
    const offered = q.type === 'short_answer' ? [] : parseJsonColumn(StringListSchema, q.options, `Question ${id} options`)
    const chosen = answersById.get(id) ?? []
    const countOf = new Map(chosen.map((c) => [c.answer, c.n]))
    const options = offered.map((option) => ({ option, count: countOf.get(option) ?? 0, isKey: option === q.key }))
    const otherAnswers = chosen
      .filter((c) => !offered.includes(c.answer))
      .sort((x, y) => y.n - x.n || x.answer.localeCompare(y.answer))
      .slice(0, 5)
      .map((c) => ({ answer: c.answer, count: c.n }))
    const facility = facilityIndex(s)
    const discrimination = discriminationIndex(s)
    return [
      {
        id,
        number: i + 1,
        type: q.type,
        skill: q.skill,
        stem: q.stem,
        key: q.key,
        status: q.status,
        retired: q.retired,
        n: s.n,
        correct: s.correct,
        facility,
        discrimination,
        options,
        otherAnswers,
        // Nobody answered yet: no flags (an unused distractor means nothing before anyone chose).
        flags: s.n === 0 ? [] : flagItem({ facility, discrimination, distractors: options.filter((o) => !o.isKey) }),
      },
    ]
  })

  return {
    classroom: a.classroom,
    assignment: {
      id: a.id,
      articleId: a.article.id,
      articleTitle: a.article.titleAr,
      ownArticle: a.article.ownerId === teacherId,
      mode: a.mode,
      attemptsAllowed: a.attemptsAllowed,
      dueAt: a.dueAt?.toISOString() ?? null,
    },
    basis: view.basis,
    students: sortStudents(filterStudents(all, view.q), view.sort, view.dir),
    classSize: all.length,
    summary: summarize(percents),
    histogram: histogram(percents),
    smallSample: percents.length < SMALL_CLASS,
    items,
  }
}

/**
 * One pass over the counted attempts' responses, grouped by item and answer text: how many gave that answer
 * (distractor analysis) and, for the discrimination index, Σx, ΣR, ΣR², ΣxR with x the 0/1 item score and R
 * the rest score (attempt score − x); summed per item in JavaScript over a few rows per item. The responses
 * are reached through Response's (attemptId, questionId) unique index from the counted attempts.
 */
function answerSumsSql(counted: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT r.questionId AS questionId,
      r.answer AS answer,
      COUNT(*) AS n,
      SUM(r.correct) AS correct,
      SUM(sel.score - r.correct) AS sumRest,
      SUM((sel.score - r.correct) * (sel.score - r.correct)) AS sumRest2,
      SUM(r.correct * (sel.score - r.correct)) AS sumItemRest
    FROM (${counted}) sel JOIN Response r ON r.attemptId = sel.id
    GROUP BY r.questionId, r.answer`
}

/**
 * Students whose display name contains `q` (case-insensitive, locale-independent lower-casing); all when
 * `q` is empty.
 */
export function filterStudents<T extends { displayName: string }>(students: T[], q: string): T[] {
  if (!q) return students
  const needle = q.toLowerCase()
  return students.filter((s) => s.displayName.toLowerCase().includes(needle))
}

const nameCollator = new Intl.Collator('ar')

/**
 * Sorts students by a column; students without a value (no attempt, unknown time) come last in both
 * directions; ties by name.
 */
export function sortStudents<
  T extends { displayName: string; percent: number | null; attempts: number; timeTakenMs: number | null; submittedAt: string | null },
>(students: T[], sort: StudentSort, dir: 'asc' | 'desc'): T[] {
  const value = (s: T): number | string | null =>
    sort === 'name'
      ? s.displayName
      : sort === 'score'
        ? s.percent
        : sort === 'attempts'
          ? s.attempts
          : sort === 'time'
            ? s.timeTakenMs
            : s.submittedAt === null
              ? null
              : Date.parse(s.submittedAt)
  const sign = dir === 'asc' ? 1 : -1
  return [...students].sort((x, y) => {
    const a = value(x)
    const b = value(y)
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1
    } else if (a !== b) {
      const c = typeof a === 'string' || typeof b === 'string' ? nameCollator.compare(String(a), String(b)) : a - b
      if (c !== 0) return sign * c
    }
    return nameCollator.compare(x.displayName, y.displayName)
  })
}

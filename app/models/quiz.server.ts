/** Quizzes: the questions shown to a learner, and storing a submitted attempt. */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { prisma } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import { StringListSchema, parseJsonColumn } from './bank-json'
import { activeQuizQuestion, activeQuizQuestionSql } from './article.server'
import { createVocabularyCards, recordMissedQuestions } from './card.server'
import { NotFoundError } from './errors'
import { SqlDateOrNull, SqlInt, queryRows } from './insight/queries.server'
import { FALLBACK_TIME_ZONE } from './learner-day'
import { adoptTimeZone, findLearner, readTimeZoneField, type LearnerSummary } from './learner.server'
import { ATTEMPT_FIELD } from './quiz-fields'
import { parseQuizForm, parseStartedAt, readQuizForm, type QuizFormErrors, type QuizFormValues } from './quiz-form'
import { scoreAnswers } from './scoring'

/** A question as the quiz page shows it: never its key or accepted forms. */
export interface QuizQuestion {
  id: string
  type: string
  stem: string
  options: string[]
}

export interface Quiz {
  article: { slug: string; titleAr: string }
  questions: QuizQuestion[]
  /** The signed-in learner, or null when the form must ask for a display name. */
  learner: LearnerSummary | null
  /** A fresh UUID for the form, so a double submit stores one attempt. */
  clientToken: string
  /** When the form was rendered (ISO 8601 UTC), posted back as `startedAt` for the time taken. */
  startedAt: string
  /**
   * The number of the attempt this form makes (1 for a first attempt or a learner without a session),
   * posted back in `ATTEMPT_FIELD`: a form shown again by the Back button after its attempt was stored is
   * refused instead of storing another attempt.
   */
  attemptNumber: number
  /**
   * The learner's latest practice attempt at this quiz (the page offers its result before a new form),
   * with the learner's time zone (UTC when the browser never sent one) to show its time in.
   */
  previous: { id: string; score: number; total: number; submittedAt: string; timeZone: string } | null
}

/**
 * The quiz of an article for a learner.
 * @param slug the article's slug.
 * @param learnerId the session's learner id, or null.
 * @param now when the form is shown (its `startedAt`).
 * @throws NotFoundError when no shared (sample) article has this slug.
 */
export async function getQuiz(slug: string, learnerId: string | null, now: Date): Promise<Quiz> {
  // One statement for the article and its quiz questions (the page's hot path; see activeQuizQuestionSql).
  // A teacher's own article is quizzed only through its assignments (attempts allowed, mode).
  const [rows, learner, practice] = await Promise.all([
    queryRows(
      QuizRow,
      Prisma.sql`SELECT a."slug", a."titleAr", q."id", q."type", q."stem", q."options"
        FROM "Article" a LEFT JOIN "Question" q ON q."articleId" = a."id" AND ${activeQuizQuestionSql('q')}
       WHERE a."slug" = ${slug} AND a."ownerId" IS NULL
       ORDER BY q."quizPosition" ASC`,
    ),
    findLearner(learnerId),
    learnerId === null ? null : practiceAttempts(learnerId, slug),
  ])
  const article = rows[0]
  if (!article) throw new NotFoundError('Article')
  return {
    article: { slug: article.slug, titleAr: article.titleAr },
    questions: rows.flatMap((q) =>
      q.id === null
        ? []
        : [{ id: q.id, type: q.type!, stem: q.stem!, options: parseJsonColumn(StringListSchema, q.options!, `Question ${q.id} options`) }],
    ),
    learner,
    clientToken: randomUUID(),
    startedAt: now.toISOString(),
    attemptNumber: (learner ? (practice?.count ?? 0) : 0) + 1,
    previous: learner ? (practice?.last ?? null) : null,
  }
}

const PracticeRow = z.object({
  count: SqlInt,
  id: z.string().nullable(),
  score: SqlInt.nullable(),
  total: SqlInt.nullable(),
  submittedAt: SqlDateOrNull,
  timeZone: z.string().nullable(),
})

/**
 * A learner's practice attempts (not an assignment's) at an article's quiz: how many, and the latest.
 * @returns `count` and `last` (null when there is none).
 */
export async function practiceAttempts(
  learnerId: string,
  slug: string,
): Promise<{ count: number; last: { id: string; score: number; total: number; submittedAt: string; timeZone: string } | null }> {
  const [row] = await queryRows(
    PracticeRow,
    Prisma.sql`SELECT COUNT(*) AS count, a."id", a."score", a."total", MAX(a."submittedAt") AS submittedAt,
           (SELECT l."timeZone" FROM "Learner" l WHERE l."id" = ${learnerId}) AS timeZone
      FROM "Attempt" a JOIN "Article" ar ON ar."id" = a."articleId"
     WHERE a."learnerId" = ${learnerId} AND ar."slug" = ${slug} AND a."assignmentId" IS NULL`,
  )
  // SQLite takes the bare columns of an aggregate query from the row that holds the MAX (its documented
  // "bare columns in an aggregate query" rule), so id, score and total are the latest attempt's.
  if (!row || row.count === 0 || row.id === null || row.submittedAt === null) return { count: 0, last: null }
  const last = { id: row.id, score: row.score ?? 0, total: row.total ?? 0, submittedAt: row.submittedAt.toISOString() }
  return { count: row.count, last: { ...last, timeZone: row.timeZone ?? FALLBACK_TIME_ZONE } }
}

/** A row of the quiz page's query: the article, and one question (all null when it has none). */
const QuizRow = z.object({
  slug: z.string(),
  titleAr: z.string(),
  id: z.string().nullable(),
  type: z.string().nullable(),
  stem: z.string().nullable(),
  options: z.string().nullable(),
})

/** The outcome of {@link submitQuiz}. */
export type SubmitResult =
  /** A new attempt was stored (with a new learner when the session had none). */
  | { status: 'stored'; attemptId: string; learnerId: string }
  /** The form's clientToken was already used by the session's own learner: nothing stored. */
  | { status: 'duplicate'; attemptId: string; learnerId: string }
  /** The form failed validation: nothing stored. */
  | { status: 'invalid'; errors: QuizFormErrors; values: QuizFormValues }
  /** The clientToken belongs to an attempt the session's learner (or a session without one) does not own. */
  | { status: 'conflict'; errors: QuizFormErrors }

/**
 * Validates a submitted quiz, scores it and stores, in one transaction: the Attempt with its Responses (and
 * the Learner, when the session has none), the learner's review cards for the article's vocabulary (those
 * not created before), and a card for each missed question, reviewed with Again at `now` (see
 * `card.server.ts`). A repeated submit of the same form writes nothing, cards included.
 * @param input.slug the article's slug.
 * @param input.learnerId the session's learner id, or null (then the form must carry `displayName`).
 * @param input.formData the submitted form (see `quiz-form.ts` for its fields; an optional `timeZone`, the
 *   browser's IANA zone, is stored for a learner who has none yet).
 * @param input.now the submit time (the attempt's submittedAt and the missed questions' review time); the
 *   form's `startedAt` is kept when it lies before it and at most a day earlier (`parseStartedAt`), else the
 *   attempt's startedAt is null.
 * @returns see {@link SubmitResult}; `learnerId` is the learner to keep in the session.
 * @throws NotFoundError when no article has this slug.
 */
export async function submitQuiz(input: {
  slug: string
  learnerId: string | null
  formData: FormData
  now: Date
  /**
   * The assignment the quiz answers (its checked questions replace the article's default quiz; the
   * attempt is linked to it; no more than `attemptsAllowed` attempts are stored per learner).
   */
  assignment?: { id: string; questionIds: string[]; attemptsAllowed: number }
}): Promise<SubmitResult> {
  const { assignment } = input
  const article = await findArticleToScore(input.slug, assignment?.questionIds ?? null)
  if (!article) throw new NotFoundError('Article')
  const questions = article.questions.map((q) => ({
    ...q,
    options: parseJsonColumn(StringListSchema, q.options, `Question ${q.id} options`),
    accepted: parseJsonColumn(StringListSchema, q.accepted, `Question ${q.id} accepted`),
  }))
  const learner = await findLearner(input.learnerId)
  const parsed = parseQuizForm(input.formData, questions, { needsDisplayName: !learner })
  if (!parsed.success) return { status: 'invalid', errors: parsed.errors, values: parsed.values }
  const { clientToken, displayName, answers } = parsed.data

  const earlier = await findAttemptByToken(clientToken)
  if (earlier) return resolveDuplicate(earlier, learner?.id ?? null)
  if (assignment && learner) {
    const used = await prisma.attempt.count({ where: { assignmentId: assignment.id, learnerId: learner.id } })
    if (used >= assignment.attemptsAllowed) return { status: 'conflict', errors: { form: ['attempts_used'], fields: {} } }
  }

  const { score, total, responses } = scoreAnswers(questions, answers)
  const timeZone = readTimeZoneField(input.formData)
  const { now } = input
  const startedAt = parseStartedAt(readQuizForm(input.formData).startedAt, now)
  const expectedAttempt = readAttemptNumber(input.formData)
  try {
    const attempt = await prisma.$transaction(async (tx) => {
      const { id: learnerId, desiredRetention } = learner
        ? await tx.learner.findUniqueOrThrow({ where: { id: learner.id }, select: { id: true, desiredRetention: true } })
        : await tx.learner.create({
            data: { displayName: displayName ?? '', timeZone },
            select: { id: true, desiredRetention: true },
          })
      if (learner && timeZone) await adoptTimeZone(tx, learnerId, timeZone)
      if (assignment) {
        // Checked again inside the write transaction (SQLite serialises writers), so two concurrent
        // submits with different forms cannot both pass the check made before it.
        const used = await tx.attempt.count({ where: { assignmentId: assignment.id, learnerId } })
        if (used >= assignment.attemptsAllowed) throw new AttemptsUsedError()
        if (expectedAttempt !== null && used + 1 !== expectedAttempt) throw new AttemptSubmittedError()
      } else if (learner && expectedAttempt !== null) {
        const used = await tx.attempt.count({ where: { learnerId, articleId: article.id, assignmentId: null } })
        if (used + 1 !== expectedAttempt) throw new AttemptSubmittedError()
      }
      const created = await tx.attempt.create({
        data: {
          learnerId,
          articleId: article.id,
          score,
          total,
          clientToken,
          submittedAt: now,
          startedAt,
          assignmentId: assignment?.id ?? null,
          responses: { create: responses },
        },
        select: { id: true, learnerId: true },
      })
      await createVocabularyCards(tx, { learnerId, articleId: article.id, now })
      const missed = responses.filter((r) => !r.correct).map((r) => r.questionId)
      await recordMissedQuestions(tx, { learnerId, questionIds: missed, now, desiredRetention })
      return created
    })
    return { status: 'stored', attemptId: attempt.id, learnerId: attempt.learnerId }
  } catch (error) {
    if (error instanceof AttemptsUsedError) return { status: 'conflict', errors: { form: ['attempts_used'], fields: {} } }
    if (error instanceof AttemptSubmittedError) return { status: 'conflict', errors: { form: ['attempt_submitted'], fields: {} } }
    // A concurrent submit of the same form won the race for the unique clientToken.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await findAttemptByToken(clientToken)
      if (winner) return resolveDuplicate(winner, learner?.id ?? null)
    }
    throw error
  }
}

/** Thrown inside the submit transaction when the form's attempt number was already stored (see {@link Quiz.attemptNumber}). */
class AttemptSubmittedError extends Error {
  override name = 'AttemptSubmittedError'
}

/**
 * The form's attempt number ({@link ATTEMPT_FIELD}): a whole number from 1, or null when the form has none
 * (then no check is made, as for forms rendered before the field existed) or it is not a number.
 */
function readAttemptNumber(formData: FormData): number | null {
  const parsed = z.coerce.number().int().min(1).max(10_000).safeParse(formData.get(ATTEMPT_FIELD))
  return formData.has(ATTEMPT_FIELD) && parsed.success ? parsed.data : null
}

/** Thrown inside the submit transaction to roll it back when the assignment's attempts are used up. */
class AttemptsUsedError extends Error {
  override name = 'AttemptsUsedError'
}

async function findAttemptByToken(clientToken: string): Promise<{ id: string; learnerId: string } | null> {
  const [row] = await queryRows(AttemptRef, Prisma.sql`SELECT "id", "learnerId" FROM "Attempt" WHERE "clientToken" = ${clientToken}`)
  return row ?? null
}

const AttemptRef = z.object({ id: z.string(), learnerId: z.string() })

/** A row of {@link findArticleToScore}'s query: the article, and one question (null when it has none). */
const ScoreRow = z.object({
  articleId: z.string(),
  id: z.string().nullable(),
  type: z.string().nullable(),
  options: z.string().nullable(),
  key: z.string().nullable(),
  accepted: z.string().nullable(),
})

/**
 * The article a submit scores and its questions with their keys, in one statement on the read connection:
 * for an assignment its chosen questions that are still approved and not retired, in the assignment's
 * order (any article, a teacher's own included); otherwise the shared article's active quiz
 * ({@link activeQuizQuestionSql}), in quiz order. `tests/quiz-query.test.ts` compares it with the Prisma
 * filter {@link activeQuizQuestion}.
 * @returns null when no such article exists.
 */
export async function findArticleToScore(slug: string, assignmentQuestionIds: string[] | null) {
  const questionFilter =
    assignmentQuestionIds === null
      ? activeQuizQuestionSql('q')
      : assignmentQuestionIds.length === 0
        ? Prisma.sql`0`
        : Prisma.sql`q."id" IN (${Prisma.join(assignmentQuestionIds)}) AND q."status" = 'approved' AND q."retired" = 0`
  const rows = await queryRows(
    ScoreRow,
    Prisma.sql`SELECT a."id" AS articleId, q."id", q."type", q."options", q."key", q."accepted"
      FROM "Article" a LEFT JOIN "Question" q ON q."articleId" = a."id" AND ${questionFilter}
     WHERE a."slug" = ${slug} ${assignmentQuestionIds === null ? Prisma.sql`AND a."ownerId" IS NULL` : Prisma.empty}
     ORDER BY q."quizPosition" ASC`,
  )
  const first = rows[0]
  if (!first) return null
  const questions = rows.flatMap((q) =>
    q.id === null ? [] : [{ id: q.id, type: q.type!, options: q.options!, key: q.key!, accepted: q.accepted! }],
  )
  if (assignmentQuestionIds !== null) {
    const order = new Map(assignmentQuestionIds.map((id, i) => [id, i]))
    questions.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  }
  return { id: first.articleId, questions }
}

function resolveDuplicate(attempt: { id: string; learnerId: string }, learnerId: string | null): SubmitResult {
  // A used token proves only that someone once rendered that form, not who holds it now: a copied or
  // replayed form must not hand its attempt (and, through the redirect's cookie, its learner's session) to
  // another browser. Only the learner who owns the attempt is sent back to it.
  if (learnerId === attempt.learnerId) {
    return { status: 'duplicate', attemptId: attempt.id, learnerId: attempt.learnerId }
  }
  return {
    status: 'conflict',
    errors: { form: [learnerId === null ? 'token_used' : 'already_submitted'], fields: {} },
  }
}

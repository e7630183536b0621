/**
 * Assignments: an article's quiz given to a class with a mode, attempts allowed and an optional due date.
 * Teachers manage the assignments of their own classes; students see and take only their class's.
 */
import { prisma } from '~/db.server'
import { DEFAULT_LANG, type Lang } from '~/i18n/lang'
import { formatDateTimeIn } from '~/utils/format'
import { StringListSchema, parseJsonColumn } from './bank-json'
import { activeQuizQuestion } from './article.server'
import type { AssignmentFormInput, AssignmentMessageCode } from './assignment-forms'
import { NotFoundError } from './errors'
import { FALLBACK_TIME_ZONE } from './learner-day'
import { QUIZ_QUESTION_TYPES } from './quiz-fields'
import { randomUUID } from 'node:crypto'
import { readQuizForm } from './quiz-form'
import { isCorrect } from './scoring'
import type { Quiz } from './quiz.server'
import { utcToZonedLocal, zonedLocalToUtc } from './zoned-time'

/** Articles a teacher may assign: their own and the shared samples, with their approved quiz size. */
export async function listAssignableArticles(teacherId: string): Promise<{ id: string; titleAr: string; own: boolean; questions: number }[]> {
  const rows = await prisma.article.findMany({
    where: { OR: [{ ownerId: teacherId }, { ownerId: null }] },
    orderBy: [{ createdAt: 'desc' }],
    select: { id: true, titleAr: true, ownerId: true, _count: { select: { questions: { where: activeQuizQuestion } } } },
  })
  return rows.map((r) => ({ id: r.id, titleAr: r.titleAr, own: r.ownerId !== null, questions: r._count.questions }))
}

/**
 * Creates an assignment for one of the teacher's classes. A repeat of the same post (same class, article,
 * questions, mode, attempts and due date within ten minutes) returns the first one.
 * @param input validated by `AssignmentFormSchema`.
 * @param teacher the teacher's id and time zone (the due date is read in it).
 * @returns the assignment's id, or the field and code of the problem.
 * @throws NotFoundError for a missing or foreign class or article.
 */
export async function createAssignment(
  teacher: { id: string; timeZone: string },
  classId: string,
  input: AssignmentFormInput,
  now: Date,
): Promise<{ status: 'created'; id: string } | { status: 'invalid'; field: string; code: AssignmentMessageCode }> {
  const owned = await prisma.classroom.count({ where: { id: classId, teacherId: teacher.id } })
  if (owned === 0) throw new NotFoundError('Class')
  const article = await prisma.article.findFirst({
    where: { id: input.articleId, OR: [{ ownerId: teacher.id }, { ownerId: null }] },
    select: { id: true },
  })
  if (!article) return { status: 'invalid', field: 'articleId', code: 'article_missing' }
  let questionIds: string[]
  if (input.questionIds.length > 0) {
    const approved = await prisma.question.findMany({
      where: { id: { in: input.questionIds }, articleId: article.id, status: 'approved', retired: false, type: { in: [...QUIZ_QUESTION_TYPES] } },
      select: { id: true },
    })
    if (approved.length !== new Set(input.questionIds).size) return { status: 'invalid', field: 'questionIds', code: 'questions_invalid' }
    questionIds = [...new Set(input.questionIds)]
  } else {
    const quiz = await prisma.question.findMany({
      where: { articleId: article.id, ...activeQuizQuestion },
      orderBy: { quizPosition: 'asc' },
      select: { id: true },
    })
    questionIds = quiz.map((q) => q.id)
  }
  if (questionIds.length === 0) return { status: 'invalid', field: 'articleId', code: 'no_questions' }
  let dueAt: Date | null = null
  if (input.due) {
    dueAt = zonedLocalToUtc(input.due, teacher.timeZone)
    if (!dueAt) return { status: 'invalid', field: 'due', code: 'due_invalid' }
    if (dueAt.getTime() <= now.getTime()) return { status: 'invalid', field: 'due', code: 'due_in_past' }
  }
  const data = {
    classroomId: classId,
    articleId: article.id,
    questionIds: JSON.stringify(questionIds),
    mode: input.mode,
    attemptsAllowed: input.attemptsAllowed,
    dueAt,
  }
  const repeat = await prisma.assignment.findFirst({
    where: { ...data, createdAt: { gte: new Date(now.getTime() - 600_000) } },
    select: { id: true },
  })
  if (repeat) return { status: 'created', id: repeat.id }
  const created = await prisma.assignment.create({ data: { ...data, createdAt: now }, select: { id: true } })
  return { status: 'created', id: created.id }
}

export interface ClassAssignment {
  id: string
  articleTitle: string
  mode: string
  attemptsAllowed: number
  questions: number
  /** The due date in the viewer's zone (Arabic), or null. */
  dueLabel: string | null
  /** For a `datetime-local` field in the viewer's zone. */
  dueLocal: string | null
  attempts: number
}

/**
 * The assignments of one of the teacher's classes, due dates in the teacher's zone.
 * @param lang the language of `dueLabel`.
 * @throws NotFoundError
 */
export async function listClassAssignments(
  teacher: { id: string; timeZone: string },
  classId: string,
  lang: Lang = DEFAULT_LANG,
): Promise<ClassAssignment[]> {
  const owned = await prisma.classroom.count({ where: { id: classId, teacherId: teacher.id } })
  if (owned === 0) throw new NotFoundError('Class')
  const rows = await prisma.assignment.findMany({
    where: { classroomId: classId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      mode: true,
      attemptsAllowed: true,
      questionIds: true,
      dueAt: true,
      article: { select: { titleAr: true } },
      _count: { select: { attempts: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    articleTitle: r.article.titleAr,
    mode: r.mode,
    attemptsAllowed: r.attemptsAllowed,
    questions: parseJsonColumn(StringListSchema, r.questionIds, `Assignment ${r.id} questionIds`).length,
    dueLabel: r.dueAt ? formatDateTimeIn(r.dueAt, teacher.timeZone, lang) : null,
    dueLocal: r.dueAt ? utcToZonedLocal(r.dueAt, teacher.timeZone) : null,
    attempts: r._count.attempts,
  }))
}

export interface StudentAssignment {
  id: string
  articleTitle: string
  mode: string
  open: boolean
  dueLabel: string | null
  attemptsUsed: number
  attemptsAllowed: number
}

/**
 * The assignments of the learner's class: open ones first (no due date or due later, and attempts left),
 * by due date; due dates in the learner's own zone (`dueLabel` in `lang`). Empty for a learner without a class.
 */
export async function listStudentAssignments(
  learnerId: string,
  now: Date,
  lang: Lang = DEFAULT_LANG,
): Promise<StudentAssignment[]> {
  const learner = await prisma.learner.findUnique({ where: { id: learnerId }, select: { classroomId: true, timeZone: true } })
  if (!learner?.classroomId) return []
  const zone = learner.timeZone ?? FALLBACK_TIME_ZONE
  const rows = await prisma.assignment.findMany({
    where: { classroomId: learner.classroomId },
    select: {
      id: true,
      mode: true,
      attemptsAllowed: true,
      dueAt: true,
      createdAt: true,
      article: { select: { titleAr: true } },
      _count: { select: { attempts: { where: { learnerId } } } },
    },
  })
  const list = rows.map((r) => ({
    id: r.id,
    articleTitle: r.article.titleAr,
    mode: r.mode,
    open: (r.dueAt === null || r.dueAt > now) && r._count.attempts < r.attemptsAllowed,
    dueLabel: r.dueAt ? formatDateTimeIn(r.dueAt, zone, lang) : null,
    attemptsUsed: r._count.attempts,
    attemptsAllowed: r.attemptsAllowed,
    sortDue: r.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER,
    created: r.createdAt.getTime(),
  }))
  list.sort((a, b) => Number(b.open) - Number(a.open) || a.sortDue - b.sortDue || b.created - a.created)
  return list.map(({ sortDue: _s, created: _c, ...rest }) => rest)
}

/** An assignment the learner may open (their class's), with what the quiz needs. @throws NotFoundError */
export async function getStudentAssignment(learnerId: string, assignmentId: string) {
  const row = await prisma.assignment.findFirst({
    where: { id: assignmentId, classroom: { learners: { some: { id: learnerId } } } },
    select: {
      id: true,
      mode: true,
      attemptsAllowed: true,
      dueAt: true,
      questionIds: true,
      article: { select: { slug: true, titleAr: true } },
      _count: { select: { attempts: { where: { learnerId } } } },
    },
  })
  if (!row) throw new NotFoundError('Assignment')
  return {
    id: row.id,
    mode: row.mode,
    attemptsAllowed: row.attemptsAllowed,
    attemptsUsed: row._count.attempts,
    dueAt: row.dueAt,
    questionIds: parseJsonColumn(StringListSchema, row.questionIds, `Assignment ${row.id} questionIds`),
    article: row.article,
  }
}

/**
 * The quiz of an assignment for one of its class's learners: its approved questions in its order, with the
 * form's start time (`now`, ISO 8601) for the time taken.
 * @throws NotFoundError when the assignment is not of the learner's class.
 */
export async function getAssignmentQuiz(
  learner: { id: string; displayName: string },
  assignmentId: string,
  now: Date,
): Promise<{ quiz: Quiz; assignment: { mode: string; attemptsUsed: number; attemptsAllowed: number; lastAttemptId: string | null } }> {
  const a = await getStudentAssignment(learner.id, assignmentId)
  // the learner's latest attempt: the page links to it once no attempt is left
  const last = await prisma.attempt.findFirst({
    where: { assignmentId, learnerId: learner.id },
    orderBy: { submittedAt: 'desc' },
    select: { id: true },
  })
  const rows = await prisma.question.findMany({
    where: { id: { in: a.questionIds }, status: 'approved', retired: false },
    select: { id: true, type: true, stem: true, options: true },
  })
  const order = new Map(a.questionIds.map((id, i) => [id, i]))
  rows.sort((x, y) => order.get(x.id)! - order.get(y.id)!)
  return {
    quiz: {
      article: a.article,
      questions: rows.map((q) => ({ ...q, options: parseJsonColumn(StringListSchema, q.options, `Question ${q.id} options`) })),
      learner: { id: learner.id, displayName: learner.displayName },
      clientToken: randomUUID(),
      startedAt: now.toISOString(),
      attemptNumber: a.attemptsUsed + 1,
      previous: null,
    },
    assignment: { mode: a.mode, attemptsUsed: a.attemptsUsed, attemptsAllowed: a.attemptsAllowed, lastAttemptId: last?.id ?? null },
  }
}

/**
 * Practice mode's "Check": the verdict on every item answered so far, nothing stored.
 * @param formData the quiz form as posted (answers may be missing).
 * @returns verdicts by question id and the answers (and the form's start time) to echo back; `null` verdicts when the assignment is a
 *   test (feedback only after submitting).
 * @throws NotFoundError when the assignment is not of the learner's class.
 */
export async function checkPracticeAnswers(
  learnerId: string,
  assignmentId: string,
  formData: FormData,
): Promise<{
  feedback: Record<string, { correct: boolean; key: string; explanation: string }> | null
  answers: Record<string, string>
  startedAt: string | undefined
}> {
  const a = await getStudentAssignment(learnerId, assignmentId)
  const raw = readQuizForm(formData)
  const answers: Record<string, string> = {}
  for (const r of raw.answers) answers[r.questionId] ??= r.answer
  const { startedAt } = raw
  if (a.mode !== 'practice') return { feedback: null, answers, startedAt }
  const rows = await prisma.question.findMany({
    where: { id: { in: a.questionIds }, status: 'approved', retired: false },
    select: { id: true, type: true, key: true, accepted: true, explanation: true },
  })
  const feedback: Record<string, { correct: boolean; key: string; explanation: string }> = {}
  for (const q of rows) {
    const answer = answers[q.id]
    if (answer === undefined || answer.trim() === '') continue
    const accepted = parseJsonColumn(StringListSchema, q.accepted, `Question ${q.id} accepted`)
    feedback[q.id] = { correct: isCorrect({ ...q, accepted }, answer), key: q.key, explanation: q.explanation }
  }
  return { feedback, answers, startedAt }
}

/**
 * The approved quiz-type items of an article the teacher may assign, for choosing an assignment's items;
 * `inDefaultQuiz` marks the generator's balanced quiz (the default choice).
 * @returns null when the article is neither the teacher's nor a sample.
 */
export async function listAssignableItems(
  teacherId: string,
  articleId: string,
): Promise<{ articleId: string; titleAr: string; items: { id: string; stem: string; type: string; inDefaultQuiz: boolean }[] } | null> {
  const article = await prisma.article.findFirst({
    where: { id: articleId, OR: [{ ownerId: teacherId }, { ownerId: null }] },
    select: {
      id: true,
      titleAr: true,
      questions: {
        where: { status: 'approved', retired: false, type: { in: [...QUIZ_QUESTION_TYPES] } },
        orderBy: { position: 'asc' },
        select: { id: true, stem: true, type: true, quizPosition: true },
      },
    },
  })
  if (!article) return null
  return {
    articleId: article.id,
    titleAr: article.titleAr,
    items: article.questions.map((q) => ({ id: q.id, stem: q.stem, type: q.type, inDefaultQuiz: q.quizPosition !== null })),
  }
}

/**
 * Classes: a teacher's classes with their join codes and rosters, and students joining with a code.
 * Every function that takes a `teacherId` answers NotFoundError for a class of another teacher, exactly as
 * for a class that does not exist.
 */
import { randomInt } from 'node:crypto'
import { prisma } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import { NotFoundError } from './errors'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from './teacher-forms'

/**
 * A new join code: {@link JOIN_CODE_LENGTH} characters drawn uniformly (crypto) from an alphabet without
 * 0/O, 1/l/I — about 39 bits, so guessing a live code is impractical.
 */
export function generateJoinCode(): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]
  return code
}

export interface ClassSummary {
  id: string
  name: string
  joinCode: string
  archived: boolean
  students: number
}

/** A teacher's classes, active first, then by name. */
export async function listClasses(teacherId: string): Promise<ClassSummary[]> {
  const rows = await prisma.classroom.findMany({
    where: { teacherId },
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: { id: true, name: true, joinCode: true, archivedAt: true, _count: { select: { learners: true } } },
  })
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    joinCode: r.joinCode,
    archived: r.archivedAt !== null,
    students: r._count.learners,
  }))
}

/** Whether a Prisma error is the unique (teacherId, name) violation. */
function isDuplicateName(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === 'P2002' &&
    JSON.stringify(error.meta ?? {}).includes('name')
  )
}

/**
 * Creates a class with a fresh join code (retried on the rare code collision).
 * @returns the class id, or `name_taken` when the teacher already has a class of that name.
 */
export async function createClass(
  teacherId: string,
  name: string,
): Promise<{ status: 'created'; id: string } | { status: 'name_taken' }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await prisma.classroom.create({
        data: { teacherId, name, joinCode: generateJoinCode() },
        select: { id: true },
      })
      return { status: 'created', id: created.id }
    } catch (error) {
      if (isDuplicateName(error)) return { status: 'name_taken' }
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && attempt < 5) continue
      throw error
    }
  }
}

export interface ClassDetail {
  id: string
  name: string
  joinCode: string
  archived: boolean
  roster: {
    id: string
    displayName: string
    joinedAt: string
    attempts: number
    /** The student's latest results (at most 10), newest first; `submittedAt` is an ISO 8601 UTC string. */
    results: { id: string; score: number; total: number; submittedAt: string; articleTitle: string }[]
  }[]
}

/**
 * One of the teacher's classes with its roster.
 * @throws NotFoundError when the class does not exist or belongs to another teacher.
 */
export async function getClass(teacherId: string, classId: string): Promise<ClassDetail> {
  const row = await prisma.classroom.findFirst({
    where: { id: classId, teacherId },
    select: {
      id: true,
      name: true,
      joinCode: true,
      archivedAt: true,
      learners: {
        orderBy: { displayName: 'asc' },
        select: {
          id: true,
          displayName: true,
          createdAt: true,
          _count: { select: { attempts: true } },
          attempts: {
            orderBy: { submittedAt: 'desc' },
            take: 10,
            select: { id: true, score: true, total: true, submittedAt: true, article: { select: { titleAr: true } } },
          },
        },
      },
    },
  })
  if (!row) throw new NotFoundError('Class')
  return {
    id: row.id,
    name: row.name,
    joinCode: row.joinCode,
    archived: row.archivedAt !== null,
    roster: row.learners.map((l) => ({
      id: l.id,
      displayName: l.displayName,
      joinedAt: l.createdAt.toISOString(),
      attempts: l._count.attempts,
      results: l.attempts.map((a) => ({
        id: a.id,
        score: a.score,
        total: a.total,
        submittedAt: a.submittedAt.toISOString(),
        articleTitle: a.article.titleAr,
      })),
    })),
  }
}

/**
 * Renames one of the teacher's classes (renaming to its own name is a no-op).
 * @throws NotFoundError for a missing or foreign class.
 */
export async function renameClass(
  teacherId: string,
  classId: string,
  name: string,
): Promise<{ status: 'renamed' } | { status: 'name_taken' }> {
  try {
    const updated = await prisma.classroom.updateMany({ where: { id: classId, teacherId }, data: { name } })
    if (updated.count === 0) throw new NotFoundError('Class')
    return { status: 'renamed' }
  } catch (error) {
    if (isDuplicateName(error)) return { status: 'name_taken' }
    throw error
  }
}

/**
 * Archives or restores one of the teacher's classes. Idempotent: archiving an archived class keeps its
 * first archive time.
 * @throws NotFoundError for a missing or foreign class.
 */
export async function setClassArchived(teacherId: string, classId: string, archived: boolean, now: Date): Promise<void> {
  const owned = await prisma.classroom.count({ where: { id: classId, teacherId } })
  if (owned === 0) throw new NotFoundError('Class')
  await prisma.classroom.updateMany({
    where: { id: classId, teacherId, archivedAt: archived ? null : { not: null } },
    data: { archivedAt: archived ? now : null },
  })
}

/**
 * Removes a student of one of the teacher's classes with all of that student's data: the learner row and,
 * by cascade, their attempts and responses, review cards and review logs. Idempotent: a student already
 * removed answers as removed.
 * @throws NotFoundError when the class is missing or foreign.
 */
export async function removeStudent(teacherId: string, classId: string, learnerId: string): Promise<void> {
  const owned = await prisma.classroom.count({ where: { id: classId, teacherId } })
  if (owned === 0) throw new NotFoundError('Class')
  await prisma.learner.deleteMany({ where: { id: learnerId, classroomId: classId } })
}

/**
 * A student joins a class with its code: a new learner bound to the class (and to this device by the
 * session cookie the route sets). A repeated post (double click, back button) from the same device and
 * name creates nothing new.
 * @param input.code a normalised code (see `JoinCodeSchema`).
 * @returns the learner id, or why the code is refused.
 */
export async function joinClass(input: {
  code: string
  displayName: string
  timeZone: string | null
  /** The session's learner: when already in this class under this name, the join is a repeat (no new row). */
  currentLearnerId: string | null
}): Promise<{ status: 'joined'; learnerId: string; classId: string } | { status: 'invalid' } | { status: 'archived' }> {
  const classroom = await prisma.classroom.findUnique({
    where: { joinCode: input.code },
    select: { id: true, archivedAt: true },
  })
  if (!classroom) return { status: 'invalid' }
  if (classroom.archivedAt) return { status: 'archived' }
  if (input.currentLearnerId) {
    const same = await prisma.learner.findFirst({
      where: { id: input.currentLearnerId, classroomId: classroom.id, displayName: input.displayName },
      select: { id: true },
    })
    if (same) return { status: 'joined', learnerId: same.id, classId: classroom.id }
  }
  const learner = await prisma.learner.create({
    data: { displayName: input.displayName, timeZone: input.timeZone, classroomId: classroom.id },
    select: { id: true },
  })
  return { status: 'joined', learnerId: learner.id, classId: classroom.id }
}

export interface StudentHome {
  learner: { displayName: string }
  classroom: { name: string; teacherName: string } | null
  /** The learner's own attempts, newest first. */
  attempts: { id: string; articleTitle: string; score: number; total: number; submittedAt: string }[]
}

/**
 * The student's page: their class and their own results (never anyone else's).
 * @throws NotFoundError when the learner does not exist.
 */
export async function getStudentHome(learnerId: string): Promise<StudentHome> {
  const row = await prisma.learner.findUnique({
    where: { id: learnerId },
    select: {
      displayName: true,
      classroom: { select: { name: true, teacher: { select: { displayName: true } } } },
      attempts: {
        orderBy: { submittedAt: 'desc' },
        take: 50,
        select: { id: true, score: true, total: true, submittedAt: true, article: { select: { titleAr: true } } },
      },
    },
  })
  if (!row) throw new NotFoundError('Learner')
  return {
    learner: { displayName: row.displayName },
    classroom: row.classroom ? { name: row.classroom.name, teacherName: row.classroom.teacher.displayName } : null,
    attempts: row.attempts.map((a) => ({
      id: a.id,
      articleTitle: a.article.titleAr,
      score: a.score,
      total: a.total,
      submittedAt: a.submittedAt.toISOString(),
    })),
  }
}

/**
 * Teacher accounts: sign-up, sign-in with argon2id hashes (`@node-rs/argon2`, the library's OWASP-level
 * defaults: m=19 MiB, t=2, p=1) and a rate limit on failed sign-ins kept in the database.
 */
import { hash, verify } from '@node-rs/argon2'
import { prisma } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import { isValidTimeZone } from './learner-day'

/** Failed sign-ins allowed per account within {@link LOGIN_WINDOW_MS}. */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
/** Failed sign-ins allowed per address within {@link LOGIN_WINDOW_MS} (a classroom shares one address). */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 30
export const LOGIN_WINDOW_MS = 15 * 60 * 1000

/** A hash of a password nobody has, verified when the email is unknown so both cases take as long. */
let decoyHash: Promise<string> | undefined

export interface TeacherSummary {
  id: string
  email: string
  displayName: string
  timeZone: string
  /** See `Teacher.sessionEpoch`. */
  sessionEpoch: number
}

const teacherSelect = { id: true, email: true, displayName: true, timeZone: true, sessionEpoch: true } as const

/**
 * The teacher of a session, or null when there is none, the teacher no longer exists, or the session was
 * issued before the teacher's last log-out.
 */
export async function findTeacher(session: { teacherId: string; epoch: number } | null): Promise<TeacherSummary | null> {
  if (!session) return null
  const teacher = await prisma.teacher.findUnique({ where: { id: session.teacherId }, select: teacherSelect })
  return teacher && teacher.sessionEpoch === session.epoch ? teacher : null
}

/** Log-out: voids every session cookie the teacher was given (idempotent for an already void session). */
export async function endTeacherSessions(session: { teacherId: string; epoch: number } | null): Promise<void> {
  if (!session) return
  await prisma.teacher.updateMany({
    where: { id: session.teacherId, sessionEpoch: session.epoch },
    data: { sessionEpoch: { increment: 1 } },
  })
}

/**
 * Creates a teacher account.
 * @param input validated by `SignupFormSchema` (email lower-cased; password 10–200 characters).
 * @returns the new teacher, or `email_taken`.
 */
export async function createTeacher(input: {
  email: string
  password: string
  displayName: string
  timeZone?: string | undefined
}): Promise<{ status: 'created'; teacher: TeacherSummary } | { status: 'email_taken' }> {
  const passwordHash = await hash(input.password)
  const timeZone = input.timeZone && isValidTimeZone(input.timeZone) ? input.timeZone : 'UTC'
  try {
    const teacher = await prisma.teacher.create({
      data: { email: input.email, passwordHash, displayName: input.displayName, timeZone },
      select: teacherSelect,
    })
    return { status: 'created', teacher }
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { status: 'email_taken' }
    throw error
  }
}

/**
 * Checks a sign-in. Failures are counted per account (`email:<email>`) and per address (`ip:<address>`);
 * over either limit within the window, the password is not even checked.
 * @param input.address the client's address (see `clientAddress`), or null when unknown.
 * @param input.now the time of the attempt.
 * @returns the teacher, `failed`, or `rate_limited`.
 */
export async function verifyTeacherLogin(input: {
  email: string
  password: string
  address: string | null
  now: Date
}): Promise<{ status: 'ok'; teacher: TeacherSummary } | { status: 'failed' } | { status: 'rate_limited' }> {
  const since = new Date(input.now.getTime() - LOGIN_WINDOW_MS)
  const keys = [`email:${input.email}`, ...(input.address ? [`ip:${input.address}`] : [])]
  const [accountFailures, addressFailures] = await Promise.all(
    keys.map((key) => prisma.loginAttempt.count({ where: { key, success: false, at: { gte: since } } })),
  )
  if ((accountFailures ?? 0) >= LOGIN_MAX_FAILURES_PER_ACCOUNT || (addressFailures ?? 0) >= LOGIN_MAX_FAILURES_PER_ADDRESS) {
    return { status: 'rate_limited' }
  }
  const row = await prisma.teacher.findUnique({
    where: { email: input.email },
    select: { ...teacherSelect, passwordHash: true },
  })
  decoyHash ??= hash('decoy password that no account has')
  const ok = await verify(row?.passwordHash ?? (await decoyHash), input.password).catch(() => false)
  const success = Boolean(row) && ok
  await prisma.$transaction([
    prisma.loginAttempt.createMany({ data: keys.map((key) => ({ key, success, at: input.now })) }),
    // Keep the table small: forget attempts older than the window.
    prisma.loginAttempt.deleteMany({ where: { at: { lt: since } } }),
    // A successful sign-in clears the account's failures.
    ...(success ? [prisma.loginAttempt.deleteMany({ where: { key: keys[0]!, success: false } })] : []),
  ])
  if (!success || !row) return { status: 'failed' }
  const { passwordHash: _hash, ...teacher } = row
  return { status: 'ok', teacher }
}

/**
 * The client's address for rate limiting: the first `X-Forwarded-For` hop (set by the reverse proxy in
 * front of the app), else `X-Real-IP`, else null. Behind no proxy the header can be forged, so the
 * per-account limit is the one that always holds.
 */
export function clientAddress(request: Request): string | null {
  const forwarded = request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim()
  return forwarded || request.headers.get('X-Real-IP')?.trim() || null
}

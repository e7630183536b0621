/**
 * The learner's cookie session (Remix `createCookieSessionStorage`): it holds only the learner's id.
 * Learners have no password in this walking skeleton; whoever holds the signed cookie is the learner.
 */
import { randomBytes } from 'node:crypto'
import { createCookieSessionStorage, type Session } from '@remix-run/node'
import { cookieSecure, getEnv, resolveSessionSecret } from './env.server'

interface SessionData {
  learnerId: string
  teacherId: string
  /** The teacher's `sessionEpoch` at sign-in: the session is void once log-out has moved it on. */
  teacherEpoch: number
  /** Random per sign-in, so the cookie a teacher gets at sign-in never equals one issued before. */
  nonce: string
}

const env = getEnv()

/** Signed cookie `__fahm_session`, one year, HttpOnly, SameSite=Lax, Secure in production. */
export const sessionStorage = createCookieSessionStorage<SessionData>({
  cookie: {
    name: '__fahm_session',
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    // Browsers and curl treat http://localhost as secure, so `npm start` keeps working locally.
    secure: cookieSecure(env),
    secrets: [resolveSessionSecret(env)],
    maxAge: 60 * 60 * 24 * 365,
  },
})

/**
 * Reads the session of a request.
 * @returns the session (empty when the request carries no valid cookie).
 */
export async function getSession(request: Request): Promise<Session<SessionData>> {
  return sessionStorage.getSession(request.headers.get('Cookie'))
}

/**
 * The id of the learner whose session cookie the request carries.
 * @returns the learner's id, or null when there is no session. The id is not checked against the database.
 */
export async function getLearnerId(request: Request): Promise<string | null> {
  return (await getSession(request)).get('learnerId') ?? null
}

/**
 * The `Set-Cookie` value that signs the learner in (keeps any other session data).
 * @param request the request whose session is extended.
 * @param learnerId the learner to remember.
 */
export async function commitLearner(request: Request, learnerId: string): Promise<string> {
  const session = await getSession(request)
  session.set('learnerId', learnerId)
  return sessionStorage.commitSession(session)
}

/**
 * The `Set-Cookie` value that signs a learner in at `/join`: a brand-new session (nothing of the previous
 * cookie is carried over, a teacher's sign-in included) with a fresh nonce — the session is rotated when a
 * student joins, as {@link commitTeacher} rotates it at a teacher's sign-in (OWASP session management
 * cheat sheet: renew the session on any privilege change).
 * @param learnerId the learner who joined.
 */
export async function startLearnerSession(learnerId: string): Promise<string> {
  const session = await sessionStorage.getSession()
  session.set('learnerId', learnerId)
  session.set('nonce', randomBytes(16).toString('base64url'))
  return sessionStorage.commitSession(session)
}

/**
 * The `Set-Cookie` value that forgets the learner of a session (keeps any other session data).
 * @param request the request whose session is changed.
 */
export async function forgetLearner(request: Request): Promise<string> {
  const session = await getSession(request)
  session.unset('learnerId')
  return sessionStorage.commitSession(session)
}

/** The teacher session the request's cookie carries (not checked against the database), or null. */
export async function getTeacherSession(request: Request): Promise<{ teacherId: string; epoch: number } | null> {
  const session = await getSession(request)
  const teacherId = session.get('teacherId')
  const epoch = session.get('teacherEpoch')
  return teacherId && typeof epoch === 'number' ? { teacherId, epoch } : null
}

/** Teacher sessions last two weeks (a learner's a year): a teacher account holds a whole class's data. */
export const TEACHER_SESSION_SECONDS = 60 * 60 * 24 * 14

/**
 * The `Set-Cookie` value that signs a teacher in: a brand-new session (nothing of the previous cookie is
 * carried over, learner included) with a fresh nonce — the session is rotated at sign-in.
 */
export async function commitTeacher(teacher: { id: string; sessionEpoch: number }): Promise<string> {
  const session = await sessionStorage.getSession()
  session.set('teacherId', teacher.id)
  session.set('teacherEpoch', teacher.sessionEpoch)
  session.set('nonce', randomBytes(16).toString('base64url'))
  return sessionStorage.commitSession(session, { maxAge: TEACHER_SESSION_SECONDS })
}

/** The `Set-Cookie` value that ends every session of this browser (teacher log-out). */
export async function destroyAll(request: Request): Promise<string> {
  return sessionStorage.destroySession(await getSession(request))
}

/** Helpers for tests that call route loaders and actions directly against the per-file SQLite copy. */
import { expect } from 'vitest'
import { prisma } from '~/db.server'
import { sessionStorage } from '~/session.server'

/** The `Cookie` request header that signs a learner in. */
export async function learnerCookie(learnerId: string): Promise<string> {
  const session = await sessionStorage.getSession()
  session.set('learnerId', learnerId)
  return (await sessionStorage.commitSession(session)).split(';')[0]!
}

/** The `Cookie` header to send back from a response's `Set-Cookie`. */
export function cookieFrom(response: Response): string {
  const setCookie = response.headers.get('Set-Cookie')
  expect(setCookie).toBeTruthy()
  return setCookie!.split(';')[0]!
}

/** A POST request carrying form fields (repeated names allowed). */
export function formRequest(url: string, fields: [string, string][], cookie?: string): Request {
  const body = new URLSearchParams(fields)
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }
  if (cookie) headers.Cookie = cookie
  return new Request(url, { method: 'POST', body, headers })
}

/** A GET request, optionally with a cookie. */
export function getRequest(url: string, cookie?: string): Request {
  return new Request(url, cookie ? { headers: { Cookie: cookie } } : {})
}

/** The `data(value, { status })` a loader or action returned or threw. */
export interface DataWithInit<T = unknown> {
  type: 'DataWithResponseInit'
  data: T
  init: { status?: number; headers?: HeadersInit } | null
}

/** Asserts that a value is a `data()` result and returns it typed. */
export function asData<T = unknown>(value: unknown): DataWithInit<T> {
  expect(value).toMatchObject({ type: 'DataWithResponseInit' })
  return value as DataWithInit<T>
}

/** Runs a loader expected to throw and returns what it threw. */
export async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to throw')
}

/** Row counts of the learner-side tables. */
export async function learnerSideCounts() {
  const [learners, attempts, responses] = await Promise.all([
    prisma.learner.count(),
    prisma.attempt.count(),
    prisma.response.count(),
  ])
  return { learners, attempts, responses }
}

/**
 * Maps the app's errors to HTTP responses in one place. Route loaders and actions wrap their body in
 * {@link withHttpErrors}; the route's ErrorBoundary then renders the thrown `data()`.
 */
import { data } from '@remix-run/node'
import { BadRequestError, FahmError, NotFoundError, type BilingualMessage } from '~/models/errors'

/** The payload of an error response: what the ErrorBoundary shows. */
export interface ErrorPayload {
  message: BilingualMessage
}

/**
 * Runs a loader or action body and turns known errors into thrown responses.
 * NotFoundError → 404; other FahmErrors → 400; anything else propagates (500, logged by Remix).
 * @throws `data({ message }, { status })` for known errors.
 */
export async function withHttpErrors<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body()
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(error.userMessage)
    if (error instanceof FahmError) throw data<ErrorPayload>({ message: error.userMessage }, { status: 400 })
    throw error
  }
}

/** A 404 to throw from a loader, e.g. for a malformed route parameter. */
export function notFound(message: BilingualMessage = { ar: 'الصفحة المطلوبة غير موجودة.', en: 'Page not found.' }) {
  return data<ErrorPayload>({ message }, { status: 404 })
}

/**
 * Reads a request's form body.
 * @throws BadRequestError when the body is not form data (mapped to 400 by {@link withHttpErrors}).
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch (error) {
    throw new BadRequestError(error instanceof Error ? error.message : 'not form data')
  }
}

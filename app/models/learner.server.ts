/** Learners: created with their first submitted quiz (or added vocabulary), identified by the session cookie. */
import { z } from 'zod'
import { prisma } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import type { Tx } from './card.server'
import { NotFoundError } from './errors'
import { queryRows } from './insight/queries.server'
import { FALLBACK_TIME_ZONE, isValidTimeZone } from './learner-day'

export interface LearnerSummary {
  id: string
  displayName: string
}

const LearnerSummaryRow = z.object({ id: z.string(), displayName: z.string() })

/**
 * The learner with this id (a raw statement: pages look the session's learner up on every request, and a
 * Prisma `findUnique` costs several times the query itself in its query compiler).
 * @param learnerId the id from the session, or null.
 * @returns the learner, or null when the id is null or no longer exists (e.g. after a database reset).
 * @throws ZodError when the row does not have the expected shape.
 */
export async function findLearner(learnerId: string | null): Promise<LearnerSummary | null> {
  if (!learnerId) return null
  const [row] = await queryRows(LearnerSummaryRow, Prisma.sql`SELECT "id", "displayName" FROM "Learner" WHERE "id" = ${learnerId}`)
  return row ?? null
}

/**
 * Creates a learner.
 * @param db the client or a transaction.
 * @param input.displayName already validated (trimmed, 1–60 characters).
 * @param input.timeZone a valid IANA zone from the browser, or null.
 * @returns the new learner's id.
 */
export async function createLearner(db: Tx, input: { displayName: string; timeZone: string | null }): Promise<string> {
  return (await db.learner.create({ data: input, select: { id: true } })).id
}

/**
 * The browser's time zone from a form's hidden `timeZone` field (filled in by `TimeZoneField`).
 * @returns the zone when the field holds one `Intl` knows; null when absent, empty or invalid (never throws:
 *   the field is not something the learner typed).
 */
export function readTimeZoneField(formData: FormData): string | null {
  const value = formData.get('timeZone')
  return typeof value === 'string' && isValidTimeZone(value) ? value : null
}

/**
 * Stores the browser's time zone for a learner who has none yet. A zone chosen on the settings form is never
 * overwritten by a browser's.
 * @param db the client or a transaction.
 * @param timeZone a valid IANA zone.
 */
export async function adoptTimeZone(db: Tx, learnerId: string, timeZone: string): Promise<void> {
  await db.learner.updateMany({ where: { id: learnerId, timeZone: null }, data: { timeZone } })
}

/** A learner's review settings. */
export interface LearnerSettings {
  displayName: string
  /** IANA zone the learner's days follow (UTC until a browser reports one). */
  timeZone: string
  /** False while no browser has reported a zone. */
  timeZoneKnown: boolean
  /** FSRS desired retention, 0.70–0.97. */
  desiredRetention: number
  /** New cards introduced per day. */
  newCardsPerDay: number
}

/**
 * A learner's review settings.
 * @throws NotFoundError when the learner does not exist.
 */
export async function getLearnerSettings(learnerId: string): Promise<LearnerSettings> {
  const row = await prisma.learner.findUnique({
    where: { id: learnerId },
    select: { displayName: true, timeZone: true, desiredRetention: true, newCardsPerDay: true },
  })
  if (!row) throw new NotFoundError('Learner')
  return {
    displayName: row.displayName,
    timeZone: row.timeZone ?? FALLBACK_TIME_ZONE,
    timeZoneKnown: row.timeZone !== null,
    desiredRetention: row.desiredRetention,
    newCardsPerDay: row.newCardsPerDay,
  }
}

/**
 * Saves a learner's review settings (validated by `LearnerSettingsFormSchema`). A new desired retention
 * applies from the next review on; existing due dates are not rescheduled.
 * @throws NotFoundError when the learner does not exist.
 */
export async function updateLearnerSettings(
  learnerId: string,
  settings: { timeZone: string; desiredRetention: number; newCardsPerDay: number },
): Promise<void> {
  const updated = await prisma.learner.updateMany({ where: { id: learnerId }, data: settings })
  if (updated.count === 0) throw new NotFoundError('Learner')
}

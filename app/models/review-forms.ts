/**
 * Zod schemas of the review page's posts, the review settings form, the "add this article's vocabulary"
 * form and the review page's search parameters. Pure; used by the actions and loaders (never by
 * components — they import `review-fields.ts`). Issue messages are {@link ReviewMessageCode}s.
 */
import { z } from 'zod'
import { isValidTimeZone } from './learner-day'
import { parseDisplayNameText } from './display-name'
import {
  NEW_CARDS_PER_DAY_MAX,
  RETENTION_PERCENT_MAX,
  RETENTION_PERCENT_MIN,
  REVIEW_ANSWER_MAX,
  type ReviewMessageCode,
} from './review-fields'

const RecordIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/i)

/**
 * When the card was shown (ISO 8601, rendered by the loader into the form); revived to a Date. A missing or
 * malformed value reads as null: the review is still recorded, without a duration.
 */
const ShownAtSchema = z
  .iso.datetime({ offset: true })
  .transform((s) => new Date(s))
  .optional()
  .catch(undefined)
  .transform((d) => d ?? null)

const ReviewBaseSchema = z.object({
  cardId: RecordIdSchema,
  /** The card version the page showed; a post whose version is no longer current is not applied. */
  version: z.coerce.number().int().nonnegative().max(1_000_000_000),
  shownAt: ShownAtSchema,
})

/**
 * One review post: a self-rating (`intent=rate`, `rating` 1–4) or a typed answer (`intent=answer`, `answer`
 * possibly empty for "I don't know").
 */
export const ReviewPostSchema = z.discriminatedUnion('intent', [
  ReviewBaseSchema.extend({
    intent: z.literal('rate'),
    rating: z.enum(['1', '2', '3', '4']).transform((r) => Number(r) as 1 | 2 | 3 | 4),
  }),
  ReviewBaseSchema.extend({
    intent: z.literal('answer'),
    answer: z.string().max(REVIEW_ANSWER_MAX).default(''),
    /** The "I don't know" button: the answer is taken as empty (Again). */
    giveUp: z.literal('1').optional(),
  }).transform(({ giveUp, ...post }) => (giveUp ? { ...post, answer: '' } : post)),
])
export type ReviewPost = z.infer<typeof ReviewPostSchema>

/**
 * Reads a review post.
 * @returns the post, or null when it does not match {@link ReviewPostSchema}.
 */
export function parseReviewPost(formData: FormData): ReviewPost | null {
  const parsed = ReviewPostSchema.safeParse(singleValued(formData))
  return parsed.success ? parsed.data : null
}

/** The review page's search parameters: `reveal` (card id, the no-JavaScript reveal), `shownAt`, `last`. */
export const ReviewSearchSchema = z.object({
  reveal: RecordIdSchema.optional().catch(undefined),
  shownAt: ShownAtSchema,
  /** The ReviewLog just written, for the feedback line. */
  last: RecordIdSchema.optional().catch(undefined),
})
export type ReviewSearch = z.infer<typeof ReviewSearchSchema>

/** Parses the review page's URL (never fails: unknown or malformed parameters are dropped). */
export function parseReviewSearch(url: URL): ReviewSearch {
  return ReviewSearchSchema.parse(Object.fromEntries(url.searchParams))
}

const code = (c: ReviewMessageCode) => ({ message: c })

/** The review settings form: time zone, desired retention in percent, new cards per day. */
export const LearnerSettingsFormSchema = z
  .object({
    timeZone: z.string().refine(isValidTimeZone, code('time_zone_invalid')),
    desiredRetentionPercent: z.coerce
      .number(code('retention_out_of_range'))
      .int(code('retention_out_of_range'))
      .min(RETENTION_PERCENT_MIN, code('retention_out_of_range'))
      .max(RETENTION_PERCENT_MAX, code('retention_out_of_range')),
    newCardsPerDay: z.coerce
      .number(code('new_cards_out_of_range'))
      .int(code('new_cards_out_of_range'))
      .min(0, code('new_cards_out_of_range'))
      .max(NEW_CARDS_PER_DAY_MAX, code('new_cards_out_of_range')),
  })
  .transform(({ timeZone, desiredRetentionPercent, newCardsPerDay }) => ({
    timeZone,
    desiredRetention: desiredRetentionPercent / 100,
    newCardsPerDay,
  }))

/** Settings form failures: one code per field, and the values to echo back. */
export interface SettingsFormErrors {
  fields: Partial<Record<'timeZone' | 'desiredRetentionPercent' | 'newCardsPerDay', ReviewMessageCode>>
  values: Record<string, string>
}

/**
 * Validates the settings form.
 * @returns the settings to store, or the first error code per field with the submitted values.
 */
export function parseSettingsForm(
  formData: FormData,
):
  | { success: true; data: { timeZone: string; desiredRetention: number; newCardsPerDay: number } }
  | { success: false; errors: SettingsFormErrors } {
  const raw = singleValued(formData)
  const parsed = LearnerSettingsFormSchema.safeParse(raw)
  if (parsed.success) return { success: true, data: parsed.data }
  const fields: SettingsFormErrors['fields'] = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0]
    if (field === 'timeZone' || field === 'desiredRetentionPercent' || field === 'newCardsPerDay') {
      fields[field] ??= (issue.message as ReviewMessageCode) in codes ? (issue.message as ReviewMessageCode) : 'invalid_post'
    }
  }
  return { success: false, errors: { fields, values: raw } }
}

const codes: Record<string, true> = {
  time_zone_invalid: true,
  retention_out_of_range: true,
  new_cards_out_of_range: true,
  invalid_post: true,
}

/**
 * The display name of the "add this article's vocabulary" form when the reader has no learner yet, cleaned
 * and checked as everywhere (`display-name.ts`).
 * @returns the name, or the error code.
 */
export function parseDisplayName(formData: FormData): { success: true; name: string } | { success: false; code: ReviewMessageCode } {
  const raw = formData.get('displayName')
  return parseDisplayNameText(typeof raw === 'string' ? raw : '')
}

/** FormData as a plain object of its text fields (the first value of each name). */
function singleValued(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !(name in out)) out[name] = value
  }
  return out
}

/** Zod schemas for route parameters; a parameter that cannot name a record answers 404, not 400. */
import { z } from 'zod'
import { notFound } from './http.server'

/** An article slug as content/articles metadata defines it. */
export const SlugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) })

/** A cuid-like record id. */
export const AttemptParamsSchema = z.object({ attemptId: z.string().regex(/^[a-z0-9]{1,64}$/i) })

/**
 * Parses route params.
 * @throws a 404 `data()` response when they do not match.
 */
export function parseParams<T>(schema: z.ZodType<T>, params: unknown): T {
  const parsed = schema.safeParse(params)
  if (!parsed.success) throw notFound()
  return parsed.data
}

/** A class id (cuid). */
export const ClassParamsSchema = z.object({ classId: z.string().regex(/^[a-z0-9]{1,64}$/i) })

/** A teacher's article id (cuid). */
export const ArticleIdParamsSchema = z.object({ articleId: z.string().regex(/^[a-z0-9]{1,64}$/i) })

/** A teacher's article id and one of its items (generator ids: letters, digits, `:`, `-`, `_`). */
export const ArticleItemParamsSchema = ArticleIdParamsSchema.extend({ itemId: z.string().regex(/^[\w:.-]{1,200}$/) })

/** An assignment id (cuid). */
export const AssignmentParamsSchema = z.object({ assignmentId: z.string().regex(/^[a-z0-9]{1,64}$/i) })

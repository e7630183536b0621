/**
 * The question bank's JSON shape: the public contract of `npm run generate -- <file> --format json`
 * (documented in README.md). Extend it, never break it.
 *
 * Every `start`/`end` is a UTF-16 code-unit offset into the article text exactly as read, with
 * `text.slice(start, end) === reported text`.
 */
import { z } from 'zod'

export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
})
/** A run of the original text: UTF-16 offsets `[start, end)` and the text they slice. */
export type Span = z.infer<typeof SpanSchema>

export const SegmentKindSchema = z.enum(['title', 'body', 'caption', 'credit', 'boilerplate'])
export type SegmentKind = z.infer<typeof SegmentKindSchema>

export const EntityTypeSchema = z.enum(['person', 'place', 'organization', 'weapon', 'date', 'number'])
export type EntityType = z.infer<typeof EntityTypeSchema>

export const QuestionTypeSchema = z.enum(['mcq', 'true_false', 'cloze', 'short_answer', 'matching'])
export type QuestionType = z.infer<typeof QuestionTypeSchema>

export const SkillSchema = z.enum(['who', 'where', 'weapon', 'when', 'how_many', 'why', 'vocabulary'])
export type Skill = z.infer<typeof SkillSchema>

export const BankQuestionSchema = z.object({
  id: z.string().min(1),
  type: QuestionTypeSchema,
  skill: SkillSchema,
  /** Arabic stem; for true/false the statement to judge, for cloze the sentence with «_____». */
  stem: z.string().min(1),
  /** Options as shown; 4 for mcq and cloze, ["صح", "خطأ"] for true/false, [] for short answer. */
  options: z.array(z.string().min(1)),
  /** The correct option; for true/false "صح" or "خطأ". */
  key: z.string().min(1),
  /** Every surface form accepted as correct (the key and its spelling variants). */
  accepted: z.array(z.string().min(1)),
  evidence: SpanSchema,
  explanation: z.string().min(1),
  /** Id of the entity the key names, when the key is an entity. */
  entity_id: z.string().nullable().optional(),
  /**
   * Estimated difficulty before any learner answered: 0 (easy) to 1 (hard), from the item type, stem length
   * and skill; replaced by the measured facility index once responses exist.
   */
  difficulty: z.number().min(0).max(1).optional(),
})
export type BankQuestion = z.infer<typeof BankQuestionSchema>

export const BankVocabularySchema = z.object({
  id: z.string().min(1),
  surface: z.string().min(1),
  lemma: z.string().min(1),
  root: z.string().nullable(),
  gloss_en: z.string().min(1),
  evidence: SpanSchema,
  /** UTF-16 offsets of the surface form inside the original text (within `evidence`). */
  term: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
})
export type BankVocabulary = z.infer<typeof BankVocabularySchema>

export const BankSchema = z.object({
  article: z.object({
    title: z.string().nullable(),
    segments: z.array(
      z.object({ kind: SegmentKindSchema, start: z.number().int(), end: z.number().int() }),
    ),
    sentences: z.array(
      z.object({ id: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() }),
    ),
  }),
  entities: z.array(
    z.object({
      id: z.string(),
      type: EntityTypeSchema,
      canonical: z.string().min(1),
      mentions: z.array(SpanSchema),
    }),
  ),
  questions: z.array(BankQuestionSchema),
  vocabulary: z.array(BankVocabularySchema),
})
/** The whole bank for one article. */
export type Bank = z.infer<typeof BankSchema>

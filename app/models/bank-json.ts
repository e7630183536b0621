/**
 * Zod schemas for the JSON columns of Article and Question (SQLite stores them as TEXT), reusing the
 * generator's bank contract so the database holds exactly what `generateBank` produced.
 */
import { z } from 'zod'
import { BankSchema, type BankQuestion, type BankVocabulary } from '~/generator/schema'
import { locateTerm } from './card-faces'
import { DataIntegrityError } from './errors'

export const SegmentsSchema = BankSchema.shape.article.shape.segments
/** `[{ kind, start, end }]`, UTF-16 offsets into the article text. */
export type Segments = z.infer<typeof SegmentsSchema>

export const SentencesSchema = BankSchema.shape.article.shape.sentences
/** `[{ id, start, end, text }]`, UTF-16 offsets into the article text. */
export type Sentences = z.infer<typeof SentencesSchema>

/** Question `options` and `accepted`: JSON arrays of strings. */
export const StringListSchema = z.array(z.string())

/**
 * Parses a JSON column and validates it.
 * @param schema the shape the column must hold.
 * @param raw the stored TEXT.
 * @param label names the column in the error, e.g. `Question q1 options`.
 * @throws DataIntegrityError when the text is not JSON or does not match the schema.
 */
export function parseJsonColumn<T>(schema: z.ZodType<T>, raw: string, label: string): T {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new DataIntegrityError(`${label}: not valid JSON`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new DataIntegrityError(`${label}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  return parsed.data
}

/**
 * The Question columns a bank question fills (the generator's content, without article, position, quiz
 * position or review state, which the caller sets). `options` and `accepted` become JSON text.
 */
export function questionColumns(q: BankQuestion) {
  return {
    type: q.type,
    skill: q.skill,
    stem: q.stem,
    options: JSON.stringify(q.options),
    key: q.key,
    accepted: JSON.stringify(q.accepted),
    evidenceStart: q.evidence.start,
    evidenceEnd: q.evidence.end,
    evidenceText: q.evidence.text,
    explanation: q.explanation,
  }
}

/**
 * The VocabularyItem columns a bank vocabulary card fills. The term's UTF-16 offsets come from the bank;
 * a bank without them (older generator output) gets the first occurrence of the surface in the evidence.
 */
export function vocabularyColumns(v: BankVocabulary) {
  const term = v.term ?? locateTerm(v.evidence, v.surface)
  return {
    surface: v.surface,
    lemma: v.lemma,
    root: v.root,
    glossEn: v.gloss_en,
    evidenceStart: v.evidence.start,
    evidenceEnd: v.evidence.end,
    evidenceText: v.evidence.text,
    termStart: term.start,
    termEnd: term.end,
  }
}

/**
 * Zod schemas for the JSON columns of Article and Question (SQLite stores them as TEXT), reusing the
 * generator's bank contract so the database holds exactly what `generateBank` produced.
 */
import { z } from 'zod'
import { BankQuestionSchema, BankSchema, type BankQuestion, type BankVocabulary } from '~/generator/schema'
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

/** Prisma `select` of a Question's id and the columns {@link questionColumns} fills: what {@link questionFromColumns} reads. */
export const questionContentSelect = {
  id: true,
  type: true,
  skill: true,
  stem: true,
  options: true,
  key: true,
  accepted: true,
  evidenceStart: true,
  evidenceEnd: true,
  evidenceText: true,
  explanation: true,
} as const

/**
 * The inverse of {@link questionColumns}: a stored Question row as the generator's bank question, for the
 * exports (GIFT, Moodle XML) that take bank questions.
 * @param row the Question columns (options and accepted as stored JSON text).
 * @returns the bank question (no `entity_id`, no `difficulty`: not stored).
 * @throws DataIntegrityError when a JSON column or the type or skill does not match the bank contract.
 */
export function questionFromColumns(row: {
  id: string
  type: string
  skill: string
  stem: string
  options: string
  key: string
  accepted: string
  evidenceStart: number
  evidenceEnd: number
  evidenceText: string
  explanation: string
}): BankQuestion {
  const parsed = BankQuestionSchema.safeParse({
    id: row.id,
    type: row.type,
    skill: row.skill,
    stem: row.stem,
    options: parseJsonColumn(StringListSchema, row.options, `Question ${row.id} options`),
    key: row.key,
    accepted: parseJsonColumn(StringListSchema, row.accepted, `Question ${row.id} accepted`),
    evidence: { start: row.evidenceStart, end: row.evidenceEnd, text: row.evidenceText },
    explanation: row.explanation,
  })
  if (!parsed.success) throw new DataIntegrityError(`Question ${row.id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  return parsed.data
}

/** Prisma `select` of a VocabularyItem's id and the columns {@link vocabularyColumns} fills: what {@link vocabularyFromColumns} reads. */
export const vocabularyContentSelect = {
  id: true,
  surface: true,
  lemma: true,
  root: true,
  glossEn: true,
  evidenceStart: true,
  evidenceEnd: true,
  evidenceText: true,
  termStart: true,
  termEnd: true,
} as const

/**
 * The inverse of {@link vocabularyColumns}: a stored VocabularyItem row as the generator's bank vocabulary
 * entry (the term's offsets included when stored), for the Anki export.
 */
export function vocabularyFromColumns(row: {
  id: string
  surface: string
  lemma: string
  root: string | null
  glossEn: string
  evidenceStart: number
  evidenceEnd: number
  evidenceText: string
  termStart: number | null
  termEnd: number | null
}): BankVocabulary {
  return {
    id: row.id,
    surface: row.surface,
    lemma: row.lemma,
    root: row.root,
    gloss_en: row.glossEn,
    evidence: { start: row.evidenceStart, end: row.evidenceEnd, text: row.evidenceText },
    ...(row.termStart !== null && row.termEnd !== null ? { term: { start: row.termStart, end: row.termEnd } } : {}),
  }
}

/**
 * Reads and validates the lexicons in `content/lexicon/` and the article metadata in `content/articles/`.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import {
  ArticleMetaSchema,
  TriggersSchema,
  lexiconFiles,
  type ArticleMeta,
  type Lexicon,
} from './schema'

/** Raised when a content file is missing, is not JSON, or has an entry that fails its schema. */
export class ContentError extends Error {
  override name = 'ContentError'
}

/** Default content folder: `<project>/content`, resolved from the working directory. */
export const defaultContentDir = path.resolve(process.cwd(), 'content')

function readJson(file: string): unknown {
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch (err) {
    throw new ContentError(`${file}: cannot be read (${(err as Error).message})`)
  }
  try {
    return JSON.parse(raw)
  } catch (err) {
    throw new ContentError(`${file}: not valid JSON (${(err as Error).message})`)
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issue.path.length ? issue.path.join('.') : '(entry)'}: ${issue.message}`
}

/**
 * Validates an array file entry by entry, so the error names the offending entry.
 * @throws ContentError `"<file>: entry <i> (<id>): <field>: <message>"`.
 */
function parseEntries<T>(file: string, schema: z.ZodType<T>, data: unknown): T[] {
  if (!Array.isArray(data)) throw new ContentError(`${file}: expected a JSON array of entries`)
  const seen = new Set<string>()
  return data.map((entry, i) => {
    const parsed = schema.safeParse(entry)
    const label = `entry ${i}${entry && typeof entry === 'object' && 'id' in entry ? ` (${String((entry as { id: unknown }).id)})` : ''}`
    if (!parsed.success) {
      throw new ContentError(`${file}: ${label}: ${parsed.error.issues.map(describeIssue).join('; ')}`)
    }
    const id = (parsed.data as { id?: string }).id
    if (id !== undefined) {
      if (seen.has(id)) throw new ContentError(`${file}: ${label}: duplicate id "${id}"`)
      seen.add(id)
    }
    return parsed.data
  })
}

/**
 * Loads every lexicon file of `content/lexicon/` and validates it.
 * @param dir the lexicon folder (default `content/lexicon` under the working directory).
 * @returns the lexicon the generator takes.
 * @throws ContentError naming the file and the offending entry when a file is missing, not JSON or invalid.
 */
export function loadLexicon(dir = path.join(defaultContentDir, 'lexicon')): Lexicon {
  const out: Partial<Lexicon> = {}
  for (const [key, { file, schema }] of Object.entries(lexiconFiles)) {
    const full = path.join(dir, file)
    ;(out as Record<string, unknown>)[key] = parseEntries(full, schema as z.ZodType<unknown>, readJson(full))
  }
  const triggersFile = path.join(dir, 'triggers.json')
  const triggers = TriggersSchema.safeParse(readJson(triggersFile))
  if (!triggers.success) {
    throw new ContentError(`${triggersFile}: ${triggers.error.issues.map(describeIssue).join('; ')}`)
  }
  out.triggers = triggers.data
  return out as Lexicon
}

/** An article of `content/articles/`: its metadata and its text exactly as stored. */
export interface ContentArticle {
  meta: ArticleMeta
  text: string
}

/**
 * Loads every `*.meta.json` in `content/articles/` with the text file it names.
 * @returns articles sorted by file name.
 * @throws ContentError when a metadata file is invalid or its text file is missing.
 */
export function loadArticles(dir = path.join(defaultContentDir, 'articles')): ContentArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.meta.json'))
    .sort()
    .map((f) => {
      const full = path.join(dir, f)
      const parsed = ArticleMetaSchema.safeParse(readJson(full))
      if (!parsed.success) {
        throw new ContentError(`${full}: ${parsed.error.issues.map(describeIssue).join('; ')}`)
      }
      let text: string
      try {
        text = readFileSync(path.join(dir, parsed.data.file), 'utf8')
      } catch {
        throw new ContentError(`${full}: text file ${parsed.data.file} not found`)
      }
      return { meta: parsed.data, text }
    })
}

/**
 * Test support for the generator: the shared sample articles and their reference annotations
 * (`../shared/articles/*.expected.json`, see their README). Used by tests only.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const SAMPLE_DIR = path.resolve(process.cwd(), '../shared/articles')
export const SAMPLES = ['00-putin-kim-vostochny', '01-xi-moscow-visit', '02-shahed-drones-kyiv', '03-hwasong18-test'] as const

/** A reference annotation: the fields the tests read. */
export interface Expected {
  title?: string
  boilerplate: string[]
  caption?: string
  entities: Record<'person' | 'place' | 'organization' | 'weapon', Array<{ canonical: string; variants: string[] }>> & {
    date: string[]
    number: string[]
  }
  facts: Array<{ type: string; question_en: string; answer: string; acceptable?: string[] }>
}

/** The article text exactly as stored and its annotation. */
export function loadSample(name: string): { text: string; expected: Expected } {
  return {
    text: readFileSync(path.join(SAMPLE_DIR, `${name}.ar.txt`), 'utf8'),
    expected: JSON.parse(readFileSync(path.join(SAMPLE_DIR, `${name}.expected.json`), 'utf8')) as Expected,
  }
}

/** Every `[start, end)` where `needle` occurs in `text`. */
export function spansOf(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push([i, i + needle.length])
  return out
}

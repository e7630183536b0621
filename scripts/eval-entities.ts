/**
 * `npm run eval:entities` — entity recognition measured against the reference annotations in
 * `../shared/articles/*.expected.json`: precision and recall per type, split errors (one gold entity found
 * as several) and merge errors (one found entity covering several gold ones), then recall with the person
 * and place lexicons switched off (how far the rules alone carry an unseen article).
 *
 * Matching follows `../shared/tools/score-bank.py`: a gold entity is found when a mention overlaps one of
 * its variants' occurrences; a found entity is correct when one of its mentions overlaps a gold span.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { recognizeEntities, type FoundEntity } from '../app/generator/entities/recognize'
import { listed } from '../app/generator/index'
import { segmentText } from '../app/generator/text/segments'
import { splitSentences } from '../app/generator/text/sentences'
import { loadLexicon } from '../app/lexicon/load.server'

const dir = path.resolve(process.argv[2] ?? '../shared/articles')
const TYPES = ['person', 'place', 'organization', 'weapon'] as const
const lexicon = loadLexicon()

function spansOf(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push([i, i + needle.length])
  return out
}
const overlaps = (a: [number, number], m: { start: number; end: number }) => a[0] < m.end && m.start < a[1]

function score(text: string, gold: Array<{ variants: string[] }>, found: FoundEntity[]) {
  const goldSpans = gold.map((g) => g.variants.flatMap((v) => spansOf(text, v)))
  let recalled = 0
  let splits = 0
  for (const spans of goldSpans) {
    const hits = found.filter((e) => e.mentions.some((m) => spans.some((s) => overlaps(s, m))))
    if (hits.length) recalled++
    splits += Math.max(0, hits.length - 1)
  }
  let correct = 0
  let merges = 0
  const wrong: string[] = []
  for (const e of found) {
    const g = goldSpans.filter((spans) => e.mentions.some((m) => spans.some((s) => overlaps(s, m)))).length
    if (g) correct++
    else wrong.push(e.canonical)
    merges += Math.max(0, g - 1)
  }
  return {
    recall: gold.length ? recalled / gold.length : null,
    precision: found.length ? correct / found.length : gold.length ? 0 : null,
    splits,
    merges,
    wrong,
  }
}

const fmt = (x: number | null) => (x === null ? '  –  ' : x.toFixed(2).padStart(5))
const rows: string[] = []
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ar.txt')).sort()) {
  const text = readFileSync(path.join(dir, file), 'utf8')
  const expectedFile = path.join(dir, file.replace(/\.ar\.txt$/, '.expected.json'))
  let expected: { entities: Record<string, Array<{ variants: string[] }>> }
  try {
    expected = JSON.parse(readFileSync(expectedFile, 'utf8'))
  } catch {
    continue
  }
  const segments = segmentText(text)
  const sentences = splitSentences(text, segments)
  // as the bank lists them: parties to the story and generic weapon words are not listed
  const all = recognizeEntities(text, segments, sentences, lexicon).filter((e) => listed(e, lexicon))
  const rulesOnly = recognizeEntities(text, segments, sentences, lexicon, { rulesOnly: true }).filter((e) => listed(e, lexicon))
  rows.push(`\n${file}`)
  rows.push('  type           recall  precision  splits  merges  rules-only recall   not in the annotation')
  for (const type of TYPES) {
    const gold = expected.entities[type] ?? []
    const s = score(text, gold, all.filter((e) => e.type === type))
    const r = score(text, gold, rulesOnly.filter((e) => e.type === type))
    rows.push(
      `  ${type.padEnd(13)} ${fmt(s.recall)}   ${fmt(s.precision)}     ${String(s.splits).padStart(3)}     ${String(s.merges).padStart(3)}        ${fmt(r.recall)}          ${s.wrong.join('، ')}`,
    )
  }
}
process.stdout.write(`${rows.join('\n').trim()}\n`)

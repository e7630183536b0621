/**
 * CLI: `npm run -s generate -- <article file> [--format json|table|gift] [--quiz] [--key <slug>]`
 *
 * Prints the question bank of one article: JSON (the public contract, see README), a readable table, or
 * Moodle GIFT (importable into Moodle's question bank).
 * Exits 1 with a one-line reason when the file is missing, empty, not UTF-8 or has no Arabic text; 2 on
 * bad arguments.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ArticleInputError, assertArticleText, generate } from '../app/generator/index'
import { ContentError, loadLexicon } from '../app/lexicon/load.server'
import { ArticleMetaSchema } from '../app/lexicon/schema'
import { bankToGift } from '../app/generator/export/gift'

function fail(message: string, code = 1): never {
  process.stderr.write(`generate: ${message}\n`)
  process.exit(code)
}

const args = process.argv.slice(2)
let format = 'json'
let key: string | undefined
let quizOnly = false
const files: string[] = []
for (let i = 0; i < args.length; i++) {
  const a = args[i]!
  if (a === '--format') format = args[++i] ?? ''
  else if (a.startsWith('--format=')) format = a.slice('--format='.length)
  else if (a === '--key') key = args[++i]
  else if (a === '--quiz') quizOnly = true
  else if (a === '--help' || a === '-h') {
    process.stdout.write('usage: npm run -s generate -- <article.txt> [--format json|table|gift] [--quiz] [--key slug]\n')
    process.exit(0)
  } else if (a.startsWith('--')) fail(`unknown option ${a}`, 2)
  else files.push(a)
}
if (files.length !== 1) fail('give exactly one article file (usage: npm run -s generate -- <article.txt> [--format json|table|gift] [--quiz] [--key slug])', 2)
if (!['json', 'table', 'gift'].includes(format)) fail(`unknown format "${format}" (json, table or gift)`, 2)

const file = files[0]!
let bytes: Buffer
try {
  bytes = readFileSync(file)
} catch (err) {
  fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
}
let text: string
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
} catch {
  fail(`${file} is not UTF-8 text`)
}
try {
  assertArticleText(text)
} catch (err) {
  if (err instanceof ArticleInputError) fail(`${file}: ${err.message}`)
  throw err
}

let lexicon
try {
  lexicon = loadLexicon()
} catch (err) {
  if (err instanceof ContentError) fail(err.message)
  throw err
}
// The article key: the slug of a metadata file beside the article (as the app seeds it), else the file name.
const base = path.basename(file).replace(/(?:\.ar)?\.[^.]+$/, '')
const metaFile = path.join(path.dirname(file), `${base}.meta.json`)
let slug: string | undefined
if (existsSync(metaFile)) {
  try {
    slug = ArticleMetaSchema.parse(JSON.parse(readFileSync(metaFile, 'utf8'))).slug
  } catch {
    fail(`${metaFile}: not a valid article metadata file`)
  }
}
const articleKey = key ?? slug ?? base
const result = generate(text, lexicon, { articleKey })

if (format === 'json') {
  const bank = quizOnly ? { ...result.bank, questions: result.quiz.map((id) => result.bank.questions.find((q) => q.id === id)!) } : result.bank
  process.stdout.write(`${JSON.stringify(bank, null, 2)}\n`)
} else if (format === 'gift') {
  process.stdout.write(bankToGift(result.bank, articleKey, quizOnly ? result.quiz : undefined))
} else {
  const out: string[] = []
  const { bank } = result
  out.push(`title: ${bank.article.title ?? '(none)'}`)
  out.push(`segments: ${bank.article.segments.map((s) => s.kind).join(', ')}`)
  out.push(`sentences: ${bank.article.sentences.length}   candidates: ${result.candidates}   rejected: ${JSON.stringify(result.rejected)}`)
  out.push('', 'ENTITIES')
  for (const e of bank.entities) out.push(`  ${e.type.padEnd(12)} ${e.canonical}  ×${e.mentions.length}  [${[...new Set(e.mentions.map((m) => m.text))].join(' | ')}]`)
  out.push('', `QUESTIONS (${bank.questions.length}; * = default quiz)`)
  for (const q of bank.questions) {
    out.push(`${result.quiz.includes(q.id) ? '*' : ' '} ${q.id}  ${q.type}/${q.skill}`)
    out.push(`    ${q.stem}`)
    if (q.options.length) out.push(`    options: ${q.options.map((o) => (o === q.key ? `[${o}]` : o)).join(' · ')}`)
    else out.push(`    key: ${q.key}   accepted: ${q.accepted.join(' · ')}`)
  }
  out.push('', `VOCABULARY (${bank.vocabulary.length})`)
  for (const v of bank.vocabulary) out.push(`  ${v.surface}  (${v.lemma}${v.root ? `, ${v.root}` : ''}) — ${v.gloss_en}`)
  process.stdout.write(`${out.join('\n')}\n`)
}

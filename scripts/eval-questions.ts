/**
 * `npm run eval:questions [folder …]` — question-bank quality per article against its reference annotation
 * (`*.expected.json` beside each `*.ar.txt`; default folder `../shared/articles`): counts by type and skill,
 * validator rejections by reason, emitted items failing the validator (must be 0), and coverage of the key
 * facts. A fact is covered when some emitted item's key or accepted answers match the fact's answer or an
 * acceptable form after normalisation (equality, containment, or ≥ 60% shared light-stemmed words — the
 * rule of `../shared/tools/score-bank.py`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { generate } from '../app/generator/index'
import { validateItem } from '../app/generator/questions/validate'
import { loadLexicon } from '../app/lexicon/load.server'
import { missedFacts, type Fact } from './lib/coverage'

const folders = process.argv.slice(2).length ? process.argv.slice(2) : ['../shared/articles']
const lexicon = loadLexicon()

let worst = 1
const lines: string[] = []
for (const folder of folders) {
  const dir = path.resolve(folder)
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ar.txt')).sort()) {
    const expectedFile = path.join(dir, file.replace(/\.ar\.txt$/, '.expected.json'))
    if (!existsSync(expectedFile)) continue
    const text = readFileSync(path.join(dir, file), 'utf8')
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as { facts: Fact[] }
    const r = generate(text, lexicon, { articleKey: file })
    const qs = r.bank.questions
    const byType: Record<string, number> = {}
    const bySkill: Record<string, number> = {}
    for (const q of qs) {
      byType[q.type] = (byType[q.type] ?? 0) + 1
      bySkill[q.skill] = (bySkill[q.skill] ?? 0) + 1
    }
    const failing = qs.filter((q) => validateItem(q, text, r.analysis.segments).length > 0).length
    const missed = missedFacts(r.bank, expected.facts)
    const coverage = expected.facts.length ? 1 - missed.length / expected.facts.length : 1
    worst = Math.min(worst, coverage)
    lines.push(`\n${path.relative(process.cwd(), path.join(dir, file))}`)
    lines.push(`  items ${qs.length} (quiz ${r.quiz.length}, vocabulary cards ${r.bank.vocabulary.length}); candidates ${r.candidates}`)
    lines.push(`  by type   ${Object.entries(byType).map(([k, v]) => `${k} ${v}`).join(', ')}`)
    lines.push(`  by skill  ${Object.entries(bySkill).map(([k, v]) => `${k} ${v}`).join(', ')}`)
    lines.push(`  rejected  ${Object.entries(r.rejected).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`)
    lines.push(`  emitted items failing the validator: ${failing}`)
    lines.push(`  fact coverage ${(coverage * 100).toFixed(0)}% (${expected.facts.length - missed.length}/${expected.facts.length})`)
    for (const f of missed) lines.push(`    missed: ${f.type} — ${f.question_en} (${f.answer})`)
  }
}
lines.push(`\nlowest fact coverage: ${(worst * 100).toFixed(0)}% (target ≥ 80%)`)
process.stdout.write(`${lines.join('\n').trim()}\n`)

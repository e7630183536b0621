/**
 * `npm run bench:text` — throughput of the text core (segments, sentences, tokens, entities, vocabulary
 * terms) on a ~1 MB corpus built by repeating the sample articles (each copy a separate article, so
 * per-article work such as the caption search is paid again). Prints the median of repeated runs in KB/s
 * (1 KB = 1024 bytes of UTF-8). Figures go to BENCHMARKS.md.
 */
import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { recognizeEntities } from '../app/generator/entities/recognize'
import { segmentText } from '../app/generator/text/segments'
import { splitSentences } from '../app/generator/text/sentences'
import { tokenize } from '../app/generator/text/tokens'
import { findTerms } from '../app/generator/vocabulary/find-terms'
import { loadLexicon } from '../app/lexicon/load.server'

const dir = path.resolve('../shared/articles')
const samples = readdirSync(dir).filter((f) => f.endsWith('.ar.txt')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'))
const lexicon = loadLexicon()
const corpus: string[] = []
let bytes = 0
for (let i = 0; bytes < 1024 * 1024; i++) {
  const t = samples[i % samples.length]!
  corpus.push(t)
  bytes += Buffer.byteLength(t, 'utf8')
}

function runOnce(): number {
  const t0 = performance.now()
  for (const text of corpus) {
    const segments = segmentText(text)
    const sentences = splitSentences(text, segments)
    for (const s of sentences) tokenize(text, s.start, s.end)
    recognizeEntities(text, segments, sentences, lexicon)
    findTerms(text, sentences, lexicon)
  }
  return performance.now() - t0
}

runOnce() // warm-up (JIT, lexicon indexes)
const runs = Number(process.env.RUNS ?? 7)
const times = Array.from({ length: runs }, runOnce).sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)]!
const kb = bytes / 1024
console.log(`text core on ${corpus.length} articles, ${kb.toFixed(0)} KB of UTF-8 (${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version})`)
console.log(`median ${median.toFixed(0)} ms over ${runs} runs → ${(kb / (median / 1000)).toFixed(0)} KB/s (min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms)`)

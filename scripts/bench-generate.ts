/**
 * `npm run bench:generate` — time to generate the whole bank (all stages, validation, ranking, quiz) per
 * sample article: median over repeated runs in ms, and articles per second. Figures go to BENCHMARKS.md.
 */
import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generate } from '../app/generator/index'
import { loadLexicon } from '../app/lexicon/load.server'

const dir = path.resolve('../shared/articles')
const lexicon = loadLexicon()
const runs = Number(process.env.RUNS ?? 50)
console.log(`generate() per article, median of ${runs} runs after 10 warm-up runs (${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version})`)
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ar.txt')).sort()) {
  const text = readFileSync(path.join(dir, file), 'utf8')
  for (let i = 0; i < 10; i++) generate(text, lexicon, { articleKey: file })
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    generate(text, lexicon, { articleKey: file })
    const c = process.cpuUsage(c0)
    times.push(performance.now() - t0)
    cpu.push((c.user + c.system) / 1000)
  }
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  // CPU time (user + system) is printed beside wall time: it is less disturbed by other work on the cores
  console.log(`${file.padEnd(34)} ${String(text.length).padStart(6)} chars  median ${median.toFixed(1).padStart(6)} ms (cpu ${cpu[Math.floor(cpu.length / 2)]!.toFixed(1)} ms)  p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(1).padStart(6)} ms  ${(1000 / median).toFixed(0).padStart(4)} articles/s`)
}

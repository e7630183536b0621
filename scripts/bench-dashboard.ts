/**
 * `npm run bench:dashboard` — how fast a teacher's class insight loads for a large class.
 *
 * 1. Builds a temporary SQLite file (in the OS temp directory, removed at the end; never the dev database)
 *    from prisma/migrations and bulk-inserts, with better-sqlite3 prepared statements in one transaction:
 *    one teacher, one class of 1,000 students, one article with 40 items (multiple choice, four options,
 *    six skills) assigned to the class, one attempt per student answering every item (40,000 responses;
 *    answers drawn from a two-parameter logistic model so the statistics are realistic), and 10 review
 *    cards with 10 review logs per student for the retention view.
 * 2. Loads the app's own model functions against that file and times, after warm-up runs: the assignment
 *    dashboard with its item analysis (`getAssignmentInsight`, what the dashboard route loader and both CSV
 *    exports call), the item-analysis SQL alone (the per-item and per-answer GROUP BYs), and the class
 *    overview with the skill and retention views (`getClassInsight`). Prints medians and 95th percentiles.
 * 3. Prints SQLite's EXPLAIN QUERY PLAN of every statement one dashboard load sends.
 *
 * Environment: `BENCH_STUDENTS` (default 1000), `BENCH_ITEMS` (default 40), `BENCH_SAMPLES` (default 30),
 * `BENCH_KEEP=1` keeps the temporary database (its path is printed) for looking at query plans by hand.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '../app/generated/prisma/client'
import { useWriteAheadLog } from '../app/utils/sqlite.server'
import { prng, sqlDate } from './lib/bench-data'

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1000)
const ITEMS = Number(process.env.BENCH_ITEMS ?? 40)
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30)
const CARDS = 10
const SKILLS = ['who', 'where', 'weapon', 'when', 'how_many', 'vocabulary']
const OPTIONS = ['أ', 'ب', 'ج', 'د']
const DAY = 86_400_000
const now = new Date()
const dir = mkdtempSync(path.join(os.tmpdir(), 'fahm-bench-dashboard-'))
const file = path.join(dir, 'bench.db')

function build(): { classId: string; assignmentId: string; teacherId: string } {
  const db = new Database(file)
  const migrationsDir = path.resolve('prisma/migrations')
  for (const name of readdirSync(migrationsDir).filter((n) => statSync(path.join(migrationsDir, n)).isDirectory()).sort()) {
    db.exec(readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'))
  }
  const random = prng(42)
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const stamp = sqlDate(now.getTime() - 30 * DAY)
  const started = performance.now()
  const questionIds = Array.from({ length: ITEMS }, (_, i) => `bq${i}`)
  db.transaction(() => {
    db.prepare(`INSERT INTO Teacher (id, email, passwordHash, displayName, timeZone, createdAt) VALUES ('bt', 'bench@example.org', 'x', 'Bench', 'UTC', ?)`).run(stamp)
    db.prepare(`INSERT INTO Classroom (id, teacherId, name, joinCode, createdAt) VALUES ('bc', 'bt', 'Bench class', 'BENCHCDE', ?)`).run(stamp)
    db.prepare(
      `INSERT INTO Article (id, slug, titleAr, titleEn, outlet, publishedOn, language, text, segments, sentences, ownerId, createdAt, updatedAt)
       VALUES ('ba', 'bench', 'مقال', 'Article', 'Bench', '2026-01-01', 'ar', 'نص', '[]', '[]', 'bt', ?, ?)`,
    ).run(stamp, stamp)
    const insertQuestion = db.prepare(
      `INSERT INTO Question (id, articleId, type, skill, stem, options, key, accepted, evidenceStart, evidenceEnd, evidenceText, explanation, position, quizPosition, retired, status)
       VALUES (?, 'ba', 'mcq', ?, ?, ?, 'أ', '["أ"]', 0, 2, 'نص', '', ?, ?, 0, 'approved')`,
    )
    questionIds.forEach((id, i) => insertQuestion.run(id, SKILLS[i % SKILLS.length]!, `سؤال ${i}`, JSON.stringify(OPTIONS), i, i))
    db.prepare(
      `INSERT INTO Assignment (id, classroomId, articleId, questionIds, mode, attemptsAllowed, createdAt) VALUES ('bs', 'bc', 'ba', ?, 'test', 1, ?)`,
    ).run(JSON.stringify(questionIds), stamp)
    const insertLearner = db.prepare(`INSERT INTO Learner (id, displayName, createdAt, classroomId) VALUES (?, ?, ?, 'bc')`)
    const insertAttempt = db.prepare(
      `INSERT INTO Attempt (id, learnerId, articleId, score, total, submittedAt, startedAt, assignmentId) VALUES (?, ?, 'ba', ?, ?, ?, ?, 'bs')`,
    )
    const insertResponse = db.prepare(`INSERT INTO Response (id, attemptId, questionId, answer, correct) VALUES (?, ?, ?, ?, ?)`)
    const insertCard = db.prepare(
      `INSERT INTO Card (id, learnerId, direction, questionId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, version, createdAt)
       VALUES (?, ?, 'question', ?, ?, 20, 5, 10, ?, 0, 3, 0, ?, ?, 3, ?)`,
    )
    const insertLog = db.prepare(
      `INSERT INTO ReviewLog (id, cardId, learnerId, cardVersion, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, review, source)
       VALUES (?, ?, ?, ?, ?, 2, ?, 20, 5, 10, 0, ?, 0, ?, 'self')`,
    )
    const difficulty = questionIds.map(() => normal())
    for (let s = 0; s < STUDENTS; s++) {
      const learnerId = `bl${s}`
      insertLearner.run(learnerId, `طالب ${s}`, stamp)
      const ability = normal()
      const answers = difficulty.map((b) => {
        const correct = random() < 1 / (1 + Math.exp(-1.7 * (ability - b)))
        // Wrong answers favour the first distractor; the last is rarely chosen.
        const r = random()
        return { correct, answer: correct ? 'أ' : r < 0.6 ? 'ب' : r < 0.97 ? 'ج' : 'د' }
      })
      const score = answers.filter((a) => a.correct).length
      const submitted = now.getTime() - Math.floor(random() * 7 * DAY)
      const attemptId = `ba${s}`
      insertAttempt.run(attemptId, learnerId, score, ITEMS, sqlDate(submitted), sqlDate(submitted - (5 + random() * 20) * 60_000))
      answers.forEach((a, i) => insertResponse.run(`br${s}_${i}`, attemptId, questionIds[i]!, a.answer, a.correct ? 1 : 0))
      for (let c = 0; c < CARDS; c++) {
        const cardId = `bk${s}_${c}`
        const scheduled = Math.floor(random() * 40)
        insertCard.run(cardId, learnerId, questionIds[c]!, sqlDate(now.getTime() + (random() * 20 - 5) * DAY), scheduled, 2, sqlDate(now.getTime() - scheduled * DAY), stamp)
        const reviewed = now.getTime() - random() * 30 * DAY
        insertLog.run(`bg${s}_${c}`, cardId, learnerId, 2, random() < 0.1 ? 1 : 3, sqlDate(reviewed), scheduled, sqlDate(reviewed))
      }
    }
  })()
  db.close()
  console.log(
    `built ${file}: ${STUDENTS.toLocaleString('en')} students × ${ITEMS} items = ${(STUDENTS * ITEMS).toLocaleString('en')} responses, ` +
      `${(STUDENTS * CARDS).toLocaleString('en')} cards and review logs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  return { classId: 'bc', assignmentId: 'bs', teacherId: 'bt' }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!
}

/**
 * Times a call: median and 95th percentile of wall time, and the median CPU time of the process (user +
 * system), which stays meaningful when other work shares the cores (then wall time ≫ CPU time).
 */
async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) await run() // warm-up: statement caches, ICU collators
  const ms: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const c = process.cpuUsage()
    const t = performance.now()
    await run()
    ms.push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpu.push((used.user + used.system) / 1000)
  }
  console.log(
    `${label.padEnd(62)} median ${percentile(ms, 0.5).toFixed(1)} ms (p95 ${percentile(ms, 0.95).toFixed(1)} ms), CPU ${percentile(cpu, 0.5).toFixed(1)} ms`,
  )
}

async function main(): Promise<void> {
  const { classId, assignmentId, teacherId } = build()
  process.env.DATABASE_URL = `file:${file}`
  useWriteAheadLog(`file:${file}`)
  const captured: { query: string; params: string }[] = []
  let capturing = false
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }), log: [{ emit: 'event', level: 'query' }] })
  client.$on('query', (e) => {
    if (capturing) captured.push({ query: e.query, params: e.params })
  })
  ;(globalThis as { __fahmPrisma?: PrismaClient }).__fahmPrisma = client
  const { getAssignmentInsight } = await import('../app/models/insight/assignment-insight.server')
  const { getClassInsight } = await import('../app/models/insight/class-insight.server')
  const { countedAttemptsSql } = await import('../app/models/insight/queries.server')
  const { Prisma } = await import('../app/generated/prisma/client')

  const view = { basis: 'first' as const, sort: 'score' as const, dir: 'desc' as const, q: '' }
  console.log(
    `\nmachine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, node ${process.version}, ` +
      `load average ${os.loadavg()[0]!.toFixed(1)}; ${SAMPLES} samples each`,
  )
  await time('assignment dashboard + item analysis (getAssignmentInsight)', () => getAssignmentInsight(teacherId, classId, assignmentId, view))
  await time('  same, best attempt', () => getAssignmentInsight(teacherId, classId, assignmentId, { ...view, basis: 'best' }))
  const counted = countedAttemptsSql({ assignmentId }, 'first')
  await time('  item-analysis SQL alone (per item and answer: counts and sums)', () =>
    client.$queryRaw(Prisma.sql`SELECT r.questionId, r.answer, COUNT(*), SUM(r.correct), SUM(sel.score - r.correct),
      SUM((sel.score - r.correct) * (sel.score - r.correct)), SUM(r.correct * (sel.score - r.correct))
      FROM (${counted}) sel JOIN Response r ON r.attemptId = sel.id GROUP BY r.questionId, r.answer`),
  )
  await time('class overview + skills + retention (getClassInsight)', () => getClassInsight(teacherId, classId, view, now))

  const check = await getAssignmentInsight(teacherId, classId, assignmentId, view)
  console.log(
    `\ncheck: ${check.students.length} students, mean ${check.summary.mean?.toFixed(1)} %, SD ${check.summary.sd?.toFixed(1)}, ` +
      `${check.items.length} items, facility ${Math.min(...check.items.map((i) => i.facility ?? 1)).toFixed(2)}–${Math.max(...check.items.map((i) => i.facility ?? 0)).toFixed(2)}, ` +
      `${check.items.filter((i) => i.flags.length > 0).length} flagged`,
  )

  capturing = true
  await getAssignmentInsight(teacherId, classId, assignmentId, view)
  capturing = false
  await client.$disconnect()
  const db = new Database(file, { readonly: true })
  console.log('\nEXPLAIN QUERY PLAN of every statement of one dashboard load:')
  for (const { query, params } of captured) {
    if (!/^\s*(SELECT|WITH)/i.test(query)) continue
    const values = (JSON.parse(params) as unknown[]).map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : v))
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...(values as (string | number | null)[])) as { detail: string }[]
    console.log(`\n  ${query.replace(/`main`\./g, '').replace(/`/g, '').replace(/\s+/g, ' ').slice(0, 200)} …`)
    for (const { detail } of plan) console.log(`    ${detail}`)
  }
  db.close()
  if (process.env.BENCH_KEEP === '1') console.log(`\nkept ${file}`)
  else rmSync(dir, { recursive: true, force: true })
}

await main()

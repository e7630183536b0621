/**
 * `npm run bench:reviews` — how fast the review queue loads and a review is recorded with a large database.
 *
 * 1. Builds a separate SQLite file (default `data/bench-reviews.db`, never the dev database; `BENCH_DB`
 *    overrides it) from prisma/migrations, then bulk-inserts 10,000 learners with 100 cards each
 *    (1,000,000 cards: 30 vocabulary items × 3 directions + 10 missed questions per learner; 20 % new,
 *    10 % in learning steps, 70 % in review with due dates from 10 days ago to 60 days ahead) and one
 *    ReviewLog per reviewed card, through better-sqlite3 prepared statements in one transaction.
 * 2. Loads the app's own model functions against that file and times, for randomly chosen learners:
 *    the due queue (`getReviewQueue`), the whole review page's data (`getReviewPage`: queue, head card,
 *    ts-fsrs previews) and recording one review (`recordReview`: read, ts-fsrs, transaction with the
 *    conditional card update and the ReviewLog insert). Prints medians and 95th percentiles in ms.
 * 3. Captures the SQL Prisma sent for one queue load and one review and prints SQLite's
 *    EXPLAIN QUERY PLAN for each statement; exits 1 if any statement scans a whole Card or ReviewLog table.
 *
 * Environment: `BENCH_DB` (file), `BENCH_LEARNERS` (default 10000), `BENCH_SAMPLES` (default 500),
 * `BENCH_REUSE=1` keeps an existing file instead of rebuilding it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '../app/generated/prisma/client'
import { useWriteAheadLog } from '../app/utils/sqlite.server'
import { prng, sqlDate } from './lib/bench-data'

const file = path.resolve(process.env.BENCH_DB ?? 'data/bench-reviews.db')
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000)
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500)
const CARDS_PER_LEARNER = 100
const VOCABULARY_ITEMS = 30
const QUESTIONS = 10
const ZONES = ['Asia/Riyadh', 'Africa/Cairo', 'Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Dubai']
const DAY = 86_400_000
const now = new Date()

function build(): void {
  if (process.env.BENCH_REUSE === '1' && existsSync(file)) {
    console.log(`reusing ${path.relative(process.cwd(), file)}`)
    return
  }
  if (path.resolve(file) === path.resolve('data/fahm.db')) throw new Error('refusing to overwrite the dev database')
  mkdirSync(path.dirname(file), { recursive: true })
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  const db = new Database(file)
  const migrationsDir = path.resolve('prisma/migrations')
  for (const name of readdirSync(migrationsDir).filter((n) => statSync(path.join(migrationsDir, n)).isDirectory()).sort()) {
    db.exec(readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'))
  }

  const started = performance.now()
  const random = prng(42)
  const stamp = sqlDate(now.getTime() - 90 * DAY)
  const insertArticle = db.prepare(
    `INSERT INTO Article (id, slug, titleAr, titleEn, outlet, publishedOn, language, text, segments, sentences, createdAt, updatedAt)
     VALUES ('bench-article', 'bench', 'مقال', 'Article', 'Bench', '2026-01-01', 'ar', ?, '[]', '[]', ?, ?)`,
  )
  const insertItem = db.prepare(
    `INSERT INTO VocabularyItem (id, articleId, surface, lemma, root, glossEn, evidenceStart, evidenceEnd, evidenceText, termStart, termEnd, position, retired)
     VALUES (?, 'bench-article', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 0)`,
  )
  const insertQuestion = db.prepare(
    `INSERT INTO Question (id, articleId, type, skill, stem, options, key, accepted, evidenceStart, evidenceEnd, evidenceText, explanation, position, quizPosition, retired)
     VALUES (?, 'bench-article', 'mcq', 'who', ?, '["أ","ب","ج","د"]', 'أ', '["أ"]', 0, 4, 'كلمة', 'شرح', ?, ?, 0)`,
  )
  const insertLearner = db.prepare(
    `INSERT INTO Learner (id, displayName, createdAt, timeZone, desiredRetention, newCardsPerDay) VALUES (?, ?, ?, ?, 0.9, 20)`,
  )
  const insertCard = db.prepare(
    `INSERT INTO Card (id, learnerId, direction, vocabularyItemId, questionId, due, stability, difficulty, elapsedDays,
       scheduledDays, learningSteps, reps, lapses, state, lastReview, version, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertLog = db.prepare(
    `INSERT INTO ReviewLog (id, cardId, learnerId, cardVersion, rating, state, due, stability, difficulty, elapsedDays,
       lastElapsedDays, scheduledDays, learningSteps, review, durationMs, source, answer, correct)
     VALUES (?, ?, ?, ?, ?, 2, ?, ?, ?, ?, 0, ?, 0, ?, ?, 'self', NULL, NULL)`,
  )
  let cards = 0
  let logs = 0
  db.transaction(() => {
    const text = 'كلمة '.repeat(VOCABULARY_ITEMS + 1)
    insertArticle.run(text, stamp, stamp)
    for (let i = 0; i < VOCABULARY_ITEMS; i++) {
      insertItem.run(`bv${i}`, 'كلمة', 'كلمة', `word ${i}`, i * 5, i * 5 + 4, 'كلمة', i * 5, i * 5 + 4, i)
    }
    for (let i = 0; i < QUESTIONS; i++) insertQuestion.run(`bq${i}`, `سؤال ${i}`, i, i)
    const directions = ['recognition', 'cloze', 'production'] as const
    for (let l = 0; l < LEARNERS; l++) {
      const learnerId = `bl${l}`
      insertLearner.run(learnerId, `متعلّم ${l}`, stamp, ZONES[l % ZONES.length]!)
      for (let c = 0; c < CARDS_PER_LEARNER; c++) {
        const id = `bc${l}_${c}`
        const isQuestion = c >= VOCABULARY_ITEMS * directions.length
        const direction = isQuestion ? 'question' : directions[c % 3]!
        const item = isQuestion ? null : `bv${Math.floor(c / 3)}`
        const question = isQuestion ? `bq${c - VOCABULARY_ITEMS * directions.length}` : null
        const r = random()
        if (r < 0.2) {
          // New: due from its creation (the order of introduction), up to 30 days ago.
          const due = now.getTime() - Math.floor(random() * 30 * DAY)
          insertCard.run(id, learnerId, direction, item, question, sqlDate(due), 0, 0, 0, 0, 0, 0, 0, 0, null, 0, sqlDate(due))
        } else {
          const learning = r < 0.3
          const scheduledDays = learning ? 0 : 1 + Math.floor(random() * 60)
          const due = learning
            ? now.getTime() + Math.floor((random() - 0.5) * 60 * 60_000)
            : now.getTime() + Math.floor((random() * 70 - 10) * DAY)
          const lastReview = learning ? due - 10 * 60_000 : due - scheduledDays * DAY
          const reps = 1 + Math.floor(random() * 8)
          const stability = learning ? 0.5 + random() * 2 : scheduledDays * (0.8 + random() * 0.4)
          const difficulty = 1 + random() * 9
          const state = learning ? (random() < 0.5 ? 1 : 3) : 2
          insertCard.run(id, learnerId, direction, item, question, sqlDate(due), stability, difficulty, scheduledDays,
            scheduledDays, 0, reps, state === 3 ? 1 : 0, state, sqlDate(lastReview), reps, sqlDate(now.getTime() - 120 * DAY))
          insertLog.run(`br${l}_${c}`, id, learnerId, reps - 1, 1 + Math.floor(random() * 4), sqlDate(lastReview - DAY),
            stability, difficulty, scheduledDays, scheduledDays, sqlDate(lastReview), 4000 + Math.floor(random() * 8000))
          logs++
        }
        cards++
      }
    }
  })()
  db.close()
  const seconds = (performance.now() - started) / 1000
  const size = statSync(file).size / 1024 ** 2
  console.log(
    `built ${path.relative(process.cwd(), file)}: ${LEARNERS.toLocaleString('en')} learners, ${cards.toLocaleString('en')} cards, ` +
      `${logs.toLocaleString('en')} review logs in ${seconds.toFixed(1)} s (${size.toFixed(0)} MB)`,
  )
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!
}

const fmt = (ms: number) => ms.toFixed(2)

async function main(): Promise<void> {
  build()

  // The app's modules, against the bench file, through a client that can report the SQL it sends (opened
  // as app/db.server.ts opens the app's: WAL mode first).
  process.env.DATABASE_URL = `file:${file}`
  useWriteAheadLog(`file:${file}`)
  const captured: { query: string; params: string }[] = []
  let capturing = false
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: `file:${file}` }),
    log: [{ emit: 'event', level: 'query' }],
  })
  client.$on('query', (e) => {
    if (capturing) captured.push({ query: e.query, params: e.params })
  })
  ;(globalThis as { __fahmPrisma?: PrismaClient }).__fahmPrisma = client
  const { getReviewQueue, recordReview, isTypedDirection } = await import('../app/models/review.server')
  const { getReviewPage } = await import('../app/models/review-page.server')

  const random = prng(7)
  const pick = () => `bl${Math.floor(random() * LEARNERS)}`
  for (let i = 0; i < 20; i++) await getReviewQueue(pick(), now) // warm-up: statement caches, ICU formatters

  const queueMs: number[] = []
  const pageMs: number[] = []
  const reviewMs: number[] = []
  let emptyQueues = 0
  for (let i = 0; i < SAMPLES; i++) {
    const learnerId = pick()
    let t = performance.now()
    const queue = await getReviewQueue(learnerId, now)
    queueMs.push(performance.now() - t)
    t = performance.now()
    await getReviewPage({ learnerId, now, search: { reveal: undefined, shownAt: null, last: undefined } })
    pageMs.push(performance.now() - t)
    const head = queue.entries[0]
    if (!head) {
      emptyQueues++
      continue
    }
    const { version } = await client.card.findUniqueOrThrow({ where: { id: head.id }, select: { version: true } })
    t = performance.now()
    const result = await recordReview({
      learnerId,
      cardId: head.id,
      version,
      response: isTypedDirection(head.direction) ? { kind: 'answer', answer: 'كلمة' } : { kind: 'rating', rating: 3 },
      shownAt: new Date(now.getTime() - 5_000),
      now,
    })
    reviewMs.push(performance.now() - t)
    if (result.status !== 'recorded') throw new Error(`review of ${head.id} was not recorded`)
  }

  console.log(`\nmachine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, node ${process.version}`)
  console.log(`samples: ${SAMPLES} random learners (${emptyQueues} with an empty queue)`)
  console.log(`load one learner's due queue (getReviewQueue):   median ${fmt(percentile(queueMs, 0.5))} ms, p95 ${fmt(percentile(queueMs, 0.95))} ms`)
  console.log(`review page data (getReviewPage):                median ${fmt(percentile(pageMs, 0.5))} ms, p95 ${fmt(percentile(pageMs, 0.95))} ms`)
  console.log(`record one review (recordReview):                median ${fmt(percentile(reviewMs, 0.5))} ms, p95 ${fmt(percentile(reviewMs, 0.95))} ms`)

  // The SQL of one queue load and one review, and SQLite's plan for each statement.
  const learnerId = pick()
  capturing = true
  const queue = await getReviewQueue(learnerId, now)
  const head = queue.entries[0]!
  const { version } = await client.card.findUniqueOrThrow({ where: { id: head.id }, select: { version: true } })
  captured.length = 0
  await getReviewQueue(learnerId, now)
  await recordReview({
    learnerId,
    cardId: head.id,
    version,
    response: isTypedDirection(head.direction) ? { kind: 'answer', answer: 'كلمة' } : { kind: 'rating', rating: 3 },
    shownAt: null,
    now,
  })
  capturing = false
  await client.$disconnect()

  const db = new Database(file, { readonly: true })
  let fullScans = 0
  console.log('\nEXPLAIN QUERY PLAN of every statement of one queue load and one review:')
  for (const { query, params } of captured) {
    if (!/^\s*(SELECT|UPDATE|INSERT|DELETE)/i.test(query)) continue
    const values = (JSON.parse(params) as unknown[]).map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : v))
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...(values as (string | number | null)[])) as { detail: string }[]
    console.log(`\n  ${query.replace(/`main`\./g, '').replace(/`/g, '').slice(0, 220)}${query.length > 220 ? ' …' : ''}`)
    for (const { detail } of plan) {
      const scan = /^SCAN (Card|ReviewLog)\b/.test(detail)
      if (scan) fullScans++
      console.log(`    ${scan ? '!! ' : ''}${detail}`)
    }
  }
  db.close()
  if (fullScans > 0) {
    console.error(`\n${fullScans} full scan(s) of Card or ReviewLog`)
    process.exit(1)
  }
  console.log('\nno statement scans the Card or ReviewLog table: every access goes through an index')
}

await main()

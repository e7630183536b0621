/**
 * Concurrency on one SQLite file (issue 9):
 * - the stock Prisma adapter lets a plain query of another request run inside an open transaction (its
 *   write is lost when the transaction rolls back) and lets a deferred read-then-write transaction fail
 *   with SQLITE_BUSY when another connection commits between its read and its write; the app's adapter
 *   (`app/utils/serialized-sqlite.server.ts`) does neither;
 * - a quiz form posted 20 times at once stores one attempt and every post is sent to it;
 * - 50 students submitting at once are all stored with their own scores.
 */
import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createPrismaClient, prisma } from '~/db.server'
import { PrismaClient } from '~/generated/prisma/client'
import { StringListSchema } from '~/models/bank-json'
import { answerFieldName } from '~/models/quiz-form'
import { seedContent } from '~/models/seed.server'
import { action as quizAction } from '~/routes/articles.$slug.quiz'
import { emptyLexicon, fixtureArticle, fixtureGenerated } from './fixtures/bank'
import { formRequest, learnerCookie } from './helpers/app'

await seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated() })
const slug = fixtureArticle.meta.slug
const url = process.env.DATABASE_URL!
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A transaction that writes, waits for other requests to run, then rolls back. */
async function rolledBackTransaction(client: PrismaClient): Promise<void> {
  await client
    .$transaction(async (tx) => {
      await tx.learner.create({ data: { displayName: 'uncommitted' } })
      await sleep(100)
      throw new Error('roll back')
    })
    .catch(() => undefined)
}

async function plainWriteDuring(client: PrismaClient) {
  const learner = await client.learner.create({ data: { displayName: 'before' }, select: { id: true } })
  const tx = rolledBackTransaction(client)
  await sleep(20)
  const seenUncommitted = await client.learner.count({ where: { displayName: 'uncommitted' } })
  await client.learner.update({ where: { id: learner.id }, data: { displayName: 'written outside' } })
  await tx
  const after = await client.learner.findUniqueOrThrow({ where: { id: learner.id }, select: { displayName: true } })
  return { seenUncommitted, after: after.displayName }
}

describe('one connection, many requests', () => {
  it('the stock adapter loses a write made while another request’s transaction is open; ours keeps it', async () => {
    const stock = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) })
    try {
      expect(await plainWriteDuring(stock)).toEqual({ seenUncommitted: 1, after: 'before' })
    } finally {
      await stock.$disconnect()
    }
    expect(await plainWriteDuring(prisma)).toEqual({ seenUncommitted: 0, after: 'written outside' })
  })
})

/** Another connection (a second process in production) in a worker thread, writing one learner. */
function writerThread(): { write: () => Promise<string>; stop: () => Promise<number> } {
  const require = createRequire(import.meta.url)
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads')
     const Database = require(workerData.driver)
     const db = new Database(workerData.file, { timeout: 5000 })
     parentPort.on('message', () => {
       try {
         db.prepare("INSERT INTO Learner (id, displayName, createdAt, desiredRetention, newCardsPerDay) VALUES (lower(hex(randomblob(12))), 'other process', 0, 0.9, 20)").run()
         parentPort.postMessage('ok')
       } catch (error) { parentPort.postMessage(error.code) }
     })`,
    { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file: url.replace(/^file:/, '') } },
  )
  return {
    write: () => {
      worker.postMessage('write')
      return new Promise((resolve) => worker.once('message', resolve))
    },
    stop: () => worker.terminate(),
  }
}

describe('two connections', () => {
  it('a deferred read-then-write transaction fails at once when another connection commits between; BEGIN IMMEDIATE waits instead', async () => {
    const other = writerThread()
    const stock = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) })
    try {
      const failed = await stock
        .$transaction(async (tx) => {
          await tx.learner.count() // the read snapshot
          expect(await other.write()).toBe('ok') // the other connection commits meanwhile
          await tx.learner.create({ data: { displayName: 'stock writer' } })
        })
        .then(
          () => 'committed',
          (error: Error) => error.message,
        )
      expect(failed).toMatch(/SQLITE_BUSY|database is locked/i)

      const ours = createPrismaClient(url)
      try {
        let otherWrite: Promise<string> | undefined
        await ours.$transaction(async (tx) => {
          const before = await tx.learner.count()
          otherWrite = other.write() // blocks in its thread on our write lock
          await sleep(100)
          await tx.learner.create({ data: { displayName: 'immediate writer' } })
          expect(await tx.learner.count()).toBe(before + 1)
        })
        expect(await otherWrite).toBe('ok') // ran after our commit
        expect(await ours.learner.count({ where: { displayName: { in: ['immediate writer', 'other process'] } } })).toBe(3)
      } finally {
        await ours.$disconnect()
      }
    } finally {
      await stock.$disconnect()
      await other.stop()
    }
  })
})

async function quizQuestions() {
  const rows = await prisma.question.findMany({
    where: { article: { slug }, retired: false, quizPosition: { not: null }, type: { in: ['mcq', 'true_false', 'cloze', 'short_answer'] } },
    orderBy: { quizPosition: 'asc' },
    select: { id: true, type: true, options: true, key: true },
  })
  return rows.map((r) => ({ ...r, options: StringListSchema.parse(JSON.parse(r.options)) }))
}

/** Answers: the first `correct` questions right, the rest wrong. */
function answerFields(questions: Awaited<ReturnType<typeof quizQuestions>>, correct: number): [string, string][] {
  return questions.map((q, i) => {
    if (i < correct) return [answerFieldName(q.id), q.key]
    const wrong = q.type === 'short_answer' ? 'جواب آخر تماما' : q.options.find((o) => o !== q.key)!
    return [answerFieldName(q.id), wrong]
  })
}

const post = (fields: [string, string][], cookie: string) =>
  quizAction({ request: formRequest(`http://localhost/articles/${slug}/quiz`, fields, cookie), params: { slug }, context: {} })

describe('quiz submits at once', () => {
  it('stores one attempt for 20 simultaneous posts of one form, and sends every post to it', async () => {
    const questions = await quizQuestions()
    const learner = await prisma.learner.create({ data: { displayName: 'مريم' }, select: { id: true } })
    const cookie = await learnerCookie(learner.id)
    const token = crypto.randomUUID()
    const fields: [string, string][] = [['clientToken', token], ...answerFields(questions, 2)]

    const results = (await Promise.all(Array.from({ length: 20 }, () => post(fields, cookie)))) as Response[]

    const attempts = await prisma.attempt.findMany({ where: { learnerId: learner.id }, select: { id: true, score: true, _count: { select: { responses: true } } } })
    expect(attempts).toEqual([{ id: expect.any(String), score: 2, _count: { responses: questions.length } }])
    for (const res of results) {
      expect(res.status).toBe(302)
      expect(res.headers.get('Location')).toBe(`/attempts/${attempts[0]!.id}`)
    }
  }, 60_000)

  it('stores all 50 students who submit at the same moment, each with their own score', async () => {
    const questions = await quizQuestions()
    const students = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const learner = await prisma.learner.create({ data: { displayName: `طالب ${i}` }, select: { id: true } })
        return { id: learner.id, cookie: await learnerCookie(learner.id), correct: i % (questions.length + 1) }
      }),
    )

    const results = (await Promise.all(
      students.map((s) => post([['clientToken', crypto.randomUUID()], ...answerFields(questions, s.correct)], s.cookie)),
    )) as Response[]

    expect(results.map((r) => r.status)).toEqual(students.map(() => 302))
    const stored = await prisma.attempt.findMany({
      where: { learnerId: { in: students.map((s) => s.id) } },
      select: { learnerId: true, score: true, total: true, _count: { select: { responses: true } } },
    })
    expect(stored).toHaveLength(50)
    const byLearner = new Map(stored.map((a) => [a.learnerId, a]))
    for (const s of students) {
      expect(byLearner.get(s.id)).toEqual({ learnerId: s.id, score: s.correct, total: questions.length, _count: { responses: questions.length } })
    }
  }, 60_000) // 50 serialised write transactions: seconds on a busy two-core machine
})

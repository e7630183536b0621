/**
 * The development demo on a fresh database (this file's own SQLite copy): the seed's content, then the demo
 * teacher with its simulated class — counts, a plausible spread of scores, distractors nobody chose,
 * second attempts within the limit, FSRS state consistent with its logs, cards due today, a true retention
 * on the teacher's retention view; re-running adds
 * nothing; the same seed gives the same class; and `FAHM_DEMO=off` (the real seed script) creates none.
 */
import { execFile } from 'node:child_process'
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { StringListSchema } from '~/models/bank-json'
import { DEMO_STUDENT_COUNT, DEMO_STUDENT_PREFIX, countDemoClass, raschP, seedDemoClass } from '~/models/demo-class.server'
import { DEMO_TEACHER, isDemoEnabled, seedDemoTeacher } from '~/models/demo.server'
import { getClassInsight } from '~/models/insight/class-insight.server'
import { getLearnerStats } from '~/models/review-stats.server'
import { getReviewQueue } from '~/models/review.server'
import { Rating, State } from '~/models/scheduler.server'
import { seedContent } from '~/models/seed.server'
import { mulberry32 } from '~/utils/random'

vi.setConfig({ testTimeout: 180_000 })
const DAY_MS = 86_400_000
const now = new Date('2026-03-10T15:30:00Z')

await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })
const first = await seedDemoTeacher(prisma, now)
const classroom = await prisma.classroom.findFirstOrThrow({ where: { joinCode: first.joinCode }, select: { id: true } })
const demoLearner = { classroomId: classroom.id, displayName: { startsWith: DEMO_STUDENT_PREFIX } }

describe('the demo class', () => {
  it('holds 30 labelled students, three assignments on sample articles and their attempts', async () => {
    expect(first.demo).toMatchObject({ created: true, students: DEMO_STUDENT_COUNT, assignments: 3 })
    const names = (await prisma.learner.findMany({ where: { classroomId: classroom.id }, orderBy: { displayName: 'asc' } })).map((l) => l.displayName)
    expect(names).toHaveLength(30)
    expect(names[0]).toBe('طالب تجريبي 01')
    expect(names[29]).toBe('طالب تجريبي 30')
    const assignments = await prisma.assignment.findMany({ where: { classroomId: classroom.id }, include: { article: { select: { ownerId: true } } } })
    expect(assignments.every((a) => a.article.ownerId === null)).toBe(true)
    expect(new Set(assignments.map((a) => a.articleId)).size).toBe(3)
    expect(first.demo.attempts).toBe(await prisma.attempt.count({ where: { learner: demoLearner } }))
    expect(first.demo.attempts).toBeGreaterThan(60)
    expect(first.demo.attempts).toBeLessThan(100)

    for (const a of assignments) {
      const attempts = await prisma.attempt.findMany({ where: { assignmentId: a.id }, include: { responses: true } })
      const ids = StringListSchema.parse(JSON.parse(a.questionIds))
      for (const at of attempts) {
        // Every item answered once, the score is the count of right responses, times in order and in the past.
        expect(at.responses.map((r) => r.questionId).sort()).toEqual([...ids].sort())
        expect(at.score).toBe(at.responses.filter((r) => r.correct).length)
        expect(at.total).toBe(ids.length)
        expect(at.startedAt!.getTime()).toBeLessThan(at.submittedAt.getTime())
        expect((at.submittedAt.getTime() - at.startedAt!.getTime()) / ids.length).toBeGreaterThanOrEqual(25_000)
        expect(at.submittedAt.getTime()).toBeGreaterThanOrEqual(a.createdAt.getTime())
        expect(at.submittedAt.getTime()).toBeLessThanOrEqual(Math.min(a.dueAt!.getTime(), now.getTime()))
      }
      const perLearner = new Map<string, number>()
      for (const at of attempts) perLearner.set(at.learnerId, (perLearner.get(at.learnerId) ?? 0) + 1)
      expect(Math.max(...perLearner.values())).toBeLessThanOrEqual(a.attemptsAllowed)
      if (a.attemptsAllowed > 1) expect([...perLearner.values()].filter((n) => n === 2).length).toBeGreaterThan(0)
    }
  })

  it('spreads the scores plausibly and leaves some distractors unchosen', async () => {
    const attempts = await prisma.attempt.findMany({ where: { learner: demoLearner }, select: { score: true, total: true } })
    const p = attempts.map((a) => a.score / a.total)
    const mean = p.reduce((s, x) => s + x, 0) / p.length
    const sd = Math.sqrt(p.reduce((s, x) => s + (x - mean) ** 2, 0) / (p.length - 1))
    expect(new Set(attempts.map((a) => a.score)).size).toBeGreaterThan(4)
    expect(mean).toBeGreaterThan(0.4)
    expect(mean).toBeLessThan(0.85)
    expect(sd).toBeGreaterThan(0.1)
    expect(sd).toBeLessThan(0.35)

    // Distractor analysis of the selected-response items: some distractor drew no one on some items, and
    // wrong answers are not spread evenly.
    const items = await prisma.question.findMany({
      where: { type: { in: ['mcq', 'cloze'] }, responses: { some: { attempt: { learner: demoLearner } } } },
      select: { id: true, key: true, options: true, responses: { where: { attempt: { learner: demoLearner } }, select: { answer: true } } },
    })
    let unchosen = 0
    for (const item of items) {
      const distractors = StringListSchema.parse(JSON.parse(item.options)).filter((o) => o !== item.key)
      const picks = distractors.map((d) => item.responses.filter((r) => r.answer === d).length)
      const wrong = item.responses.filter((r) => r.answer !== item.key).length
      expect(picks.reduce((s, n) => s + n, 0)).toBe(wrong)
      if (wrong >= 5 && picks.includes(0)) unchosen++
    }
    expect(unchosen).toBeGreaterThan(0)
  })

  it('has ten weeks of reviews whose FSRS state matches the logs, with cards due today for most students', async () => {
    expect(first.demo.reviews).toBe(await prisma.reviewLog.count({ where: { learner: demoLearner } }))
    expect(first.demo.reviews).toBeGreaterThan(1000)
    const range = await prisma.reviewLog.aggregate({ where: { learner: demoLearner }, _min: { review: true }, _max: { review: true } })
    expect(range._max.review!.getTime()).toBeLessThan(now.getTime())
    // Students joined 70–73 days ago and added their first article's words within two days.
    expect(now.getTime() - range._min.review!.getTime()).toBeLessThan(74 * DAY_MS)
    expect(now.getTime() - range._min.review!.getTime()).toBeGreaterThan(66 * DAY_MS)
    // Each review moved its card one version on: a card's version equals its number of logs.
    const logs = await prisma.reviewLog.groupBy({ by: ['cardId'], where: { learner: demoLearner }, _count: { _all: true } })
    const cards = await prisma.card.findMany({ where: { learner: demoLearner }, select: { id: true, version: true, state: true, reps: true } })
    const count = new Map(logs.map((l) => [l.cardId, l._count._all]))
    for (const c of cards) {
      expect(c.version).toBe(count.get(c.id) ?? 0)
      expect(c.reps).toBe(c.version)
    }
    expect(cards.filter((c) => c.state === 2).length).toBeGreaterThan(100)
    // Sources as the app writes them.
    const sources = await prisma.reviewLog.groupBy({ by: ['source'], where: { learner: demoLearner }, _count: { _all: true } })
    expect(sources.map((s) => s.source).sort()).toEqual(['graded', 'quiz', 'self'])

    const learners = await prisma.learner.findMany({ where: demoLearner, select: { id: true } })
    const due = await Promise.all(learners.map(async (l) => (await getReviewQueue(l.id, now)).dueCount))
    expect(due.filter((n) => n > 0).length).toBeGreaterThan(20)
    // Some keep up, some fall behind.
    expect(Math.max(...due)).toBeGreaterThan(2 * Math.min(...due))
  })

  it("gives the teacher's retention view a true retention for nearly every student, as the logs count it", async () => {
    const teacher = await prisma.teacher.findUniqueOrThrow({ where: { email: DEMO_TEACHER.email }, select: { id: true } })
    const insight = await getClassInsight(teacher.id, classroom.id, { basis: 'first', sort: 'name', dir: 'asc', q: '' }, now)
    // Recounted from the ReviewLog rows: reviews in the last 30 days of cards whose interval was 21 days or
    // more (mature), and of those the ones not rated Again.
    const mature = await prisma.reviewLog.findMany({
      where: { learner: demoLearner, review: { gte: new Date(now.getTime() - 30 * DAY_MS), lte: now }, state: State.Review, scheduledDays: { gte: 21 } },
      select: { learnerId: true, rating: true },
    })
    expect(insight.retention).toHaveLength(DEMO_STUDENT_COUNT)
    for (const row of insight.retention) {
      const mine = mature.filter((m) => m.learnerId === row.id)
      expect(row.matureReviews).toBe(mine.length)
      expect(row.passed).toBe(mine.filter((m) => m.rating !== Rating.Again).length)
      expect(row.trueRetention).toBe(mine.length === 0 ? null : row.passed / mine.length)
    }
    expect(insight.retention.filter((r) => r.trueRetention !== null).length).toBeGreaterThanOrEqual(DEMO_STUDENT_COUNT - 2)
    expect(mature.length).toBeGreaterThan(300)
    // The class's true retention lands near the 90 % FSRS was asked for (ability shifts each student's).
    const classRetention = mature.filter((m) => m.rating !== Rating.Again).length / mature.length
    expect(classRetention).toBeGreaterThan(0.8)
    expect(classRetention).toBeLessThan(0.97)
    // The student's own statistics page shows a figure too.
    const steady = insight.retention.reduce((best, r) => (r.matureReviews > best.matureReviews ? r : best))
    const stats = await getLearnerStats(steady.id, now)
    expect(stats.retention.matureReviews).toBeGreaterThan(0)
    expect(stats.retention.rate).toBe(stats.retention.passed / stats.retention.matureReviews)
  })

  it('adds nothing when the seed runs again, even days later', async () => {
    const before = await countDemoClass(prisma, classroom.id)
    const again = await seedDemoTeacher(prisma, new Date(now.getTime() + 3 * DAY_MS))
    expect(again.joinCode).toBe(first.joinCode)
    expect(again.demo).toEqual({ created: false, ...before })
    expect(await countDemoClass(prisma, classroom.id)).toEqual(before)
    expect(await prisma.teacher.count({ where: { email: DEMO_TEACHER.email } })).toBe(1)
  })

  it('gives the same class for the same seed and instant', async () => {
    const teacher = await prisma.teacher.findUniqueOrThrow({ where: { email: DEMO_TEACHER.email } })
    const other = await prisma.classroom.create({ data: { teacherId: teacher.id, name: 'نسخة', joinCode: 'QQQQ2222' } })
    const report = await seedDemoClass(prisma, { classroomId: other.id, now })
    expect(report).toEqual(first.demo)
    const scores = async (classroomId: string) =>
      (
        await prisma.attempt.findMany({
          where: { learner: { classroomId } },
          select: { score: true, submittedAt: true, learner: { select: { displayName: true } } },
          orderBy: [{ submittedAt: 'asc' }],
        })
      ).map((a) => `${a.learner.displayName} ${a.score} ${a.submittedAt.toISOString()}`)
    expect(await scores(other.id)).toEqual(await scores(classroom.id))
  })
})

describe('the simulation model', () => {
  it('mulberry32 is deterministic and uniform enough; Rasch gives ½ at θ = b', () => {
    const a = mulberry32(7)
    const b = mulberry32(7)
    const xs = Array.from({ length: 10_000 }, () => a())
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs.slice(0, 5))
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1)
    expect(raschP(0.3, 0.3)).toBe(0.5)
    expect(raschP(1, 0)).toBeCloseTo(0.731, 3)
  })
})

describe('when the demo is off', () => {
  it('isDemoEnabled follows NODE_ENV and FAHM_DEMO', () => {
    expect(isDemoEnabled({ NODE_ENV: 'development' })).toBe(true)
    expect(isDemoEnabled({ NODE_ENV: 'production' })).toBe(false)
    expect(isDemoEnabled({ NODE_ENV: 'development', FAHM_DEMO: 'off' })).toBe(false)
  })

  it('the seed script with FAHM_DEMO=off creates no demo teacher, class or student', async () => {
    const runDir = process.env.FAHM_TEST_RUN_DIR!
    const file = path.join(runDir, `demo-off-${process.pid}.db`)
    copyFileSync(path.join(runDir, 'base.db'), file)
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], {
        env: { ...process.env, DATABASE_URL: `file:${file}`, FAHM_DEMO: 'off', NODE_ENV: 'development' },
      })
      expect(stdout).not.toContain('DEMO')
      const db = new Database(file, { readonly: true })
      try {
        const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n
        expect(count('Article')).toBeGreaterThan(0)
        expect([count('Teacher'), count('Classroom'), count('Learner'), count('Attempt'), count('ReviewLog')]).toEqual([0, 0, 0, 0, 0])
      } finally {
        db.close()
      }
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
    }
  })
})

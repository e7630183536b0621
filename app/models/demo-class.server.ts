/**
 * Simulated students for the demo class (development only, `npm run setup`): about thirty learners named
 * «طالب تجريبي NN» who joined ten weeks ago, three assignments on the shared sample articles, their attempts
 * and ten weeks of vocabulary reviews, so the class page, the dashboards, the item analysis and the
 * retention view (true retention needs mature cards: intervals of 21 days or more, which FSRS reaches only
 * after weeks of reviews) show something real on a fresh database.
 *
 * The simulation is deterministic (a fixed seed for a mulberry32 generator) while its dates are relative to
 * `now`, so every machine shows the same class "as of today":
 * - **Abilities and answers** follow the Rasch model (Rasch 1960; the one-parameter logistic IRT model):
 *   P(correct) = 1 / (1 + e^−(θ − b)), with ability θ ~ N(0, 1) per student and difficulty b per item from
 *   its type (true/false easiest, short answer hardest) plus N(0, 0.7) noise. Correctness is then decided by
 *   the app's own scoring (`scoreAnswers`) on the answer the student "gives": the key, or a wrong answer.
 * - **Wrong answers** pick distractors with unequal weights (one distractor draws most errors, and on many
 *   items one distractor draws none), as real distractor analyses look; a wrong short answer is another
 *   entity of the article.
 * - **Attempts** fall between an assignment's start and its due date; time taken 25–90 s per item; some weak
 *   students use the second attempt the newest assignment allows.
 * - **The first weeks**: in the days after joining, each student reads a sample article the assignments do
 *   not use (the class's first reading) and adds its vocabulary, as the reading page's button does; their
 *   reviews of it over ten weeks give the mature cards.
 * - **Cards and reviews** follow the app's own rules, computed in memory and written at the end: at that
 *   reading and at each attempt, as a quiz submit does, the article's vocabulary cards
 *   (`newVocabularyCardRows`, the rule of `ensureVocabularyCards`) and, at an attempt, an Again review of a
 *   card per missed question; then evening sessions —
 *   due cards, up to {@link DEMO_NEW_CARDS_PER_DAY} new cards, learning steps — each rating applied by
 *   ts-fsrs (`scheduleReview`, fuzz off so the schedule is the same everywhere) and logged as `writeReview`
 *   would (`reviewLogData`). Recall of a card seen before (learning steps included) follows its FSRS
 *   retrievability shifted by the student's ability; of a new card, the ability alone.
 *   Students differ: some review almost daily, some now and then, some stopped a week or two ago — so some
 *   have a backlog and most have cards due today.
 *
 * Written in one SQLite transaction with better-sqlite3 prepared statements (all or nothing): one Prisma
 * write per review took minutes for the same rows on a busy machine, `createMany` about a minute.
 * Idempotent: when the demo class already has a demo student or an assignment, nothing is written. Only the
 * demo class and its new students are touched.
 */
import type { PrismaClient } from '~/db.server'
import { activeQuizQuestion } from './article.server'
import { StringListSchema, parseJsonColumn } from './bank-json'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { getEnv } from '~/env.server'
import { mulberry32, normal } from '~/utils/random'
import { sqliteValue } from '~/utils/sqlite.server'
import type { Prisma } from '~/generated/prisma/client'
import { newVocabularyCardRows, reviewLogData, stateColumns, type ReviewSource, type Tx } from './card.server'
import { scoreAnswers } from './scoring'
import { State, Rating, createScheduler, newCardState, scheduleReview, type CardState, type Grade } from './scheduler.server'

/** The fixed seed: the same simulated class on every machine. */
export const DEMO_SEED = 0x5eed_0007
/** How many simulated students the demo class gets. */
export const DEMO_STUDENT_COUNT = 30
/** Every simulated student's display name starts with this («demo student»); the number follows. */
export const DEMO_STUDENT_PREFIX = 'طالب تجريبي'
/** The simulated students' time zone (review sessions happen in their evening). */
export const DEMO_TIME_ZONE = 'Asia/Riyadh'
/** The simulated students' new-cards-per-day setting (the app's default is 20; a class doing a few a day). */
export const DEMO_NEW_CARDS_PER_DAY = 8

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
/** The highest recall probability before the ability shift, however fresh the card. */
const RECALL_CAP = 0.98
/** A learning step due within this many ms of the session's end is still done in the session (Anki's learn-ahead). */
const LEARN_AHEAD_MS = 20 * MINUTE_MS

/** The Rasch model's probability of a right answer for ability θ and difficulty b (logits). */
export function raschP(theta: number, b: number): number {
  return 1 / (1 + Math.exp(-(theta - b)))
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x))
const logit = (p: number) => Math.log(p / (1 - p))

/** Item difficulty by type before noise (logits): selected-response items easier than typed ones. */
const TYPE_DIFFICULTY: Record<string, number> = { true_false: -1.2, mcq: -0.4, cloze: 0.1, short_answer: 0.9 }

/** Shares of a wrong answer among three distractors; zeros make a distractor nobody picks. */
const DISTRACTOR_PATTERNS = [
  [0.65, 0.35, 0],
  [0.5, 0.3, 0.2],
  [0.85, 0.15, 0],
] as const

/** The three assignments: days since set, days until due after that, attempts allowed, mode, who takes it. */
const ASSIGNMENT_PLAN = [
  { startDaysAgo: 13, openDays: 6, attemptsAllowed: 1, mode: 'test', participation: 0.95 },
  { startDaysAgo: 7, openDays: 5, attemptsAllowed: 1, mode: 'practice', participation: 0.9 },
  { startDaysAgo: 3, openDays: 6, attemptsAllowed: 2, mode: 'test', participation: 0.75 },
] as const

/** When the students joined the class (days before `now`, plus up to three): the first reading follows. */
const JOINED_DAYS_AGO = 70

/**
 * How students keep up with reviews: chance of a session on a given day, and how many days before `now`
 * (plus up to six) they stopped reviewing.
 */
const PROFILES = [
  { name: 'steady', share: 0.45, sessionChance: 0.9, quietDays: 0 },
  { name: 'irregular', share: 0.35, sessionChance: 0.45, quietDays: 0 },
  { name: 'lapsed', share: 0.2, sessionChance: 0.9, quietDays: 8 },
] as const

/** What the demo class holds (totals, whether created now or before). */
export interface DemoClassReport {
  /** True when this call wrote the simulation; false when it existed already or no sample article has a quiz. */
  created: boolean
  students: number
  assignments: number
  attempts: number
  reviews: number
}

/** A card during the simulation: its row fields, its FSRS state and its version. */
interface SimCard {
  id: string
  learnerId: string
  direction: string
  vocabularyItemId?: string | null
  questionId?: string | null
  state: CardState
  version: number
  createdAt: Date
}

interface QuizItem {
  id: string
  type: string
  key: string
  options: string[]
  accepted: string[]
  b: number
  /** Distractors in the order of their weights. */
  distractors: { text: string; weight: number }[]
}


/**
 * Inserts rows into tables of a SQLite file in one transaction (better-sqlite3, one prepared statement per
 * table). Every row of a table must have the same keys, the table's column names.
 * @param url the database's `file:` URL (the one Prisma uses).
 * @throws SqliteError on any constraint or I/O error; the transaction is then rolled back.
 */
function writeRows(url: string, tables: [table: string, rows: readonly object[]][]): void {
  const sqlite = new Database(url.replace(/^file:/, ''), { timeout: 5_000 })
  try {
    sqlite.pragma('foreign_keys = ON')
    sqlite.transaction(() => {
      for (const [table, rows] of tables) {
        if (rows.length === 0) continue
        const columns = Object.keys(rows[0]!)
        const insert = sqlite.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        )
        for (const row of rows as Record<string, unknown>[]) insert.run(...columns.map((c) => sqliteValue(row[c])))
      }
    })()
  } finally {
    sqlite.close()
  }
}

/** The demo class's current totals (demo students only). */
export async function countDemoClass(db: PrismaClient | Tx, classroomId: string): Promise<Omit<DemoClassReport, 'created'>> {
  const demo = { classroomId, displayName: { startsWith: DEMO_STUDENT_PREFIX } }
  const [students, assignments, attempts, reviews] = await Promise.all([
    db.learner.count({ where: demo }),
    db.assignment.count({ where: { classroomId } }),
    db.attempt.count({ where: { learner: demo } }),
    db.reviewLog.count({ where: { learner: demo } }),
  ])
  return { students, assignments, attempts, reviews }
}

/**
 * A submission instant between `from` and `to` (ms), in the daytime of the students' zone (09:00–22:00 in
 * Riyadh, 06:00–19:00 UTC) when the window allows it.
 */
function submissionTime(rand: () => number, from: number, to: number): number {
  const uniform = from + (0.05 + 0.9 * rand()) * (to - from)
  const day = Math.floor(uniform / DAY_MS) * DAY_MS
  const daytime = day + (6 + 13 * rand()) * 3_600_000
  return daytime > from && daytime < to ? daytime : uniform
}

function pickWeighted<T>(rand: () => number, items: readonly { value: T; weight: number }[]): T | undefined {
  const total = items.reduce((s, i) => s + i.weight, 0)
  if (total <= 0) return undefined
  let r = rand() * total
  for (const i of items) {
    r -= i.weight
    if (r < 0 && i.weight > 0) return i.value
  }
  return items.filter((i) => i.weight > 0).at(-1)?.value
}

function shuffle<T>(rand: () => number, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[list[i], list[j]] = [list[j]!, list[i]!]
  }
  return list
}

/**
 * Fills the demo class with simulated students, assignments, attempts and reviews (see the module header).
 * @param db the Prisma client.
 * @param input.classroomId the demo class (its teacher is the demo teacher).
 * @param input.now the instant the demo is "as of": every date lies before it.
 * @param input.databaseUrl the SQLite file `db` works on (default `DATABASE_URL`, as app/db.server.ts);
 *   the rows are written to it directly (see writeRows).
 * @returns the demo class's totals and whether they were written now.
 * @throws any database error; the transaction then leaves the class unchanged.
 */
export async function seedDemoClass(
  db: PrismaClient,
  input: { classroomId: string; now: Date; databaseUrl?: string },
): Promise<DemoClassReport> {
  const { classroomId, now } = input
  const before = await countDemoClass(db, classroomId)
  if (before.students > 0 || before.assignments > 0) return { created: false, ...before }

  const articles = await db.article.findMany({
    where: { ownerId: null },
    orderBy: { slug: 'asc' },
    select: {
      id: true,
      questions: { where: activeQuizQuestion, orderBy: { quizPosition: 'asc' }, select: { id: true, type: true, key: true, options: true, accepted: true } },
    },
  })
  const chosen = articles.filter((a) => a.questions.length >= 4).slice(0, ASSIGNMENT_PLAN.length)
  if (chosen.length === 0) return { created: false, ...before }
  // The first reading: a sample article no assignment uses, else the first assignment's.
  const firstReading = (articles.find((a) => !chosen.includes(a)) ?? chosen[0]!).id

  const rand = mulberry32(DEMO_SEED)
  const quizzes = chosen.map((a) => {
    const items: QuizItem[] = a.questions.map((q) => {
      const options = parseJsonColumn(StringListSchema, q.options, `Question ${q.id} options`)
      const pattern = DISTRACTOR_PATTERNS[Math.floor(rand() * DISTRACTOR_PATTERNS.length)]!
      const wrong = shuffle(rand, options.filter((o) => o !== q.key))
      return {
        id: q.id,
        type: q.type,
        key: q.key,
        options,
        accepted: parseJsonColumn(StringListSchema, q.accepted, `Question ${q.id} accepted`),
        b: (TYPE_DIFFICULTY[q.type] ?? 0) + 0.7 * normal(rand),
        distractors: wrong.map((text, i) => ({ text, weight: pattern[i] ?? 0 })),
      }
    })
    // Wrong typed answers: other names the article's items offer.
    const pool = [...new Set(items.flatMap((i) => (i.type === 'mcq' || i.type === 'cloze' ? i.options : [])))]
    return { articleId: a.id, items, pool }
  })

  const students = Array.from({ length: DEMO_STUDENT_COUNT }, (_, i) => {
    const r = rand()
    let acc = 0
    const profile = PROFILES.find((p) => (acc += p.share) > r) ?? PROFILES[0]
    return {
      name: `${DEMO_STUDENT_PREFIX} ${String(i + 1).padStart(2, '0')}`,
      theta: normal(rand),
      profile,
      joinedAt: new Date(now.getTime() - (JOINED_DAYS_AGO + 3 * rand()) * DAY_MS),
      stopsAt: profile.quietDays > 0 ? now.getTime() - (profile.quietDays + 6 * rand()) * DAY_MS : Infinity,
    }
  })

  const scheduler = createScheduler({ desiredRetention: 0.9, enableFuzz: false })
  const vocabulary = new Map(
    await Promise.all(
      [...new Set([firstReading, ...quizzes.map((q) => q.articleId)])].map(async (articleId) => [
        articleId,
        await db.vocabularyItem.findMany({
          where: { articleId, retired: false },
          orderBy: { position: 'asc' },
          select: { id: true, position: true, termStart: true, surface: true },
        }),
      ] as const),
    ),
  )
  const surfaceOf = new Map([...vocabulary.values()].flat().map((v) => [v.id, v.surface]))

  /** The answer a student gives: the key with the Rasch probability, else a weighted wrong answer. */
  function answerFor(item: QuizItem, theta: number): string {
    if (rand() < raschP(theta, item.b)) return item.key
    if (item.type === 'true_false') return item.options.find((o) => o !== item.key) ?? ''
    if (item.type === 'short_answer') {
      const wrong = quizzes.flatMap((q) => q.pool).filter((o) => !item.accepted.includes(o) && o !== item.key)
      return pickWeighted(rand, wrong.slice(0, 4).map((value, i) => ({ value, weight: 4 - i }))) ?? ''
    }
    return pickWeighted(rand, item.distractors.map((d) => ({ value: d.text, weight: d.weight }))) ?? item.distractors[0]?.text ?? ''
  }

  // Ids are made here (not by the database) so logs can name their cards before anything is written.
  const runId = randomBytes(4).toString('hex')
  let counter = 0
  const newId = () => `demo${runId}${(counter++).toString(36).padStart(5, '0')}`

  const learnerRows: Prisma.LearnerCreateManyInput[] = []
  const assignmentRows: Prisma.AssignmentCreateManyInput[] = []
  const attemptRows: Prisma.AttemptCreateManyInput[] = []
  const responseRows: Prisma.ResponseCreateManyInput[] = []
  const cardRows: Prisma.CardCreateManyInput[] = []
  const logRows: Prisma.ReviewLogUncheckedCreateInput[] = []

  const assignments = ASSIGNMENT_PLAN.slice(0, quizzes.length).map((plan, k) => {
    const quiz = quizzes[k]!
    const createdAt = new Date(now.getTime() - plan.startDaysAgo * DAY_MS - 3 * 3_600_000)
    const dueAt = new Date(createdAt.getTime() + plan.openDays * DAY_MS)
    const id = newId()
    assignmentRows.push({
      id,
      classroomId,
      articleId: quiz.articleId,
      questionIds: JSON.stringify(quiz.items.map((i) => i.id)),
      mode: plan.mode,
      attemptsAllowed: plan.attemptsAllowed,
      dueAt,
      createdAt,
    })
    return { id, plan, quiz, createdAt, dueAt }
  })

  for (const s of students) {
    const learnerId = newId()
    learnerRows.push({ id: learnerId, displayName: s.name, classroomId, timeZone: DEMO_TIME_ZONE, newCardsPerDay: DEMO_NEW_CARDS_PER_DAY, createdAt: s.joinedAt })
    const cards = new Map<string, SimCard>()
    const review = (card: SimCard, at: Date, rating: Grade, how: { source: ReviewSource; durationMs: number | null; answer: string | null; correct: boolean | null }) => {
      const scheduled = scheduleReview(scheduler, card.state, card.id, at, rating)
      logRows.push(reviewLogData({ cardId: card.id, learnerId, version: card.version, scheduled, ...how }))
      card.state = scheduled.card
      card.version++
    }

    /** Creates the article's vocabulary cards the student does not have yet, as of `at`. */
    const addVocabulary = (articleId: string, at: Date) => {
      const have = new Set([...cards.values()].map((c) => `${c.vocabularyItemId}|${c.direction}`))
      for (const row of newVocabularyCardRows({ learnerId, items: vocabulary.get(articleId) ?? [], have, now: at })) {
        const card: SimCard = {
          id: newId(),
          learnerId,
          direction: row.direction,
          vocabularyItemId: row.vocabularyItemId ?? null,
          state: newCardState(at, new Date(row.due)),
          version: 0,
          createdAt: at,
        }
        cards.set(card.id, card)
      }
    }

    // The student's timeline: the first reading, attempts and evening review sessions, in time order.
    type Event =
      | { at: Date; kind: 'attempt'; assignment: (typeof assignments)[number]; theta: number }
      | { at: Date; kind: 'reading'; articleId: string }
      | { at: Date; kind: 'session' }
    const events: Event[] = [{ at: new Date(s.joinedAt.getTime() + (0.2 + 1.8 * rand()) * DAY_MS), kind: 'reading', articleId: firstReading }]
    for (const a of assignments) {
      if (rand() >= a.plan.participation) continue
      const limit = Math.min(a.dueAt.getTime(), now.getTime())
      const at = new Date(submissionTime(rand, a.createdAt.getTime(), limit))
      events.push({ at, kind: 'attempt', assignment: a, theta: s.theta })
      // Weak students use a second attempt when one is allowed, a little better the second time.
      const retakeAt = new Date(at.getTime() + (0.5 + rand()) * DAY_MS)
      if (a.plan.attemptsAllowed > 1 && s.theta < -0.3 && rand() < 0.6 && retakeAt < now && retakeAt < a.dueAt) {
        events.push({ at: retakeAt, kind: 'attempt', assignment: a, theta: s.theta + 0.5 })
      }
    }
    const first = Math.min(...events.map((e) => e.at.getTime()))
    if (Number.isFinite(first)) {
      const firstDay = Math.floor((first - now.getTime()) / DAY_MS)
      for (let day = firstDay + 1; day <= 0; day++) {
        if (rand() >= s.profile.sessionChance) continue
        // An evening session, 16:00–21:00 in Riyadh (13:00–18:00 UTC); today's only if already past.
        const at = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + day * DAY_MS + (13 + 5 * rand()) * 3_600_000)
        if (at < now && at.getTime() < s.stopsAt) events.push({ at, kind: 'session' })
      }
    }
    events.sort((x, y) => x.at.getTime() - y.at.getTime())

    for (const e of events) {
      if (e.kind === 'reading') {
        addVocabulary(e.articleId, e.at)
      } else if (e.kind === 'attempt') {
        const { quiz } = e.assignment
        const answers = new Map(quiz.items.map((item) => [item.id, answerFor(item, e.theta)]))
        const { score, total, responses } = scoreAnswers(quiz.items, answers)
        const attemptId = newId()
        const perItemMs = (25 + 65 * rand()) * 1000
        attemptRows.push({
          id: attemptId,
          learnerId,
          articleId: quiz.articleId,
          assignmentId: e.assignment.id,
          score,
          total,
          startedAt: new Date(e.at.getTime() - Math.round(perItemMs * total)),
          submittedAt: e.at,
        })
        for (const r of responses) responseRows.push({ attemptId, ...r })
        // As a quiz submit does (quiz.server.ts): the article's vocabulary cards, and an Again review of a card
        // for each missed question.
        addVocabulary(quiz.articleId, e.at)
        for (const r of responses) {
          if (r.correct) continue
          let card = [...cards.values()].find((c) => c.questionId === r.questionId)
          if (!card) {
            card = { id: newId(), learnerId, direction: 'question', questionId: r.questionId, state: newCardState(e.at), version: 0, createdAt: e.at }
            cards.set(card.id, card)
          }
          review(card, e.at, Rating.Again, { source: 'quiz', durationMs: null, answer: null, correct: false })
        }
      } else {
        session([...cards.values()], e.at, s.theta)
      }
    }
    for (const c of cards.values()) {
      cardRows.push({
        id: c.id,
        learnerId,
        direction: c.direction,
        vocabularyItemId: c.vocabularyItemId ?? null,
        questionId: c.questionId ?? null,
        ...stateColumns(c.state),
        version: c.version,
        createdAt: c.createdAt,
      })
    }

    /** One review session: today's due cards, new cards up to the daily limit, then learning steps. */
    function session(all: SimCard[], start: Date, theta: number) {
      let t = start.getTime()
      const dayEnd = Math.floor(t / DAY_MS) * DAY_MS + DAY_MS
      const byDue = (x: SimCard, y: SimCard) => x.state.due.getTime() - y.state.due.getTime()
      const due = all
        .filter((c) => c.state.state !== State.New && (c.state.state === State.Review ? c.state.due.getTime() < dayEnd : c.state.due.getTime() <= t + LEARN_AHEAD_MS))
        .sort(byDue)
      const fresh = all.filter((c) => c.state.state === State.New && c.state.due.getTime() <= t).sort(byDue).slice(0, DEMO_NEW_CARDS_PER_DAY)
      const touched = [...due, ...fresh]
      const take = (c: SimCard) => {
        // A learning step is taken when due (the student reviews other cards, or waits, meanwhile).
        const at = new Date(Math.max(t, c.state.state === State.Review ? 0 : c.state.due.getTime()))
        // Nothing is reviewed after `now` (a session started this evening stops there).
        if (at >= now) return
        const st = c.state
        // A card never seen: whether the student knew the word. A card seen before (learning steps too): its
        // FSRS retrievability now, capped (a card seen a minute ago is still missed now and then), shifted
        // by ability — so a weak student fails often, but not the same step again and again.
        let p = logistic(1 + theta)
        if (st.state !== State.New && st.lastReview) {
          const elapsed = Math.max(0, (at.getTime() - st.lastReview.getTime()) / DAY_MS)
          const r = Math.min(RECALL_CAP, Math.max(0.001, scheduler.forgetting_curve(elapsed, st.stability)))
          p = logistic(logit(r) + 0.6 * theta)
        }
        const recalled = rand() < p
        const typed = c.direction === 'cloze' || c.direction === 'production'
        const u = rand()
        const rating: Grade = !recalled ? Rating.Again : typed ? Rating.Good : u < 0.15 ? Rating.Hard : u > 0.9 ? Rating.Easy : Rating.Good
        const durationMs = Math.round((3 + 12 * rand()) * 1000)
        review(c, at, rating, {
          source: typed ? 'graded' : 'self',
          durationMs,
          answer: typed ? (recalled ? (surfaceOf.get(c.vocabularyItemId ?? '') ?? '') : '') : null,
          correct: typed ? recalled : null,
        })
        t = at.getTime() + durationMs + 2000
      }
      touched.forEach(take)
      // Learning steps (1 and 10 minutes) come back within the session; at most three more passes.
      for (let pass = 0; pass < 3; pass++) {
        const again = touched
          .filter((c) => (c.state.state === State.Learning || c.state.state === State.Relearning) && c.state.due.getTime() <= t + LEARN_AHEAD_MS)
          .sort(byDue)
        if (again.length === 0) break
        again.forEach(take)
      }
    }
  }

  // One SQLite transaction on the database file through better-sqlite3 prepared statements (as
  // scripts/bench-reviews.ts builds its data): all or nothing, about 65 000 rows in about a second.
  // Prisma wrote the same rows in about a minute with createMany and in about 6 s with multi-row raw
  // INSERTs on a busy machine. Values are converted as Prisma's adapter stores them (see sqlValue).
  writeRows(input.databaseUrl ?? getEnv().DATABASE_URL, [
    ['Learner', learnerRows],
    ['Assignment', assignmentRows],
    ['Attempt', attemptRows],
    ['Response', responseRows.map((r) => ({ id: newId(), ...r }))],
    ['Card', cardRows],
    ['ReviewLog', logRows.map((r) => ({ id: newId(), ...r }))],
  ])

  return { created: true, ...(await countDemoClass(db, classroomId)) }
}

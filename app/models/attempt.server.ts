/** Attempt results: score, answers, keys, explanations and evidence in context. */
import { prisma } from '~/db.server'
import { SentencesSchema, StringListSchema, parseJsonColumn, questionContentSelect } from './bank-json'
import { evidenceContext, type EvidenceContext } from './article-layout'
import { NotFoundError } from './errors'

export interface AttemptResultItem {
  questionId: string
  type: string
  stem: string
  options: string[]
  /** The learner's answer as given. */
  answer: string
  key: string
  correct: boolean
  explanation: string
  evidence: EvidenceContext
}

export interface AttemptResult {
  id: string
  score: number
  total: number
  /** ISO 8601 instant. */
  submittedAt: string
  learnerName: string
  article: { slug: string; titleAr: string }
  /**
   * The assignment the attempt answered, with the attempts its learner has used and may make (null for a
   * practice quiz): where "take it again" leads.
   */
  assignment: { id: string; attemptsUsed: number; attemptsAllowed: number } | null
  /** In question order. */
  items: AttemptResultItem[]
}

/**
 * An attempt's result, for the learner who made it or the teacher of that learner's class.
 * @param attemptId the attempt's id.
 * @param learnerId the session's learner id, or null.
 * @param teacherId the session's teacher id, or null.
 * @throws NotFoundError when the attempt does not exist, or the asker is neither its learner nor the
 *   teacher of its learner's class.
 */
export async function getAttemptResult(attemptId: string, learnerId: string | null, teacherId: string | null = null): Promise<AttemptResult> {
  if (!learnerId && !teacherId) throw new NotFoundError('Attempt')
  const attempt = await prisma.attempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      learnerId: true,
      score: true,
      total: true,
      submittedAt: true,
      learner: { select: { displayName: true, classroom: { select: { teacherId: true } } } },
      article: { select: { slug: true, titleAr: true, text: true, sentences: true } },
      assignment: { select: { id: true, attemptsAllowed: true } },
      responses: {
        select: {
          answer: true,
          correct: true,
          question: {
            select: {
              ...questionContentSelect,
              quizPosition: true,
              position: true,
            },
          },
        },
      },
    },
  })
  const ownLearner = !!learnerId && attempt?.learnerId === learnerId
  const theirTeacher = !!teacherId && attempt?.learner.classroom?.teacherId === teacherId
  if (!attempt || !(ownLearner || theirTeacher)) throw new NotFoundError('Attempt')
  const { article } = attempt
  const sentences = parseJsonColumn(SentencesSchema, article.sentences, `Article ${article.slug} sentences`)
  const assignment = attempt.assignment && {
    id: attempt.assignment.id,
    attemptsAllowed: attempt.assignment.attemptsAllowed,
    attemptsUsed: await prisma.attempt.count({ where: { assignmentId: attempt.assignment.id, learnerId: attempt.learnerId } }),
  }
  return {
    id: attempt.id,
    score: attempt.score,
    total: attempt.total,
    submittedAt: attempt.submittedAt.toISOString(),
    learnerName: attempt.learner.displayName,
    article: { slug: article.slug, titleAr: article.titleAr },
    assignment,
    items: attempt.responses.sort(byQuizOrder).map(({ answer, correct, question: q }) => ({
      questionId: q.id,
      type: q.type,
      stem: q.stem,
      options: parseJsonColumn(StringListSchema, q.options, `Question ${q.id} options`),
      answer,
      key: q.key,
      correct,
      explanation: q.explanation,
      // A retired question may point into an older version of the text: then show its evidence alone.
      evidence:
        article.text.slice(q.evidenceStart, q.evidenceEnd) === q.evidenceText
          ? evidenceContext(article.text, sentences, { start: q.evidenceStart, end: q.evidenceEnd })
          : { sentenceId: null, before: '', evidence: q.evidenceText, after: '' },
    })),
  }
}

/** Quiz order at the time of reading: quiz position, then bank rank for items since dropped from the quiz. */
function byQuizOrder(
  a: { question: { quizPosition: number | null; position: number } },
  b: { question: { quizPosition: number | null; position: number } },
): number {
  const qa = a.question.quizPosition ?? Number.MAX_SAFE_INTEGER
  const qb = b.question.quizPosition ?? Number.MAX_SAFE_INTEGER
  return qa - qb || a.question.position - b.question.position
}

/**
 * The printable copy of an assigned quiz (teachers still hand out paper): the assignment's approved items
 * in its order, with the key and the evidence sentence for the answer-key page. Only the class's own
 * teacher may read it.
 */
import { prisma } from '~/db.server'
import { StringListSchema, parseJsonColumn } from './bank-json'
import { NotFoundError } from './errors'

/** One item as printed: the stem, its options (empty for a typed answer), the key and its evidence. */
export interface PrintableItem {
  id: string
  type: string
  stem: string
  options: string[]
  key: string
  evidence: string
}

/** A printable quiz: the article title (Arabic), the class name, the mode and the items. */
export interface PrintableQuiz {
  assignmentId: string
  classId: string
  className: string
  mode: string
  article: { titleAr: string; titleEn: string; outlet: string }
  items: PrintableItem[]
}

/**
 * The printable quiz of an assignment of one of the teacher's classes. Items that were retired or lost
 * their approval since the assignment was made are left out, as on the student's quiz.
 * @param teacherId the signed-in teacher.
 * @throws NotFoundError ('Assignment') when the assignment is not of this class or the class is not the
 *   teacher's (both 404: another teacher learns nothing).
 */
export async function getPrintableQuiz(teacherId: string, classId: string, assignmentId: string): Promise<PrintableQuiz> {
  const row = await prisma.assignment.findFirst({
    where: { id: assignmentId, classroom: { id: classId, teacherId } },
    select: {
      id: true,
      mode: true,
      questionIds: true,
      classroom: { select: { id: true, name: true } },
      article: { select: { titleAr: true, titleEn: true, outlet: true } },
    },
  })
  if (!row) throw new NotFoundError('Assignment')
  const ids = parseJsonColumn(StringListSchema, row.questionIds, `Assignment ${row.id} questionIds`)
  const questions = await prisma.question.findMany({
    where: { id: { in: ids }, status: 'approved', retired: false },
    select: { id: true, type: true, stem: true, options: true, key: true, evidenceText: true },
  })
  const order = new Map(ids.map((id, i) => [id, i]))
  questions.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  return {
    assignmentId: row.id,
    classId: row.classroom.id,
    className: row.classroom.name,
    mode: row.mode,
    article: row.article,
    items: questions.map((q) => ({
      id: q.id,
      type: q.type,
      stem: q.stem,
      options: parseJsonColumn(StringListSchema, q.options, `Question ${q.id} options`),
      key: q.key,
      evidence: q.evidenceText,
    })),
  }
}

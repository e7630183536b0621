/**
 * Quiz and vocabulary exports for teachers: an assignment's items (in its order) or an article's approved
 * bank as Moodle GIFT or Moodle XML, and the article's vocabulary as an Anki text import. The writers are the
 * generator's pure exporters (`app/generator/export/`); this module reads the rows, checks who may see them
 * and names the file.
 *
 * Who may export: an assignment only the teacher of its class; an article its owner, and every teacher for
 * the shared sample articles (`ownerId` null) — the same rule as assigning. Anything else is NotFoundError,
 * exactly as for a record that does not exist.
 */
import { prisma } from '~/db.server'
import { vocabularyToAnkiTsv } from '~/generator/export/anki'
import { questionsToGift } from '~/generator/export/gift'
import { questionsToMoodleXml } from '~/generator/export/moodle-xml'
import { translator } from '~/i18n/catalogue'
import type { Lang } from '~/i18n/lang'
import { exportMessages } from '~/i18n/messages/exports'
import type { DownloadFile } from '~/utils/download.server'
import { StringListSchema, parseJsonColumn, questionContentSelect, questionFromColumns, vocabularyContentSelect, vocabularyFromColumns } from './bank-json'
import { NotFoundError } from './errors'

/** The export formats, as they appear in the URL (`…/export/<format>`). */
export const EXPORT_FORMATS = ['gift', 'moodle-xml', 'anki'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const extension: Record<ExportFormat, string> = { gift: 'gift', 'moodle-xml': 'xml', anki: 'txt' }
const contentType: Record<ExportFormat, string> = {
  gift: 'text/plain; charset=utf-8',
  'moodle-xml': 'application/xml; charset=utf-8',
  // Anki's importer takes .txt; tab-separated values with its header lines.
  anki: 'text/tab-separated-values; charset=utf-8',
}

async function render(
  format: ExportFormat,
  article: { id: string; slug: string; titleAr: string },
  questionRows: () => Promise<Parameters<typeof questionFromColumns>[0][]>,
): Promise<string> {
  if (format === 'anki') {
    const rows = await prisma.vocabularyItem.findMany({
      where: { articleId: article.id, retired: false },
      orderBy: { position: 'asc' },
      select: vocabularyContentSelect,
    })
    return vocabularyToAnkiTsv(rows.map(vocabularyFromColumns), { deck: `Fahm::${article.titleAr}`, tags: [article.slug] })
  }
  const questions = (await questionRows()).map(questionFromColumns)
  return format === 'gift' ? questionsToGift(questions, article.titleAr) : questionsToMoodleXml(questions, article.titleAr)
}

/**
 * An assignment's quiz (its chosen items that are still approved and not retired, in the assignment's
 * order — what its students get) as GIFT or Moodle XML, or its article's vocabulary for Anki.
 * @param teacherId the session's teacher.
 * @param lang the interface language (words in the file's UTF-8 name).
 * @returns the file: body, MIME type, ASCII and UTF-8 names.
 * @throws NotFoundError when the assignment does not exist or is not of one of the teacher's classes.
 * @throws DataIntegrityError when a stored JSON column is malformed.
 */
export async function exportAssignment(teacherId: string, assignmentId: string, format: ExportFormat, lang: Lang): Promise<DownloadFile> {
  const assignment = await prisma.assignment.findFirst({
    where: { id: assignmentId, classroom: { teacherId } },
    select: { id: true, questionIds: true, article: { select: { id: true, slug: true, titleAr: true } } },
  })
  if (!assignment) throw new NotFoundError('Assignment')
  const { article } = assignment
  const ids = parseJsonColumn(StringListSchema, assignment.questionIds, `Assignment ${assignment.id} questionIds`)
  const body = await render(format, article, async () => {
    const rows = await prisma.question.findMany({
      where: { id: { in: ids }, articleId: article.id, status: 'approved', retired: false },
      select: questionContentSelect,
    })
    const order = new Map(ids.map((id, i) => [id, i]))
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  })
  const t = translator(exportMessages, lang)
  const word = format === 'anki' ? t('vocabularyFile') : t('assignmentFile')
  return {
    body,
    contentType: contentType[format],
    asciiName: `fahm-${article.slug}-${format === 'anki' ? 'vocabulary' : 'assignment'}-${assignment.id.slice(-8)}.${extension[format]}`,
    utf8Name: `${article.titleAr} — ${word}.${extension[format]}`,
  }
}

/**
 * An article's approved, non-retired items in bank order as GIFT or Moodle XML, or its active vocabulary
 * for Anki.
 * @param teacherId the session's teacher: the article must be theirs or a shared sample.
 * @param lang the interface language (words in the file's UTF-8 name).
 * @returns the file: body, MIME type, ASCII and UTF-8 names.
 * @throws NotFoundError when the article does not exist or belongs to another teacher.
 * @throws DataIntegrityError when a stored JSON column is malformed.
 */
export async function exportArticle(teacherId: string, articleId: string, format: ExportFormat, lang: Lang): Promise<DownloadFile> {
  const article = await prisma.article.findFirst({
    where: { id: articleId, OR: [{ ownerId: teacherId }, { ownerId: null }] },
    select: { id: true, slug: true, titleAr: true },
  })
  if (!article) throw new NotFoundError('Article')
  const body = await render(format, article, () =>
    prisma.question.findMany({
      where: { articleId: article.id, status: 'approved', retired: false },
      orderBy: { position: 'asc' },
      select: questionContentSelect,
    }),
  )
  const t = translator(exportMessages, lang)
  const word = format === 'anki' ? t('vocabularyFile') : t('quizFile')
  return {
    body,
    contentType: contentType[format],
    asciiName: `fahm-${article.slug}-${format === 'anki' ? 'vocabulary' : 'questions'}.${extension[format]}`,
    utf8Name: `${article.titleAr} — ${word}.${extension[format]}`,
  }
}

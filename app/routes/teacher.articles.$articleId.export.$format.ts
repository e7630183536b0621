/**
 * /teacher/articles/:articleId/export/:format — an article's approved questions as a Moodle GIFT (`gift`) or
 * Moodle XML (`moodle-xml`) file, or its vocabulary for Anki (`anki`). Resource route: the loader answers the
 * file as an attachment. The article's owner, or any teacher for a shared sample article; anyone else 404, a
 * visitor without a teacher session is sent to the sign-in page.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getLang } from '~/i18n/lang.server'
import { EXPORT_FORMATS, exportArticle } from '~/models/export.server'
import { requireTeacher } from '~/utils/auth.server'
import { downloadOrNotFound, fileNotFound } from '~/utils/download.server'
import { ArticleIdParamsSchema } from '~/utils/params.server'

const ParamsSchema = ArticleIdParamsSchema.extend({ format: z.enum(EXPORT_FORMATS) })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const parsed = ParamsSchema.safeParse(params)
  if (!parsed.success) return fileNotFound()
  const { articleId, format } = parsed.data
  const lang = await getLang(request)
  return downloadOrNotFound(() => exportArticle(teacher.id, articleId, format, lang))
}

/**
 * /teacher/classes/:classId/assignments/:assignmentId/print — a printable copy of an assigned quiz for the
 * class's own teacher (any other teacher, or a student, gets 404 / the sign-in page). The question sheet is
 * Arabic whatever the interface language (it is handed to students); the answer key starts on a new page
 * (`break-before: page` in the print stylesheet), so the sheets can be copied without it.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { translator } from '~/i18n/catalogue'
import { teacherMessages as teacherText } from '~/i18n/messages/teacher'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getPrintableQuiz, type PrintableItem } from '~/models/printable-quiz.server'
import { requireTeacher } from '~/utils/auth.server'
import { withHttpErrors } from '~/utils/http.server'
import { AssignmentParamsSchema, ClassParamsSchema, parseParams } from '~/utils/params.server'

const PrintParamsSchema = ClassParamsSchema.extend(AssignmentParamsSchema.shape)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { classId, assignmentId } = parseParams(PrintParamsSchema, params)
  return withHttpErrors(async () => ({ quiz: await getPrintableQuiz(teacher.id, classId, assignmentId) }))
}

/** Option letters of the Arabic alphabet in the traditional (abjad) order used for lettered options. */
const OPTION_LETTERS = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح']

/** The sheet handed to students: always Arabic. */
const sheet = translator(teacherText, 'ar')

export default function PrintableQuizPage() {
  const { quiz } = useLoaderData<typeof loader>()
  const t = useT(teacherText)
  return (
    <div className="printable">
      <div className="print-controls no-print">
        <p>
          <Link to={`/teacher/classes/${quiz.classId}#assignments`}>{t('backToClass')}</Link>
        </p>
        <p className="muted">{t('printHint')}</p>
        <PrintButton label={t('printButton')} />
      </div>

      <section className="print-sheet" lang="ar" dir="rtl" aria-labelledby="print-title">
        <h1 id="print-title">{quiz.article.titleAr}</h1>
        <p className="print-meta">
          {sheet('printClass')} <bdi>{quiz.className}</bdi> · <bdi>{quiz.article.outlet}</bdi>
        </p>
        <p className="print-fill">
          <span>{sheet('printName')}</span> <span className="print-line" />
          <span>{sheet('printDate')}</span> <span className="print-line short" />
        </p>
        <ol className="print-items">
          {quiz.items.map((item) => (
            <PrintItem key={item.id} item={item} />
          ))}
        </ol>
      </section>

      <section className="print-key" aria-labelledby="print-key-title">
        <h2 id="print-key-title">
          {t('answerKey')}: <bdi lang="ar">{quiz.article.titleAr}</bdi>
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('keyNumber')}</th>
              <th scope="col">{t('keyAnswer')}</th>
              <th scope="col">{t('keyEvidence')}</th>
            </tr>
          </thead>
          <tbody>
            {quiz.items.map((item, i) => {
              const letter = OPTION_LETTERS[item.options.indexOf(item.key)]
              return (
                <tr key={item.id}>
                  <th scope="row">
                    <bdi>{i + 1}</bdi>
                  </th>
                  <td lang="ar" dir="rtl">
                    {letter ? `${letter}) ` : null}
                    <BidiText text={item.key} />
                  </td>
                  <td lang="ar" dir="rtl">
                    <BidiText text={item.evidence} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </div>
  )
}

function PrintItem({ item }: { item: PrintableItem }) {
  return (
    <li className="print-item">
      <p className="print-stem">
        <BidiText text={item.stem} />
      </p>
      {item.options.length > 0 ? (
        <ul className="print-options">
          {item.options.map((option, i) => (
            <li key={`${i}-${option}`}>
              <span className="print-box" aria-hidden="true" /> {OPTION_LETTERS[i] ?? ''}){' '}
              <BidiText text={option} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="print-answer">
          {sheet('printWriteAnswer')} <span className="print-line long" />
        </p>
      )}
    </li>
  )
}

/** Opens the browser's print dialog (after hydration; without JavaScript the browser's own Print works). */
function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (lang) => (data ? translator(teacherText, lang)('printTitle', { title: data.quiz.article.titleAr }) : null))

export const ErrorBoundary = RouteErrorBoundary

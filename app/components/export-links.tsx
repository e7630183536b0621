/**
 * Download links for the quiz and vocabulary exports (GIFT, Moodle XML, Anki) of an assignment or an
 * article. Plain `<a download>`: the targets are resource routes that answer files, not pages.
 */
import { useT } from '~/i18n/use-t'
import { exportMessages } from '~/i18n/messages/exports'

/**
 * @param base the export URL without the format, e.g. `/teacher/assignments/<id>/export`.
 * @param label which lead-in to show: an assignment row's or an article page's.
 */
export function ExportLinks({ base, label }: { base: string; label: 'assignmentDownloads' | 'articleDownloads' }) {
  const t = useT(exportMessages)
  const formats = [
    ['gift', t('gift')],
    ['moodle-xml', t('moodleXml')],
    ['anki', t('anki')],
  ] as const
  return (
    <span className="export-links">
      {t(label)}{' '}
      {formats.map(([format, text], i) => (
        <span key={format}>
          {i > 0 ? ' · ' : null}
          <a href={`${base}/${format}`} download>
            <bdi>{text}</bdi>
          </a>
        </span>
      ))}
    </span>
  )
}

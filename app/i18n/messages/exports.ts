/**
 * Interface text of the quiz and vocabulary exports: the download links on the teacher's class and article
 * pages, and the words in downloaded files' names. Format names (GIFT, Moodle XML, Anki) stay Latin in both
 * languages; the component wraps them in `<bdi>`.
 */
import { defineMessages } from '../catalogue'

export const exportMessages = defineMessages({
  ar: {
    /** Before the links of an assignment row. */
    assignmentDownloads: 'نزّل الواجب:',
    /** Before the links on an article's page. */
    articleDownloads: 'نزّل الأسئلة المعتمدة والمفردات:',
    gift: 'أسئلة GIFT',
    moodleXml: 'أسئلة Moodle XML',
    anki: 'مفردات Anki',
    /** The list of shared sample articles on the teacher's articles page, and the mark beside each. */
    sampleArticles: 'المقالات النموذجية',
    sample: 'نموذجي',
    /** Word in a downloaded file's UTF-8 name: «<title> — واجب.gift». */
    assignmentFile: 'واجب',
    quizFile: 'أسئلة',
    vocabularyFile: 'مفردات',
  },
  en: {
    assignmentDownloads: 'Download the assignment:',
    articleDownloads: 'Download the approved questions and vocabulary:',
    gift: 'GIFT questions',
    moodleXml: 'Moodle XML questions',
    anki: 'Anki vocabulary',
    sampleArticles: 'Sample articles',
    sample: 'sample',
    assignmentFile: 'assignment',
    quizFile: 'questions',
    vocabularyFile: 'vocabulary',
  },
})

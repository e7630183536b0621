/**
 * Messages of the page shell (header, skip link, language switch, error pages) and words shared by
 * several pages (the product name, quiz modes).
 */
import { defineMessages, plural } from '../catalogue'

export const commonMessages = defineMessages({
  ar: {
    brand: 'فهم',
    tagline: 'اختبارات فهم المقروء من الأخبار العربية',
    description: 'اختبارات فهم المقروء من مقالات إخبارية عربية',
    skipToContent: 'انتقل إلى المحتوى',
    siteNav: 'الموقع',
    navJoin: 'انضم إلى صف',
    navTeachers: 'للمعلّمين',
    navReview: 'المراجعة',
    reviewableNow: (p: { n: number }) =>
      plural('ar', p.n, { one: 'بطاقة واحدة مستحقة الآن', two: 'بطاقتان مستحقتان الآن', few: '# بطاقات مستحقة الآن', other: '# بطاقة مستحقة الآن' }),
    /** The switch's button names the other language in that language. */
    switchLabel: 'لغة الواجهة',
    switchTo: 'English',
    langPageTitle: 'لغة الواجهة',
    langPageIntro: 'اختر لغة الواجهة. تبقى المقالات والأسئلة بالعربية.',
    langInvalid: 'اختر العربية أو الإنجليزية.',
    errorTitle: 'خطأ',
    notFoundTitle: 'غير موجود',
    backToArticles: 'العودة إلى قائمة المقالات',
    /** Shown under a server error with the id the server logged it with. */
    requestId: 'رقم الطلب (للإبلاغ عن الخطأ)',
    titleSuffix: (p: { title: string }) => `${p.title} — فهم`,
    modeTest: 'اختبار',
    modePractice: 'تدريب',
    notYou: 'ليس أنت؟',
  },
  en: {
    brand: 'Fahm',
    tagline: 'Reading-comprehension quizzes from Arabic news',
    description: 'Reading-comprehension quizzes from Arabic news articles',
    skipToContent: 'Skip to content',
    siteNav: 'Site',
    navJoin: 'Join a class',
    navTeachers: 'For teachers',
    navReview: 'Review',
    reviewableNow: (p: { n: number }) => plural('en', p.n, { one: '# card due now', other: '# cards due now' }),
    switchLabel: 'Interface language',
    switchTo: 'العربية',
    langPageTitle: 'Interface language',
    langPageIntro: 'Choose the interface language. Articles and questions stay in Arabic.',
    langInvalid: 'Choose Arabic or English.',
    errorTitle: 'Error',
    notFoundTitle: 'Not found',
    backToArticles: 'Back to the articles',
    requestId: 'Request id (to report the error)',
    titleSuffix: (p: { title: string }) => `${p.title} — Fahm`,
    modeTest: 'test',
    modePractice: 'practice',
    notYou: 'Not you?',
  },
})

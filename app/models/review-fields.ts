/**
 * The review pages' client-safe half: field limits, rating and direction labels, and every bilingual
 * message. Route components import this module only (no zod, no scheduler in the browser bundle);
 * `review-forms.ts` holds the schemas.
 */
import type { BilingualMessage } from './errors'

/** Longest typed answer accepted on a review card (characters). */
export const REVIEW_ANSWER_MAX = 200
/** Bounds of the settings form. */
export const RETENTION_PERCENT_MIN = 70
export const RETENTION_PERCENT_MAX = 97
export const NEW_CARDS_PER_DAY_MAX = 200
/** Interval (days) from which a card counts as mature in the statistics (Anki's definition). */
export const MATURE_INTERVAL_DAYS = 21

/** The four FSRS ratings as the buttons name them (ts-fsrs Rating values). */
export const RATING_LABELS = {
  1: { ar: 'أعد', en: 'Again' },
  2: { ar: 'صعب', en: 'Hard' },
  3: { ar: 'جيد', en: 'Good' },
  4: { ar: 'سهل', en: 'Easy' },
} as const satisfies Record<1 | 2 | 3 | 4, BilingualMessage>
export type RatingValue = keyof typeof RATING_LABELS

/** What each card direction asks. */
export const DIRECTION_LABELS = {
  recognition: { ar: 'ما معنى هذه الكلمة؟', en: 'What does this word mean?' },
  production: { ar: 'اكتب الكلمة العربية', en: 'Type the Arabic word' },
  cloze: { ar: 'أكمل الجملة بالكلمة الناقصة', en: 'Fill in the missing word' },
  question: { ar: 'سؤال أخطأت فيه من قبل', en: 'A question you missed' },
} as const satisfies Record<string, BilingualMessage>

/** ts-fsrs states, for the card's details line. */
export const STATE_LABELS = {
  0: { ar: 'جديدة', en: 'New' },
  1: { ar: 'قيد التعلّم', en: 'Learning' },
  2: { ar: 'مراجعة', en: 'Review' },
  3: { ar: 'إعادة تعلّم', en: 'Relearning' },
} as const satisfies Record<0 | 1 | 2 | 3, BilingualMessage>

/** Messages of the review page, the settings form and the "add vocabulary" form. */
export const reviewMessages = {
  already_reviewed: {
    ar: 'سبقت مراجعة هذه البطاقة، فلم تُسجَّل الإجابة مرة ثانية.',
    en: 'This card was already reviewed; the repeated answer was not recorded.',
  },
  invalid_post: {
    ar: 'النموذج غير صالح أو قديم، أعد تحميل الصفحة.',
    en: 'The form is invalid or outdated; reload the page.',
  },
  typed_card_needs_answer: {
    ar: 'هذه البطاقة تُصحَّح من إجابتك المكتوبة، لا بالتقييم الذاتي.',
    en: 'This card is graded from your typed answer, not self-rated.',
  },
  self_rated_card_needs_rating: {
    ar: 'قيّم تذكّرك لهذه البطاقة بأحد الأزرار الأربعة.',
    en: 'Rate this card with one of the four buttons.',
  },
  settings_saved: { ar: 'حُفظت الإعدادات.', en: 'Settings saved.' },
  settings_summary: {
    ar: 'لم يُحفظ شيء. صحّح ما يلي ثم أعد الإرسال.',
    en: 'Nothing was saved. Correct the following and submit again.',
  },
  time_zone_invalid: { ar: 'اختر منطقة زمنية من القائمة.', en: 'Choose a time zone from the list.' },
  retention_out_of_range: {
    ar: `اختر نسبة بين ${RETENTION_PERCENT_MIN}٪ و${RETENTION_PERCENT_MAX}٪.`,
    en: `Choose a value from ${RETENTION_PERCENT_MIN}% to ${RETENTION_PERCENT_MAX}%.`,
  },
  new_cards_out_of_range: {
    ar: `اختر عددًا من 0 إلى ${NEW_CARDS_PER_DAY_MAX}.`,
    en: `Choose a number from 0 to ${NEW_CARDS_PER_DAY_MAX}.`,
  },
  display_name_empty: { ar: 'اكتب اسمك أولًا.', en: 'Enter your name first.' },
  display_name_no_letter: {
    ar: 'اكتب اسمًا فيه حرف واحد على الأقل.',
    en: 'Enter a name with at least one letter.',
  },
  display_name_too_long: {
    ar: 'الاسم طويل جدًا (60 حرفًا على الأكثر).',
    en: 'The name is too long (60 characters at most).',
  },
} as const satisfies Record<string, BilingualMessage>
export type ReviewMessageCode = keyof typeof reviewMessages

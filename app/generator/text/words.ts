/**
 * Closed-class knowledge about Arabic words that several stages share: frequent news verbs and a
 * heuristic verb test on a clause's first word.
 */
import { normalizeLetters } from './normalize'
import { tokenize, type Token } from './tokens'

const n = (w: string) => normalizeLetters(w)

/** Verbs of speech and of events common in news prose (normalised, without conjunction). */
export const KNOWN_VERBS = new Set(
  [
    'قال', 'قالت', 'أكد', 'أكدت', 'حذر', 'حذرت', 'أعلن', 'أعلنت', 'تعهد', 'تعهدت', 'أضاف', 'أضافت', 'أوضح', 'أوضحت',
    'صرح', 'صرحت', 'شدد', 'شددت', 'أشار', 'أشارت', 'أشاد', 'أشادت', 'اعتبر', 'اعتبرت', 'دعا', 'دعت', 'نفى', 'نفت',
    'وصف', 'وصفت', 'تابع', 'ذكر', 'ذكرت', 'رأى', 'يرى', 'يقول', 'تقول', 'يعتقد', 'تعتقد', 'استقبل', 'استقبلت',
    'التقى', 'التقت', 'انضم', 'انضمت', 'زار', 'زارت', 'وصل', 'وصلت', 'أطلق', 'أطلقت', 'أجرى', 'أجرت', 'عقد',
    'عقدت', 'وقع', 'وقعت', 'فرض', 'فرضت', 'سلم', 'سلمت', 'أرسل', 'أرسلت', 'شكر', 'شكرت', 'رافق', 'رافقت', 'غادر',
    'غادرت', 'توجه', 'توجهت', 'اتهم', 'اتهمت', 'أدان', 'أدانت', 'أدانا', 'بحث', 'بحثت', 'ناقش', 'ناقشت', 'هاجم',
    'هاجمت', 'قصف', 'قصفت', 'أسقط', 'أسقطت', 'اختبر', 'اختبرت', 'أشرف', 'أشرفت', 'شارك', 'شاركت', 'حضر', 'حضرت',
    'ترأس', 'ترأست', 'انتهت', 'انتهى', 'بدأ', 'بدأت', 'استمر', 'استمرت', 'تعرضت', 'تعرض', 'فشلت', 'فشل', 'تسعى',
    'يسعى', 'سعى', 'سعت', 'أصدر', 'أصدرت', 'هدد', 'هددت', 'طالب', 'طالبت', 'رفض', 'رفضت', 'قرر', 'قررت', 'أعرب',
    'أعربت', 'كشف', 'كشفت', 'نشر', 'نشرت', 'بث', 'بثت', 'أظهر', 'أظهرت', 'أجرت', 'استضاف', 'استضافت', 'اجتمع',
    'اجتمعت', 'تبادل', 'وقّع', 'أبرم', 'أبرمت', 'منح', 'منحت', 'زود', 'زودت', 'سلّم', 'تسلم', 'تسلمت', 'أسفر',
    'أسفرت', 'قتل', 'قتلت', 'أصاب', 'أصابت', 'ضرب', 'ضربت', 'استهدف', 'استهدفت', 'يستهدف', 'تستهدف', 'أكد',
  ].map(n),
)

/** The token without a leading conjunction و / ف (normalised). */
export function bare(t: Token): string {
  return t.norm.length > 3 && /^[وف]/.test(t.norm) ? t.norm.slice(1) : t.norm
}

/**
 * Heuristic verb test for the first word of a clause: a known verb, or an imperfect form (ي / ت prefix,
 * four letters or more, not a definite noun), or a sound past-tense verb with feminine ـت.
 */
export function isVerbLike(t: Token): boolean {
  const b = bare(t)
  if (KNOWN_VERBS.has(b) || KNOWN_VERBS.has(t.norm)) return true
  if (/^(?:ال|لل)/.test(b)) return false
  if (/^[يت][^ا]/.test(b) && b.length >= 4 && !/(?:ه|ات|يه)$/.test(b)) return true
  if (/^(?:سي|ست)/.test(b) && b.length >= 5) return true
  return false
}


/** A countable noun of news prose: singular, plural (after 3–10) and grammatical gender. */
export interface CountedNoun {
  singular: string
  plural: string
  /** Grammatical gender of the noun. */
  gender: 'm' | 'f'
}

/** Countable nouns of news prose with their plurals and gender. */
export const COUNTED_NOUNS: CountedNoun[] = [
  { singular: 'ساعة', plural: 'ساعات', gender: 'f' },
  { singular: 'يوم', plural: 'أيام', gender: 'm' },
  { singular: 'مرة', plural: 'مرات', gender: 'f' },
  { singular: 'دقيقة', plural: 'دقائق', gender: 'f' },
  { singular: 'أسبوع', plural: 'أسابيع', gender: 'm' },
  { singular: 'شهر', plural: 'أشهر', gender: 'm' },
  { singular: 'عام', plural: 'أعوام', gender: 'm' },
  { singular: 'سنة', plural: 'سنوات', gender: 'f' },
  { singular: 'صاروخ', plural: 'صواريخ', gender: 'm' },
  { singular: 'طائرة', plural: 'طائرات', gender: 'f' },
  { singular: 'قذيفة', plural: 'قذائف', gender: 'f' },
  { singular: 'منظومة', plural: 'منظومات', gender: 'f' },
  { singular: 'شخص', plural: 'أشخاص', gender: 'm' },
  { singular: 'نقطة', plural: 'نقاط', gender: 'f' },
  { singular: 'قائد', plural: 'قادة', gender: 'm' },
  { singular: 'مسيرة', plural: 'مسيرات', gender: 'f' },
  { singular: 'كيلومتر', plural: 'كيلومترات', gender: 'm' },
  { singular: 'محرك', plural: 'محركات', gender: 'm' },
  { singular: 'موقع', plural: 'مواقع', gender: 'm' },
  { singular: 'هدف', plural: 'أهداف', gender: 'm' },
  { singular: 'منطقة', plural: 'مناطق', gender: 'f' },
  { singular: 'محتجز', plural: 'محتجزين', gender: 'm' },
  { singular: 'أسير', plural: 'أسرى', gender: 'm' },
  { singular: 'رهينة', plural: 'رهائن', gender: 'f' },
  { singular: 'مقاتل', plural: 'مقاتلين', gender: 'm' },
  { singular: 'قتيل', plural: 'قتلى', gender: 'm' },
  { singular: 'جريح', plural: 'جرحى', gender: 'm' },
  { singular: 'شاحنة', plural: 'شاحنات', gender: 'f' },
  { singular: 'سفينة', plural: 'سفن', gender: 'f' },
  { singular: 'مدينة', plural: 'مدن', gender: 'f' },
  { singular: 'دبابة', plural: 'دبابات', gender: 'f' },
  { singular: 'ضربة', plural: 'ضربات', gender: 'f' },
  { singular: 'غارة', plural: 'غارات', gender: 'f' },
  { singular: 'جولة', plural: 'جولات', gender: 'f' },
  { singular: 'عضو', plural: 'أعضاء', gender: 'm' },
  { singular: 'دولة', plural: 'دول', gender: 'f' },
  { singular: 'منصة', plural: 'منصات', gender: 'f' },
  { singular: 'مليار', plural: 'مليارات', gender: 'm' },
  { singular: 'مليون', plural: 'ملايين', gender: 'm' },
  { singular: 'دولار', plural: 'دولارات', gender: 'm' },
  { singular: 'كيلوغرام', plural: 'كيلوغرامات', gender: 'm' },
  { singular: 'طن', plural: 'أطنان', gender: 'm' },
  { singular: 'جندي', plural: 'جنود', gender: 'm' },
]

/** Ordinal adjectives 1st–10th, masculine and feminine, definite. */
export const ORDINALS: Array<[string, string]> = [
  ['الأول', 'الأولى'], ['الثاني', 'الثانية'], ['الثالث', 'الثالثة'], ['الرابع', 'الرابعة'], ['الخامس', 'الخامسة'],
  ['السادس', 'السادسة'], ['السابع', 'السابعة'], ['الثامن', 'الثامنة'], ['التاسع', 'التاسعة'], ['العاشر', 'العاشرة'],
]

/** Family name of a person's full name: first token of an East Asian three-part name, else the last. */
export function familyName(name: string): string {
  const toks = tokenize(name)
  if (toks.length < 2) return name
  const eastAsian = toks.length === 3 && toks.every((t) => t.norm.length <= 5)
  return (eastAsian ? toks[0]! : toks[toks.length - 1]!).text
}


/** Messages of the article list (`/`) and the reading view (`/articles/:slug`). */
import { defineMessages, plural } from '../catalogue'

export const articleMessages = defineMessages({
  ar: {
    listTitle: 'المقالات',
    noArticles: 'لا مقالات بعد. شغّل الأمر التالي لتحميلها:',
    noQuestionsYet: 'لا أسئلة بعد',
    /** CLDR plural categories: 1 سؤال، 2 سؤالان، 3–10 أسئلة، 11–99 سؤالًا، 100 سؤال. */
    questionCount: (p: { n: number }) =>
      plural('ar', p.n, { zero: '# سؤال', one: '# سؤال', two: '# سؤالان', few: '# أسئلة', many: '# سؤالًا', other: '# سؤال' }),
    byline: 'بيانات النشر',
    startQuiz: 'ابدأ الاختبار',
    noQuestionsForArticle: 'لا أسئلة لهذا المقال بعد.',
    vocabularyHeading: 'كلمات المقال',
    vocabularyIntroBefore: (p: { n: number }) => `في هذا المقال ${p.n} من مفردات الأخبار السياسية. أضفها إلى`,
    vocabularyIntroLink: 'مراجعتك',
    vocabularyIntroAfter: ': لكل كلمة ثلاث بطاقات (المعنى، وإكمال الجملة، وكتابة الكلمة)، تعود إليك في مواعيدها.',
    addedNone: 'كلمات هذا المقال في مراجعتك من قبل.',
    addedSome: (p: { n: number }) =>
      plural('ar', p.n, {
        one: 'أُضيفت بطاقة واحدة إلى مراجعتك.',
        two: 'أُضيفت بطاقتان إلى مراجعتك.',
        few: 'أُضيفت # بطاقات إلى مراجعتك.',
        other: 'أُضيفت # بطاقة إلى مراجعتك.',
      }),
    cardsInReview: (p: { n: number }) =>
      plural('ar', p.n, {
        one: 'في مراجعتك الآن بطاقة واحدة من كلمات هذا المقال.',
        two: 'في مراجعتك الآن بطاقتان من كلمات هذا المقال.',
        few: 'في مراجعتك الآن # بطاقات من كلمات هذا المقال.',
        other: 'في مراجعتك الآن # بطاقة من كلمات هذا المقال.',
      }),
    yourName: 'اسمك',
    addVocabulary: 'أضف كلمات المقال إلى المراجعة',
    vocabularyCaption: 'مفردات المقال ومعانيها',
    colSurface: 'الكلمة في المقال',
    colLemma: 'أصلها',
    colGloss: 'المعنى (بالإنجليزية)',
  },
  en: {
    listTitle: 'Articles',
    noArticles: 'No articles yet. Run this command to load them:',
    noQuestionsYet: 'No questions yet',
    questionCount: (p: { n: number }) => plural('en', p.n, { one: '# question', other: '# questions' }),
    byline: 'Publication details',
    startQuiz: 'Start the quiz',
    noQuestionsForArticle: 'This article has no questions yet.',
    vocabularyHeading: "The article's words",
    vocabularyIntroBefore: (p: { n: number }) =>
      `This article has ${p.n} ${p.n === 1 ? 'term' : 'terms'} of political news vocabulary. Add them to`,
    vocabularyIntroLink: 'your review',
    vocabularyIntroAfter: ': three cards per word (meaning, completing the sentence, writing the word), each coming back when it is due.',
    addedNone: "This article's words are already in your review.",
    addedSome: (p: { n: number }) => plural('en', p.n, { one: '# card added to your review.', other: '# cards added to your review.' }),
    cardsInReview: (p: { n: number }) =>
      plural('en', p.n, { one: "Your review holds # card from this article's words.", other: "Your review holds # cards from this article's words." }),
    yourName: 'Your name',
    addVocabulary: "Add the article's words to my review",
    vocabularyCaption: "The article's vocabulary and its meanings",
    colSurface: 'Word in the article',
    colLemma: 'Lemma',
    colGloss: 'Meaning (English)',
  },
})

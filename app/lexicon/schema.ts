/**
 * Zod schemas for the domain lexicons in `content/lexicon/*.json`.
 *
 * Lexicons are reusable domain knowledge (people with their spelling variants, places, organisations,
 * weapon terms, political vocabulary, and the trigger words the entity rules use). They are never an
 * answer key for one article: every entry must make sense for Arabic news in general.
 *
 * Pure module: no I/O. `load.server.ts` reads the files and validates them with these schemas.
 */
import { z } from 'zod'

/** A lowercase ASCII identifier, stable across edits of the entry (used in entity ids). */
const EntryId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lowercase ASCII letters, digits and hyphens')

/** Arabic (or Latin, for model names such as IRIS-T) surface text of a term: non-empty, trimmed. */
const Surface = z
  .string()
  .min(1)
  .refine((s) => s === s.trim(), 'no leading or trailing spaces')

/**
 * A person. `variants` are full spellings that identify the person on their own (e.g. «فلاديمير بوتين»,
 * «فلادمير بوتين», «بوتين»); `aliases` are short forms that are ambiguous out of context (e.g. «كيم») and
 * only link to this person in an article where a full variant also occurs.
 */
export const PersonEntrySchema = z.object({
  id: EntryId,
  canonical: Surface,
  variants: z.array(Surface).min(1),
  aliases: z.array(Surface).default([]),
  gender: z.enum(['m', 'f']),
  role_en: z.string().min(1).optional(),
  role_ar: Surface.optional(),
  /** ISO 3166-1 alpha-2 code of the country the person serves or belongs to, if any. */
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
})
export type PersonEntry = z.infer<typeof PersonEntrySchema>

/**
 * The sub-regions of the UN M49 standard ("Standard country or area codes for statistical use", UN
 * Statistics Division), with the continent each belongs to.
 */
export const M49_CONTINENT = {
  'Northern Africa': 'Africa',
  'Eastern Africa': 'Africa',
  'Middle Africa': 'Africa',
  'Southern Africa': 'Africa',
  'Western Africa': 'Africa',
  Caribbean: 'Americas',
  'Central America': 'Americas',
  'South America': 'Americas',
  'Northern America': 'Americas',
  'Central Asia': 'Asia',
  'Eastern Asia': 'Asia',
  'South-eastern Asia': 'Asia',
  'Southern Asia': 'Asia',
  'Western Asia': 'Asia',
  'Eastern Europe': 'Europe',
  'Northern Europe': 'Europe',
  'Southern Europe': 'Europe',
  'Western Europe': 'Europe',
  'Australia and New Zealand': 'Oceania',
  Melanesia: 'Oceania',
  Micronesia: 'Oceania',
  Polynesia: 'Oceania',
} as const
const M49_SUBREGIONS = Object.keys(M49_CONTINENT) as [keyof typeof M49_CONTINENT, ...Array<keyof typeof M49_CONTINENT>]

export const PlaceEntrySchema = z.object({
  id: EntryId,
  canonical: Surface,
  variants: z.array(Surface).min(1),
  english: z.string().min(1),
  kind: z.enum(['country', 'city', 'region', 'facility', 'institution', 'water', 'building']),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** A country's UN M49 sub-region («Northern Africa», «Western Asia»): neighbours make plausible distractors. */
  subregion: z.enum(M49_SUBREGIONS).optional(),
})
export type PlaceEntry = z.infer<typeof PlaceEntrySchema>

export const OrganizationEntrySchema = z.object({
  id: EntryId,
  canonical: Surface,
  variants: z.array(Surface).min(1),
  english: z.string().min(1),
  kind: z.enum(['government', 'military', 'media', 'international', 'company', 'court', 'party', 'other']),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
})
export type OrganizationEntry = z.infer<typeof OrganizationEntrySchema>

export const WeaponEntrySchema = z.object({
  id: EntryId,
  canonical: Surface,
  variants: z.array(Surface).min(1),
  english: z.string().min(1),
  category: z.enum([
    'missile',
    'drone',
    'artillery',
    'munition',
    'air_defence',
    'aircraft',
    'naval',
    'space',
    'vehicle',
    'small_arms',
    'nuclear',
    'general',
  ]),
  /** A model or system name («ناسامز», «هواسونغ-18»): a proper noun, so a distractor in this form takes no
   * article and no case ending when the key has them. Absent for generic terms («صاروخ باليستي»). */
  model: z.literal(true).optional(),
})
export type WeaponEntry = z.infer<typeof WeaponEntrySchema>

/**
 * A vocabulary term for flashcards. `forms` lists the surface forms to look for in an article (singular,
 * dual, sound and broken plurals, common definite forms are found by light stemming and need not be
 * listed); `lemma` is the dictionary form shown on the card; `root` the consonantal root in Arabic
 * letters separated by nothing (e.g. «قمم»), or null for loanwords.
 */
export const VocabularyEntrySchema = z.object({
  id: EntryId,
  lemma: Surface,
  root: z.string().min(2).nullable(),
  gloss_en: z.string().min(1),
  pos: z.enum(['noun', 'verb', 'adjective', 'phrase', 'masdar']),
  forms: z.array(Surface).min(1),
  topic: z.enum(['diplomacy', 'military', 'politics', 'economy', 'media', 'law', 'general']),
})
export type VocabularyEntry = z.infer<typeof VocabularyEntrySchema>

/**
 * Trigger words for the entity rules (ARABIC-NOTES.md, issue 3): titles and roles that precede a person's
 * name, nationality adjectives, heads of place, organisation and weapon phrases. Each list holds surface
 * forms; matching is on normalised text.
 */
export const TriggersSchema = z.object({
  /** Titles and roles that precede a person's name: «الرئيس», «وزير الدفاع», «المتحدث باسم». */
  person_titles: z.array(Surface).min(1),
  /** Nationality adjectives (masculine singular, definite): «الروسي», «الكوري الشمالي». */
  nationalities: z.array(Surface).min(1),
  /** Heads of a place phrase: «قاعدة», «مدينة», «العاصمة», «شبه جزيرة». */
  place_heads: z.array(Surface).min(1),
  /** Heads of an organisation phrase: «وكالة», «وزارة», «مجلس». */
  organization_heads: z.array(Surface).min(1),
  /** Heads of a weapon phrase: «صاروخ», «صواريخ», «طائرات مسيرة», «منظومة». */
  weapon_heads: z.array(Surface).min(1),
  /** Words that never start or continue a name (function words beyond the stopword list). */
  non_name_words: z.array(Surface).default([]),
  /**
   * Given names that look like verbs or common words to the rules («يحيى», «يوسف», «تميم»): always
   * accepted as name words after a title.
   */
  given_names: z.array(Surface).default([]),
})
export type Triggers = z.infer<typeof TriggersSchema>

/** The whole lexicon as the generator receives it. */
export interface Lexicon {
  people: PersonEntry[]
  places: PlaceEntry[]
  organizations: OrganizationEntry[]
  weapons: WeaponEntry[]
  vocabulary: VocabularyEntry[]
  triggers: Triggers
}

/** Which schema validates which file in `content/lexicon/`. */
export const lexiconFiles = {
  people: { file: 'people.json', schema: PersonEntrySchema },
  places: { file: 'places.json', schema: PlaceEntrySchema },
  organizations: { file: 'organizations.json', schema: OrganizationEntrySchema },
  weapons: { file: 'weapons.json', schema: WeaponEntrySchema },
  vocabulary: { file: 'vocabulary.json', schema: VocabularyEntrySchema },
} as const

/**
 * Metadata of one article in `content/articles/`: `<file stem>.meta.json` beside `<file stem>.ar.txt`.
 * `published` is an ISO 8601 calendar date (YYYY-MM-DD).
 */
export const ArticleMetaSchema = z.object({
  slug: EntryId,
  file: z.string().regex(/\.txt$/),
  title_ar: Surface,
  title_en: z.string().min(1),
  outlet: z.string().min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  language: z.literal('ar'),
})
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>

/**
 * What the question builders read: the analysed article (sentences, entities and their mentions indexed
 * by sentence) and the lexicon.
 */
import type { Lexicon } from '../../lexicon/schema'
import type { EntityMention, FoundEntity } from '../entities/recognize'
import type { Sentence } from '../text/sentences'
import { tokenize, type Token } from '../text/tokens'

/** A mention together with its entity. */
export interface MentionRef {
  entity: FoundEntity
  mention: EntityMention
}

/** The analysed article as the question builders see it. */
export interface QuestionContext {
  articleKey: string
  text: string
  sentences: Sentence[]
  entities: FoundEntity[]
  lexicon: Lexicon
  /** Mentions inside each body sentence, in text order. */
  mentionsBySentence: Map<string, MentionRef[]>
  /** Word tokens of each body sentence. */
  tokensBySentence: Map<string, Token[]>
}

/** Builds the indexes of a {@link QuestionContext}. */
export function buildContext(
  articleKey: string,
  text: string,
  sentences: Sentence[],
  entities: FoundEntity[],
  lexicon: Lexicon,
): QuestionContext {
  const mentionsBySentence = new Map<string, MentionRef[]>()
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      if (!mention.sentenceId) continue
      const list = mentionsBySentence.get(mention.sentenceId) ?? []
      list.push({ entity, mention })
      mentionsBySentence.set(mention.sentenceId, list)
    }
  }
  for (const list of mentionsBySentence.values()) list.sort((a, b) => a.mention.start - b.mention.start)
  const tokensBySentence = new Map(sentences.map((s) => [s.id, tokenize(text, s.start, s.end)]))
  return { articleKey, text, sentences, entities, lexicon, mentionsBySentence, tokensBySentence }
}

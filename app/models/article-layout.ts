/**
 * Pure layout of a stored article for the pages: which runs of the text are sentences (addressable by
 * anchor), how segments become blocks, and the neighbourhood of an evidence span for the result page.
 * All offsets are UTF-16 code units into the article text exactly as stored.
 */
import type { Segments, Sentences } from './bank-json'

/** A run of text; `sentenceId` is set when the run is exactly one sentence of the bank. */
export interface Piece {
  sentenceId: string | null
  text: string
}

/** A block of the reading view: a paragraph of the body, a photo caption, or the credit line. */
export interface Block {
  kind: 'paragraph' | 'caption' | 'credit'
  pieces: Piece[]
}

/** The DOM id of a sentence's element in the reading view (`/articles/:slug#s-<id>`). */
export function sentenceAnchor(sentenceId: string): string {
  return `s-${sentenceId}`
}

/**
 * Lays the article out as blocks, in text order.
 *
 * Body segments become paragraphs, split where the text between two sentences holds a line break; a
 * paragraph of more than {@link MAX_PARAGRAPH_SENTENCES} sentences (an article pasted as one line) is cut
 * into paragraphs of {@link PARAGRAPH_SENTENCES} sentences (the last may hold up to one more or fewer);
 * caption and credit segments become one block each; title and boilerplate segments are left out (the
 * page shows the title from the article's metadata). Sentences fully inside a segment become their own
 * pieces; everything else is plain text.
 * @param text the article text.
 * @param segments the bank's segments (any order; sorted here).
 * @param sentences the bank's sentences.
 * @returns blocks with leading and trailing white space trimmed; empty blocks are dropped.
 */
export function layoutArticle(text: string, segments: Segments, sentences: Sentences): Block[] {
  const blocks: Block[] = []
  const sortedSentences = [...sentences].sort((a, b) => a.start - b.start)
  for (const segment of [...segments].sort((a, b) => a.start - b.start)) {
    if (segment.kind === 'title' || segment.kind === 'boilerplate') continue
    const pieces = piecesOf(text, segment.start, segment.end, sortedSentences)
    if (segment.kind === 'body') {
      for (const paragraph of splitParagraphs(pieces)) {
        for (const group of groupSentences(paragraph)) pushBlock(blocks, 'paragraph', group)
      }
    } else {
      pushBlock(blocks, segment.kind, pieces)
    }
  }
  return blocks
}

function piecesOf(text: string, start: number, end: number, sentences: Sentences): Piece[] {
  const pieces: Piece[] = []
  let at = start
  for (const s of sentences) {
    if (s.start < at || s.end > end) continue
    if (s.start > at) pieces.push({ sentenceId: null, text: text.slice(at, s.start) })
    pieces.push({ sentenceId: s.id, text: text.slice(s.start, s.end) })
    at = s.end
  }
  if (at < end) pieces.push({ sentenceId: null, text: text.slice(at, end) })
  return pieces
}

function splitParagraphs(pieces: Piece[]): Piece[][] {
  const paragraphs: Piece[][] = [[]]
  for (const piece of pieces) {
    if (piece.sentenceId !== null || !piece.text.includes('\n')) {
      paragraphs[paragraphs.length - 1]!.push(piece)
      continue
    }
    const parts = piece.text.split(/\n+/)
    parts.forEach((part, i) => {
      if (i > 0) paragraphs.push([])
      if (part) paragraphs[paragraphs.length - 1]!.push({ sentenceId: null, text: part })
    })
  }
  return paragraphs
}

/** Sentences per paragraph when the text gives no paragraph breaks. */
export const PARAGRAPH_SENTENCES = 3
/** A paragraph with more sentences than this is regrouped. */
export const MAX_PARAGRAPH_SENTENCES = 4

function groupSentences(pieces: Piece[]): Piece[][] {
  const count = pieces.filter((p) => p.sentenceId !== null).length
  if (count <= MAX_PARAGRAPH_SENTENCES) return [pieces]
  const groups: Piece[][] = [[]]
  let inGroup = 0
  let left = count
  for (const piece of pieces) {
    // Start a new paragraph before a sentence once the current one is full, unless only one sentence is
    // left (it joins the last paragraph rather than standing alone).
    if (piece.sentenceId !== null) {
      if (inGroup === PARAGRAPH_SENTENCES && left > 1) {
        groups.push([])
        inGroup = 0
      }
      inGroup++
      left--
    }
    groups[groups.length - 1]!.push(piece)
  }
  return groups
}

function pushBlock(blocks: Block[], kind: Block['kind'], pieces: Piece[]): void {
  const trimmed = pieces.map((p) => ({ ...p }))
  const first = trimmed[0]
  if (first && first.sentenceId === null) first.text = first.text.trimStart()
  const last = trimmed[trimmed.length - 1]
  if (last && last.sentenceId === null) last.text = last.text.trimEnd()
  const kept = trimmed.filter((p) => p.text.length > 0)
  if (kept.length > 0) blocks.push({ kind, pieces: kept })
}

/** The evidence of an item with the sentences around it, split so the evidence itself can be `<mark>`ed. */
export interface EvidenceContext {
  /** Sentence id to link to (`#s-<id>`): the first sentence the evidence touches; null without sentences. */
  sentenceId: string | null
  before: string
  evidence: string
  after: string
}

/**
 * The evidence span in context: the sentences it touches plus `neighbours` sentences on each side.
 * @param text the article text.
 * @param sentences the bank's sentences.
 * @param span UTF-16 offsets `[start, end)` of the evidence.
 * @param neighbours sentences to show before and after (default 1).
 * @returns the context split around the evidence; when no sentence overlaps the span, the evidence alone.
 */
export function evidenceContext(
  text: string,
  sentences: Sentences,
  span: { start: number; end: number },
  neighbours = 1,
): EvidenceContext {
  const sorted = [...sentences].sort((a, b) => a.start - b.start)
  const touched = sorted
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.start < span.end && span.start < s.end)
  const firstTouched = touched[0]
  const lastTouched = touched[touched.length - 1]
  if (!firstTouched || !lastTouched) {
    return { sentenceId: null, before: '', evidence: text.slice(span.start, span.end), after: '' }
  }
  const from = sorted[Math.max(0, firstTouched.i - neighbours)]!.start
  const to = sorted[Math.min(sorted.length - 1, lastTouched.i + neighbours)]!.end
  const start = Math.max(from, span.start)
  const end = Math.min(to, span.end)
  return {
    sentenceId: firstTouched.s.id,
    before: text.slice(Math.min(from, start), start),
    evidence: text.slice(start, end),
    after: text.slice(end, Math.max(end, to)),
  }
}

/**
 * The sidebar's parts that the first paint does not need, split out of sidebar.js into one
 * chunk (scripts/build.ts) and read after the article is on screen: the notes UI with its
 * Markdown parser, and the live-page reader (Readability) with the diff view.
 */
export { NotesPanel } from './notes/NotesPanel';
export { compareWithLive } from './live/live-compare';
export { CompareView } from './live/CompareView';

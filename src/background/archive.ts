/**
 * The worker's one reader of the archive: the packaged (bundled) archive and the user's
 * captured articles behind one lookup (./capture/combined-archive.ts). The page lookup
 * (./matcher.ts) and the notes feature's catalog checks share it, and the packaged
 * reader's cache of meta.json and the shards.
 */
import { packagedArchive } from '../shared/archive-reader';
import { browser } from '../shared/browser';
import { combinedArchive } from './capture/combined-archive';

export const workerArchive = combinedArchive(packagedArchive((path) => browser.runtime.getURL(path)));

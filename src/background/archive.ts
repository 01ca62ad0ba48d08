/**
 * The worker's one reader of the packaged archive: the page lookup (./matcher.ts) and the
 * notes feature's catalog checks share its cache of meta.json and the shards.
 */
import { packagedArchive } from '../shared/archive-reader';
import { browser } from '../shared/browser';

export const workerArchive = packagedArchive((path) => browser.runtime.getURL(path));

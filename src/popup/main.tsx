import { render } from 'preact';
import { packagedJson } from '../shared/archive-reader';
import { browser } from '../shared/browser';
import { SearchEngine } from '../shared/search-engine';
import { archiveSearch, workerCaptured } from './archive-search';
import { workerNotes } from './notes-source';
import { SearchView } from './SearchView';
import { SidebarToggle } from './SidebarToggle';
import { ARTICLE_LIMIT, FIRST_LIMIT, SNIPPET_LIMIT } from './use-search';
import './popup.css';

/** popup.html?q=…&view=tab: the context menu and omnibox open the popup as a tab, with a query. */
const params = new URLSearchParams(location.search);
const inTab = params.get('view') === 'tab';
if (inTab) document.documentElement.classList.add('in-tab');

const engine = archiveSearch(new SearchEngine(packagedJson((path) => browser.runtime.getURL(path))), workerCaptured(ARTICLE_LIMIT, SNIPPET_LIMIT));

// Start reading the index before the first render: the files this query needs are then
// on their way while preact sets up (reads are shared, so the view's own search reuses them).
const initialQuery = params.get('q') ?? '';
void engine.bundled.search(initialQuery, FIRST_LIMIT).catch(() => undefined);
void engine.captured.search(initialQuery, ARTICLE_LIMIT).catch(() => undefined);

function openArticle(url: string): void {
  void browser.tabs.create({ url }).then(() => {
    // The toolbar popup closes once the article is open; a search tab stays for more results.
    if (!inTab) window.close();
  });
}

function Popup() {
  return (
    <main aria-label="Backstory">
      <h1>Backstory</h1>
      <SearchView engine={engine} notes={workerNotes} initialQuery={initialQuery} open={openArticle} />
      {!inTab && <SidebarToggle />}
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);

import { render } from 'preact';
import { packagedArchive } from '../shared/archive-reader';
import { App } from './App';
import { loadSidebarArticle } from './sidebar-context';
import './sidebar.css';

// Relative to this page: in Chromium the sidebar is served from a per-session origin.
const archive = packagedArchive((path) => new URL(path, location.href).href);
// Asked before the first render, so the worker's answer and the article are on their way
// while preact sets up.
const first = { hash: location.hash, article: loadSidebarArticle(location.hash, archive) };
first.article.catch(() => undefined); // App reports it.
const root = document.getElementById('app');
if (root) render(<App archive={archive} first={first} />, root);

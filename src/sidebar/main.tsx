import { render } from 'preact';
import { packagedArchive } from '../shared/archive-reader';
import { App } from './App';
import './sidebar.css';

// Relative to this page: in Chromium the sidebar is served from a per-session origin.
const archive = packagedArchive((path) => new URL(path, location.href).href);
const root = document.getElementById('app');
if (root) render(<App archive={archive} />, root);

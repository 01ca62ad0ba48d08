import { render } from 'preact';
import { SidebarToggle } from './SidebarToggle';
import './popup.css';

function Popup() {
  return (
    <main aria-label="Backstory">
      <h1>Backstory</h1>
      <SidebarToggle />
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);

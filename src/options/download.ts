import type { ExportedFile } from '../shared/messages/notes-messages';

/** The bytes of an exported file (text, or a zip sent in base64). */
function bytesOf(file: ExportedFile): BlobPart {
  if (file.encoding !== 'base64') return file.content;
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves an exported file for the user to keep (an object URL on a link the page clicks). */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

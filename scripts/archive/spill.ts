/**
 * Search postings spilled to scratch files while the articles are compiled, one file per
 * first character of the term, so the index is finished one dictionary group at a time
 * instead of holding every term of every document at once.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Numbers buffered per group before they are appended to its file. */
const FLUSH_AT = 3 * 16_384;

export class PostingSpill {
  private readonly buffers = new Map<number, number[]>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private file(group: number): string {
    return join(this.dir, `${group}.u32`);
  }

  /** One record (three unsigned 32-bit numbers) for the group of first character `group`. */
  add(group: number, a: number, b: number, c: number): void {
    let buffer = this.buffers.get(group);
    if (!buffer) this.buffers.set(group, (buffer = []));
    buffer.push(a, b, c);
    if (buffer.length >= FLUSH_AT) this.flush(group, buffer);
  }

  private flush(group: number, buffer: number[]): void {
    appendFileSync(this.file(group), new Uint8Array(new Uint32Array(buffer).buffer));
    buffer.length = 0;
  }

  /** The groups that have records, ascending. */
  groups(): number[] {
    return [...this.buffers.keys()].sort((a, b) => a - b);
  }

  /** Every record of a group, in the order added; its file is removed. */
  take(group: number): Uint32Array {
    const buffer = this.buffers.get(group);
    if (buffer && buffer.length > 0) this.flush(group, buffer);
    this.buffers.delete(group);
    const bytes = readFileSync(this.file(group));
    rmSync(this.file(group));
    // A copy: the Buffer's offset in its pool need not be a multiple of 4.
    return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
}

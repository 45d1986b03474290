// The DevTools pipe to the browser (--remote-debugging-pipe: JSON messages separated by NUL bytes on
// file descriptors 3 and 4). It refuses a message that is not a JSON object: a program that is not a
// browser must not crash the build by what it writes there.
import type { Readable, Writable } from 'node:stream';
import type { Transport } from './cdp.js';

/** More than this without a message end is not a browser talking. */
const MAX_PENDING_BYTES = 256 * 1024 * 1024;

export class BrowserPipe implements Transport {
  /** Each message, as text and as parsed (already checked to be an object). */
  onmessage?: (message: string, parsed: object) => void;
  onclose?: () => void;
  /** Set when the other end sent something that is not the DevTools protocol. */
  garbage = false;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #closed = false;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.#receive(chunk));
    fromBrowser.on('close', () => this.close());
    fromBrowser.on('error', () => this.close());
    toBrowser.on('error', () => this.close());
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(message: string): void {
    if (this.#closed) return;
    this.toBrowser.write(message);
    this.toBrowser.write('\0');
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    // After the messages already queued, as puppeteer's own pipe does.
    setImmediate(() => this.onclose?.());
  }

  #receive(chunk: Buffer): void {
    if (this.#closed) return;
    let end = chunk.indexOf(0);
    if (end === -1) return this.#keep(chunk);
    let message = Buffer.concat([...this.#pending, chunk.subarray(0, end)]).toString('utf8');
    this.#pending = [];
    this.#pendingBytes = 0;
    for (;;) {
      const parsed = jsonObject(message);
      if (parsed === undefined) return this.#refuse();
      const text = message;
      setImmediate(() => this.onmessage?.(text, parsed));
      const start = end + 1;
      end = chunk.indexOf(0, start);
      if (end === -1) return this.#keep(chunk.subarray(start));
      message = chunk.toString('utf8', start, end);
    }
  }

  #keep(rest: Buffer): void {
    if (rest.length === 0) return;
    this.#pending.push(rest);
    this.#pendingBytes += rest.length;
    if (this.#pendingBytes > MAX_PENDING_BYTES) this.#refuse();
  }

  #refuse(): void {
    this.garbage = true;
    this.#pending = [];
    this.close();
  }
}

function jsonObject(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

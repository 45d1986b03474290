// The few DevTools protocol calls tongbao makes (open a page, keep its requests inside the output
// folder, print it), spoken directly over the browser's pipe. puppeteer did the same through a
// library that costs ≈0.3 s of CPU to load and several more round trips per page; its behaviour
// that mattered here (request filter, print options, stream reading, timeouts) is kept below.

/** The browser's end of the pipe: JSON messages in, JSON messages out. */
export interface Transport {
  onmessage?: (message: string, parsed: object) => void;
  onclose?: () => void;
  send(message: string): void;
  close(): void;
}

/** Anything that went wrong in talking to the browser (as opposed to tongbao's own errors). */
export class ProtocolError extends Error {}

/** The browser answered a call with an error. */
export class CallError extends ProtocolError {}

/** No answer within the time allowed. */
export class ProtocolTimeout extends ProtocolError {}

/** The pipe closed: the browser exited or was killed. */
export class ConnectionClosed extends ProtocolError {}

type Params = Record<string, unknown>;
type Listener = (params: Params) => void;

interface Pending {
  readonly method: string;
  readonly resolve: (result: Params) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Params;
  readonly result?: Params;
  readonly error?: { readonly message?: string };
  readonly sessionId?: string;
}

export class Connection {
  #lastId = 0;
  #closed = false;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly transport: Transport,
    /** How long any one call may take. */
    readonly timeoutMs: number,
  ) {
    transport.onmessage = (_text, parsed) => this.#dispatch(parsed as Message);
    transport.onclose = () => this.#close();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Calls `method` (in a page when `sessionId` is given) and resolves with its result. */
  send<T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    if (this.#closed) return Promise.reject(new ConnectionClosed(`Connection closed before ${method}`));
    const id = ++this.#lastId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new ProtocolTimeout(`${method} timed out after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      timer.unref();
      this.#pending.set(id, { method, resolve: resolve as (result: Params) => void, reject, timer });
      this.transport.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** Calls `listener` on each event `method` (of the page `sessionId`); returns the function that stops it. */
  on(method: string, listener: Listener, sessionId?: string): () => void {
    const key = eventKey(method, sessionId);
    const set = this.#listeners.get(key) ?? new Set();
    this.#listeners.set(key, set.add(listener));
    return () => void set.delete(listener);
  }

  /** The next event `method`, within the time allowed for a call. */
  next(method: string, sessionId?: string): Promise<Params> {
    return new Promise((resolve, reject) => {
      const stop = this.on(method, (params) => finish(() => resolve(params)), sessionId);
      const stopClose = this.on(CLOSED, () => finish(() => reject(new ConnectionClosed(`Connection closed while waiting for ${method}`))));
      const timer = setTimeout(() => finish(() => reject(new ProtocolTimeout(`${method} timed out after ${this.timeoutMs} ms`))), this.timeoutMs);
      timer.unref();
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        stop();
        stopClose();
        settle();
      };
    });
  }

  /** Closes the pipe; calls still waiting fail with ConnectionClosed. */
  close(): void {
    this.transport.close();
    this.#close();
  }

  #dispatch(message: Message): void {
    if (message.id !== undefined) {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new CallError(`${pending.method}: ${message.error.message ?? 'error'}`));
      else pending.resolve(message.result ?? {});
      return;
    }
    if (message.method) this.#emit(eventKey(message.method, message.sessionId), message.params ?? {});
  }

  #emit(key: string, params: Params): void {
    for (const listener of [...(this.#listeners.get(key) ?? [])]) listener(params);
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.reject(new ConnectionClosed(`Connection closed during ${pending.method}`));
    }
    this.#emit(CLOSED, {});
  }
}

const CLOSED = '\0closed';

function eventKey(method: string, sessionId: string | undefined): string {
  return method === CLOSED ? CLOSED : `${sessionId ?? ''}\0${method}`;
}

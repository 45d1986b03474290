// The DevTools connection: calls matched to answers by id, events by page session, a time limit per
// call, and every waiting call failed (not left hanging) when the pipe closes.
import { describe, expect, it } from 'vitest';
import { CallError, Connection, ConnectionClosed, ProtocolTimeout, type Transport } from '../../src/render/pdf/cdp.js';

/** A browser stand-in: records what was sent; `answer` and `event` play the browser's side. */
function fakeBrowser() {
  const sent: { id: number; method: string; params: unknown; sessionId?: string }[] = [];
  const transport: Transport = {
    send: (message) => void sent.push(JSON.parse(message)),
    close: () => transport.onclose?.(),
  };
  const deliver = (message: object) => transport.onmessage?.(JSON.stringify(message), message);
  return {
    transport,
    sent,
    answer: (id: number, result: object) => deliver({ id, result }),
    fail: (id: number, message: string) => deliver({ id, error: { code: -32000, message } }),
    event: (method: string, params: object, sessionId?: string) => deliver({ method, params, ...(sessionId ? { sessionId } : {}) }),
    hangUp: () => transport.onclose?.(),
  };
}

describe('Connection', () => {
  it('matches answers to calls by id, in any order; a page call carries its session', async () => {
    const browser = fakeBrowser();
    const connection = new Connection(browser.transport, 60_000);
    const a = connection.send('Browser.getVersion');
    const b = connection.send('Page.navigate', { url: 'file:///x.html' }, 'S1');
    expect(browser.sent).toEqual([
      { id: 1, method: 'Browser.getVersion', params: {} },
      { id: 2, method: 'Page.navigate', params: { url: 'file:///x.html' }, sessionId: 'S1' },
    ]);
    browser.answer(2, { frameId: 'F' });
    browser.answer(1, { product: 'HeadlessChrome/131.0.0.0' });
    expect(await a).toEqual({ product: 'HeadlessChrome/131.0.0.0' });
    expect(await b).toEqual({ frameId: 'F' });
  });

  it('an error answer rejects that call only', async () => {
    const browser = fakeBrowser();
    const connection = new Connection(browser.transport, 60_000);
    const bad = connection.send('IO.read', { handle: 'h' });
    const good = connection.send('IO.close', { handle: 'h' });
    browser.fail(1, 'Invalid stream handle');
    browser.answer(2, {});
    await expect(bad).rejects.toThrow(CallError);
    await expect(bad).rejects.toThrow('IO.read: Invalid stream handle');
    expect(await good).toEqual({});
  });

  it('events go to the listeners of their session; next() waits for one', async () => {
    const browser = fakeBrowser();
    const connection = new Connection(browser.transport, 60_000);
    const seen: unknown[] = [];
    const stop = connection.on('Fetch.requestPaused', (params) => seen.push(params), 'S1');
    const loaded = connection.next('Page.loadEventFired', 'S1');
    browser.event('Fetch.requestPaused', { requestId: 'r1' }, 'S2');
    browser.event('Fetch.requestPaused', { requestId: 'r2' }, 'S1');
    browser.event('Page.loadEventFired', { timestamp: 2 }, 'S1');
    stop();
    browser.event('Fetch.requestPaused', { requestId: 'r3' }, 'S1');
    expect(seen).toEqual([{ requestId: 'r2' }]);
    expect(await loaded).toEqual({ timestamp: 2 });
  });

  it('a call or a wait without an answer fails after the time allowed', async () => {
    const connection = new Connection(fakeBrowser().transport, 50);
    await expect(connection.send('Page.printToPDF')).rejects.toThrow(ProtocolTimeout);
    await expect(connection.next('Page.loadEventFired', 'S1')).rejects.toThrow(ProtocolTimeout);
  });

  it('when the pipe closes, every waiting call and wait fails at once, and later calls too', async () => {
    const browser = fakeBrowser();
    const connection = new Connection(browser.transport, 60_000);
    const call = connection.send('Page.printToPDF', {}, 'S1');
    const wait = connection.next('Page.loadEventFired', 'S1');
    browser.hangUp();
    await expect(call).rejects.toThrow(ConnectionClosed);
    await expect(wait).rejects.toThrow(ConnectionClosed);
    await expect(connection.send('Browser.close')).rejects.toThrow(ConnectionClosed);
    expect(connection.closed).toBe(true);
  });
});

// `npm run preview`: the briefing as a local web page that rebuilds itself whenever data/, templates/
// or the config change. The page asks /__version every second and reloads when a build finished; a
// build that fails shows its message on the page (and in the terminal) until the next one succeeds.
import { type FSWatcher, watch } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError, UserError } from '../errors.js';
import { escapeHtml } from '../render/html/document.js';

export interface PreviewOptions {
  /** Builds the page; a thrown UserError is shown, anything else is shown as an internal error. */
  readonly build: () => Promise<string>;
  /** Folders watched recursively and files watched on their own. */
  readonly watch: readonly string[];
  /** 0 picks a free port. */
  readonly port: number;
  readonly log: (message: string) => void;
  /** Quiet time after the last change before rebuilding, in ms. */
  readonly debounceMs?: number;
}

export interface Preview {
  readonly url: string;
  /** The number of finished builds, failed ones included. */
  version(): number;
  /** Resolves once the build in progress, and any that a change since asked for, have finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const state = { version: 0, page: placeholderPage('正在生成……') };
  const builder = rebuilder(options, state);
  await builder.run();
  const server = createServer((request, response) => serve(request, response, state));
  await listen(server, options.port);
  const watchers = options.watch.map((path) => watchPath(path, builder.schedule));
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    version: () => state.version,
    settled: builder.settled,
    close: async () => {
      for (const watcher of watchers) watcher.close();
      builder.stop();
      await builder.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface PageState {
  version: number;
  page: string;
}

/** One build at a time; changes during a build ask for one more after it, debounced. */
function rebuilder(options: PreviewOptions, state: PageState) {
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let building = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async (): Promise<void> => {
    building = true;
    try {
      state.page = await options.build();
      options.log(`已更新：第 ${state.version + 1} 版`);
    } catch (error) {
      const message = error instanceof UserError ? error.describe() : `内部错误：${error instanceof Error ? error.message : String(error)}`;
      state.page = errorPage(message);
      options.log(`生成失败：${message}`);
    } finally {
      state.version++;
      building = false;
    }
    if (again && !stopped) {
      again = false;
      await run();
    }
  };
  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (building) again = true;
      else running = run();
    }, options.debounceMs ?? 300);
  };
  return {
    run: () => (running = run()),
    schedule,
    settled: async () => {
      do await running;
      while (building);
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function watchPath(path: string, onChange: () => void): FSWatcher {
  let watcher: FSWatcher;
  try {
    // Node's recursive watch covers a folder's whole tree (Linux since Node 20); on a file it is ignored.
    watcher = watch(path, { recursive: true }, () => onChange());
  } catch (error) {
    throw new UsageError(`无法监视「${path}」的改动：${(error as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到这个文件或文件夹' : String(error)}`);
  }
  watcher.on('error', () => onChange());
  return watcher;
}

function serve(request: IncomingMessage, response: ServerResponse, state: PageState): void {
  const path = (request.url ?? '/').split('?')[0];
  if (path === '/__version') {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ version: state.version }));
  } else if (path === '/' || path === '/index.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(withReload(state.page, state.version));
  } else {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('404');
  }
}

/** The served page (never the PDF) reloads itself when a newer build is ready. */
function withReload(html: string, version: number): string {
  const script = `<script>
(() => {
  const shown = ${version};
  setInterval(async () => {
    try {
      const { version } = await (await fetch('/__version', { cache: 'no-store' })).json();
      if (version !== shown) location.reload();
    } catch {}
  }, 1000);
})();
</script>`;
  return html.includes('</body>') ? html.replace('</body>', `${script}\n</body>`) : `${html}\n${script}`;
}

function errorPage(message: string): string {
  return placeholderPage(`生成失败`, `<pre style="white-space: pre-wrap; color: #b0282e; font-size: 14pt;">${escapeHtml(message)}</pre><p>改正后保存文件，页面会自动刷新。</p>`);
}

function placeholderPage(title: string, body = ''): string {
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body>\n</html>\n`;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

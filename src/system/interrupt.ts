// Ctrl-C, SIGTERM (a CI job cancelled) and SIGHUP (the terminal closed): undo what the build has
// started — browser, staging folder, lock — synchronously, then exit. A SIGKILL cannot be caught;
// what it leaves behind is removed by the next build (see output/recover.ts).
import { constants } from 'node:os';

const cleanups = new Set<() => void>();

/** Runs `cleanup` if the process is interrupted before the returned function is called. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** For the CLI: on a signal, run the cleanups (newest first), say so, exit 128 + the signal's number. */
export function cleanUpOnSignals(say: (line: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const cleanup of [...cleanups].reverse()) {
        try {
          cleanup();
        } catch {
          // best effort: the next build removes what is left
        }
      }
      say(`已中断（${signal}）：未完成的输出已清理，上一次的完整输出保持不变`);
      process.exit(128 + constants.signals[signal]);
    });
  }
}

// Launching the headless browser that prints the PDF, and saying in Chinese what went wrong with it.
import { EnvironmentError, UserError } from '../../errors.js';
import { ProtocolError } from './cdp.js';
import { takeEarlyBrowser } from './early.js';
import { findBrowser } from './find.js';
import { BROWSER_TIMEOUT_MS, type BrowserProcess, LaunchError, type Trouble, launchBrowser, startBrowser } from './launch.js';
import { openPage, printPage, type PdfOptions, type PrintPage, type PrintReport } from './pdf.js';

export type { PdfOptions, PrintReport } from './pdf.js';
export { compareVersions, findBrowser } from './find.js';
export { BROWSER_TIMEOUT_MS } from './launch.js';

export interface BrowserSession {
  printPdf(htmlFile: string, pdfFile: string, options: PdfOptions): Promise<PrintReport>;
  close(): Promise<void>;
}

// @page margin boxes (the page numbers) arrived in Chrome 131.
const MIN_MAJOR_VERSION = 131;

/**
 * One headless browser for a whole build; call close() when done. The browser the command started
 * while it was loading (early.ts) is used when it is the same program.
 */
export async function openBrowser(executablePath: string = findBrowser(), timeoutMs: number = BROWSER_TIMEOUT_MS): Promise<BrowserSession> {
  let launched: BrowserProcess;
  try {
    launched = await launchBrowser(takeEarlyBrowser(executablePath) ?? startBrowser(executablePath, timeoutMs));
  } catch (error) {
    if (!(error instanceof LaunchError)) throw error;
    throw new EnvironmentError(launchFailure(executablePath, error.trouble, timeoutMs), {}, { cause: error });
  }
  try {
    checkVersion(launched.product);
  } catch (error) {
    await launched.close();
    throw error instanceof EnvironmentError ? error : browserFailure(error, launched, executablePath, timeoutMs);
  }
  // The first page is opened now, while the document is still being made.
  let spare: Promise<PrintPage> | undefined = openPage(launched.connection);
  spare.catch(() => undefined);
  const print = async (htmlFile: string, pdfFile: string, options: PdfOptions) => {
    const page = spare ?? openPage(launched.connection);
    spare = undefined;
    return printPage(await page, htmlFile, pdfFile, options);
  };
  return {
    printPdf: (htmlFile, pdfFile, options) =>
      print(htmlFile, pdfFile, options).catch(async (error: unknown) => {
        if (error instanceof ProtocolError) await launched.settle();
        throw browserFailure(error, launched, executablePath, timeoutMs);
      }),
    close: () => launched.close(),
  };
}

const RUN_HINT = '请确认它是可以运行的 Chromium/Chrome，或用环境变量 PUPPETEER_EXECUTABLE_PATH 指定别的浏览器';

function launchFailure(executablePath: string, trouble: Trouble | 'timeout' | undefined, timeoutMs: number): string {
  if (trouble === 'timeout') return `浏览器 ${executablePath} 在 ${timeoutMs / 1000} 秒内没有启动完成，已将它结束：${RUN_HINT}`;
  if (trouble?.kind === 'cannotRun') return `无法运行浏览器 ${executablePath}（${trouble.code === 'EACCES' ? '没有执行权限' : trouble.code}）：${RUN_HINT}`;
  if (trouble?.kind === 'garbage') return `浏览器 ${executablePath} 返回了无法识别的数据，不像是 Chromium/Chrome：${RUN_HINT}`;
  if (trouble?.kind === 'exited') {
    const how = trouble.signal ? `被信号 ${trouble.signal} 结束` : `退出码 ${trouble.code}`;
    return `浏览器 ${executablePath} 启动后立即退出（${how}）：${RUN_HINT}；加 --debug 可看到浏览器自己的输出`;
  }
  return `无法启动浏览器 ${executablePath}：${RUN_HINT}；加 --debug 可看到详情`;
}

/**
 * Errors in talking to the browser while it is in use, said in Chinese: the browser died, talked
 * nonsense, took too long, or the page navigated away. Errors of our own (fonts, a full disk, a
 * bug) pass through unchanged.
 */
function browserFailure(error: unknown, launched: BrowserProcess, executablePath: string, timeoutMs: number): unknown {
  if (error instanceof UserError || !(error instanceof ProtocolError)) return error;
  const trouble = launched.trouble();
  const say = (message: string) => new EnvironmentError(message, {}, { cause: error });
  if (trouble?.kind === 'exited') {
    return say(`浏览器在生成 PDF 时意外退出（${trouble.signal ? `被信号 ${trouble.signal} 结束` : `退出码 ${trouble.code}`}）：可能是被其他程序结束或内存不足，请重新生成`);
  }
  if (trouble?.kind === 'garbage') return say(`浏览器 ${executablePath} 返回了无法识别的数据，PDF 未能生成：${RUN_HINT}`);
  if (/timed? ?out/i.test((error as Error).message)) return say(`浏览器在 ${timeoutMs / 1000} 秒内没有完成 PDF 打印，已将它结束：请确认机器没有过载后重新生成`);
  if (/navigat|context was destroyed|frame was detached/i.test((error as Error).message)) {
    return say('打印页面在加载时跳转到了别的地址，PDF 未能生成：请检查模板中是否有 <meta http-equiv="refresh"> 之类的跳转');
  }
  return say('浏览器出错，PDF 未能生成：请重新生成；如果仍然出错，加 --debug 查看详情');
}

function checkVersion(version: string): void {
  const major = Number.parseInt(/\/(\d+)\./.exec(version)?.[1] ?? '', 10);
  if (major < MIN_MAJOR_VERSION) {
    throw new EnvironmentError(`浏览器版本过旧（${version}），无法打印页码：请升级到 Chromium/Chrome ${MIN_MAJOR_VERSION} 或更高版本`);
  }
}

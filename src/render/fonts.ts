// @font-face rules for printing, taken from the fontsource packages so that the PDF embeds the
// same fonts on every machine. Only woff2 sources are kept; urls become absolute file:// urls
// because the page is opened from a temp folder, not from node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EnvironmentError } from '../errors.js';

const FONT_FILES: ReadonlyArray<readonly [pkg: string, css: string]> = [
  ['@fontsource/noto-serif-sc', '400.css'],
  ['@fontsource/noto-serif-sc', '700.css'],
  ['@fontsource/noto-sans-sc', '700.css'],
];

let cached: string | undefined;

/** The @font-face CSS for Noto Serif SC 400/700 and Noto Sans SC 700. */
export function printFontFaces(): string {
  cached ??= FONT_FILES.map(([pkg, css]) => fontFaces(fontPackageDir(pkg), css)).join('\n');
  return cached;
}

/** The folders the page may load fonts from. */
export function fontPackageDirs(): string[] {
  return [...new Set(FONT_FILES.map(([pkg]) => fontPackageDir(pkg)))];
}

function fontPackageDir(pkg: string): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
  } catch (error) {
    throw new EnvironmentError(`缺少字体包 ${pkg}：请在项目目录运行 npm install`, {}, { cause: error });
  }
}

function fontFaces(dir: string, cssFile: string): string {
  const css = readFileSync(join(dir, cssFile), 'utf8');
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => printFace(dir, m[1] ?? ''));
  if (faces.length === 0) throw new EnvironmentError(`字体包文件没有字体定义：${join(dir, cssFile)}`);
  return faces.join('\n');
}

function printFace(dir: string, body: string): string {
  const family = property(body, 'font-family');
  const woff2 = /url\(([^)]+\.woff2)\)/.exec(body)?.[1];
  if (!family || !woff2) throw new EnvironmentError(`无法读取字体包中的字体定义：${dir}`);
  const url = pathToFileURL(join(dir, woff2.replace(/^['"]|['"]$/g, ''))).href;
  const range = property(body, 'unicode-range');
  return [
    '@font-face {',
    `  font-family: ${family};`,
    `  font-style: ${property(body, 'font-style') ?? 'normal'};`,
    `  font-weight: ${property(body, 'font-weight') ?? '400'};`,
    '  font-display: block;',
    `  src: url("${url}") format("woff2");`,
    ...(range ? [`  unicode-range: ${range};`] : []),
    '}',
  ].join('\n');
}

function property(body: string, name: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+);`).exec(body)?.[1]?.trim();
}

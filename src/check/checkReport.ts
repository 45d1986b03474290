// check.md: the data check for the staffer (not for the leader), and the same findings as lines
// for the terminal.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { markdownText } from '../render/markdown/escape.js';
import { printable } from '../text.js';
import type { CheckFinding, YearMonth } from '../types.js';
import type { CheckResult } from './check.js';

const KIND_NAMES: Readonly<Record<CheckFinding['kind'], string>> = {
  missing: '未报送',
  missingIndicator: '缺少指标',
  unreadable: '无法读取',
  duplicate: '文件重复',
  superseded: '修订版替代',
  conflict: '数字不一致',
  hiddenRow: '隐藏行',
  cumulativeDecrease: '累计值减少',
  growthMismatch: '增速不符',
  partExceedsWhole: '分项大于总数',
  outlier: '数值异常',
  revision: '修订',
  missingArea: '比较表缺区县',
  recomputedRank: '位次为推算',
  implausibleTarget: '完成率异常',
  staleSheet: '时期不符',
};

export interface CheckHeading {
  readonly title: string;
  readonly through: YearMonth;
}

export function renderCheckMarkdown(result: CheckResult, heading: CheckHeading): string {
  const { errors, warnings } = result;
  const lines = [`# 数据检查：${heading.title}`, '', `数据截至 ${heading.through.year}年${heading.through.month}月，读取 ${result.dataset.files.length} 个文件。`, ''];
  // The full stop after the closing **: before a Chinese character, **…。** would not be bold (CommonMark flanking).
  lines.push(errors + warnings === 0 ? '**结论：未发现问题**。' : `**结论：${errors} 个错误，${warnings} 个警告**。${errors > 0 ? '有错误时不会生成讲话稿，请先改正。' : ''}`, '');
  const missing = result.findings.filter((f) => f.kind === 'missing' && f.bureau && f.month);
  if (missing.length > 0) lines.push('## 未报送', '', '| 月份 | 单位 | 级别 |', '| --- | --- | --- |', ...missing.map((f) => `| ${f.month!.year}年${f.month!.month}月 | ${cell(f.bureau!)} | ${levelName(f)} |`), '');
  for (const level of ['error', 'warning'] as const) {
    const list = result.findings.filter((f) => f.level === level && !(f.kind === 'missing' && f.bureau));
    if (list.length === 0) continue;
    lines.push(`## ${level === 'error' ? '错误' : '警告'}（${list.length}）`, '', '| 类别 | 位置 | 说明 |', '| --- | --- | --- |');
    lines.push(...list.map((f) => `| ${KIND_NAMES[f.kind]} | ${cell(locationOf(f))} | ${cell(f.message)} |`), '');
  }
  lines.push('## 读取的文件', '', ...result.dataset.files.map((file) => `- ${cell(file)}`), '');
  return lines.join('\n');
}

/** One line per finding, for the terminal. */
export function findingLines(findings: readonly CheckFinding[]): string[] {
  return findings.map((f) => {
    const where = locationOf(f);
    return printable(`${f.level === 'error' ? '错误' : '警告'}（${KIND_NAMES[f.kind]}）：${where ? `${where}：` : ''}${f.message}`);
  });
}

function locationOf(f: CheckFinding): string {
  return f.source ? [f.source.file, f.source.sheet, f.source.cell].filter(Boolean).join(' › ') : '';
}

function levelName(f: CheckFinding): string {
  return f.level === 'error' ? '错误' : '警告';
}

/** Data-derived text (file names, cell text in messages) as text in check.md: no markup, one line. */
function cell(text: string): string {
  return markdownText(printable(text));
}

/** Writes check.md into a folder through a temporary file, so a reader never sees half of it. */
export async function writeCheckMarkdown(dir: string, markdown: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'check.md');
  const temporary = join(dir, `.check.md.${process.pid}`);
  await writeFile(temporary, markdown);
  await rename(temporary, path);
  return path;
}

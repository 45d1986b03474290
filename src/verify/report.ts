// 核稿 results in words for the terminal: each problem with its paragraph, what the draft says, what
// the data says and where that comes from; then the numbers nobody could check.
import { provenance } from '../narrate/helpers.js';
import type { Figure } from '../types.js';
import type { Verification } from './verify.js';

export function verificationLines(v: Verification, lookup: (id: string) => Figure | undefined): string[] {
  const lines: string[] = [];
  if (v.problems.length > 0) lines.push(`与数据不一致 ${v.problems.length} 处：`);
  v.problems.forEach((p, i) => {
    lines.push(`  ${i + 1}. 第${p.block}段：「${excerpt(p.sentence, p.says)}」`);
    lines.push(`     稿中：${p.says}`);
    lines.push(`     数据：${p.data}${p.figure ? `（来源：${provenance(p.figure, lookup)}）` : ''}`);
  });
  if (v.unchecked.length > 0) lines.push(`未能核对 ${v.unchecked.length} 处（不算错误，请人工核对）：`);
  v.unchecked.forEach((u, i) => lines.push(`  ${i + 1}. 第${u.block}段「${excerpt(u.sentence, u.text)}」中的“${u.text}”：${u.why}`));
  return lines;
}

/** The sentence, or ~60 characters of it around what it says. */
export function excerpt(sentence: string, around: string): string {
  const text = sentence.trim();
  if (text.length <= 60) return text;
  const key = around.replace(/^.*?(\d)/, '$1').slice(0, 8);
  const at = Math.max(0, text.indexOf(key));
  const from = Math.max(0, at - 30);
  return `${from > 0 ? '…' : ''}${text.slice(from, from + 60)}${from + 60 < text.length ? '…' : ''}`;
}

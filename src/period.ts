// The meeting (`--quarter Q2 --year 2023`) and the data cut-off it reviews (PRODUCT.md §2).
import { UsageError } from './errors.js';
import type { Meeting } from './narrate/context.js';
import type { YearMonth } from './types.js';

export function parseQuarter(text: string): number {
  const match = /^[Qq]?([1-4])$/.exec(text.trim());
  if (!match) throw new UsageError(`季度「${text}」无效：请写 Q1、Q2、Q3 或 Q4（如 --quarter Q2）`);
  return Number(match[1]);
}

/** "--year 2023": four digits; "abc", "2023.5" or the option given twice are usage errors. */
export function parseYear(value: unknown): number {
  const text = String(value).trim();
  if (!/^\d{4}$/.test(text)) throw new UsageError(`年份「${text}」无效：请写四位数字的年份（如 --year 2023）`);
  return Number(text);
}

export function parseMonth(text: string): YearMonth {
  const match = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new UsageError(`截止月份「${text}」无效：请写成 YYYY-MM（如 --through 2023-03）`);
  return { year: Number(match[1]), month };
}

/** The briefing for quarter n reviews data through the end of quarter n−1 (Q1 → last December). */
export function cutOffFor(meeting: Meeting): YearMonth {
  return meeting.quarter === 1 ? { year: meeting.year - 1, month: 12 } : { year: meeting.year, month: (meeting.quarter - 1) * 3 };
}

/** The horizon the meeting deploys: the end of its own quarter (Q2 → 上半年, June). */
export function goalFor(meeting: Meeting): YearMonth {
  return { year: meeting.year, month: meeting.quarter * 3 };
}

/** 2 → 二季度 */
export function quarterName(quarter: number): string {
  return `${'一二三四'[quarter - 1]}季度`;
}

export function monthLabel(month: YearMonth): string {
  return `${month.year}-${String(month.month).padStart(2, '0')}`;
}

// The phrases that follow the meeting's quarter (consumption seasons, farm work, safety, the
// quarter's aim) and the holidays deadlines are named after, from one editable file of the
// template set: templates/<set>/seasons.yaml.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { TemplateError } from '../errors.js';
import { cacheKey, cached, json } from '../system/cache.js';

const phrase = z.string().trim().min(1, '不能为空');

const seasonSpec = z.strictObject({
  /** What the meeting drives at, as a verb phrase: 实现“双过半”, 完成全年目标任务 … */
  aim: phrase,
  /** Why this quarter matters, at the head of 二、. */
  stage: phrase,
  /** The closing's first words. */
  closing: phrase,
  /** The consumption peaks of the quarter. */
  consumption: phrase,
  /** The farm work of the quarter. */
  agriculture: phrase,
  /** The safety work of the quarter. */
  safety: phrase,
});

const holidaySpec = z.strictObject({
  /** MM-DD, inclusive. */
  from: z.string().regex(/^\d{2}-\d{2}$/, '应写成 MM-DD'),
  to: z.string().regex(/^\d{2}-\d{2}$/, '应写成 MM-DD'),
  /** How a deadline in this span is said: “国庆” → “国庆”前. */
  name: phrase,
});

const fileSpec = z.strictObject({
  Q1: seasonSpec,
  Q2: seasonSpec,
  Q3: seasonSpec,
  Q4: seasonSpec,
  holidays: z.array(holidaySpec).default([]),
});

export type Season = z.infer<typeof seasonSpec>;
export type Holiday = z.infer<typeof holidaySpec>;

export const SEASONS_FILE = 'seasons.yaml';

export interface Seasons {
  readonly season: Season;
  readonly holidays: readonly Holiday[];
}

/** The quarter's phrases and the holidays, or a TemplateError naming the file and the entry. */
export function loadSeasons(path: string, quarter: number): Seasons {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new TemplateError('找不到时令措辞文件：模板文件夹中应有 seasons.yaml（各季度的消费节点、农事、安全生产等措辞）', { file: path });
  }
  // Checked once per text (YAML and zod cost ~15 ms a command): kept like the config (cache.ts).
  const file = cached('seasons', cacheKey('seasons', text), () => validateSeasons(text, path), json.encode, json.decode<SeasonsFile>);
  const key = `Q${quarter}` as 'Q1' | 'Q2' | 'Q3' | 'Q4';
  return { season: file[key], holidays: file.holidays };
}

type SeasonsFile = z.infer<typeof fileSpec>;

function validateSeasons(text: string, path: string): SeasonsFile {
  const parsed = fileSpec.safeParse(parseYamlOrThrow(text, path));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.map(String).join('.');
  throw new TemplateError(`时令措辞 ${where} 有误：${issue.code === 'invalid_type' && issue.input === undefined ? '缺少此项' : issue.message}`, { file: path });
}

function parseYamlOrThrow(text: string, path: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new TemplateError('时令措辞文件不是合法的 YAML，请检查缩进和冒号', { file: path, cell: line ? `第${line}行` : undefined });
  }
}

/** A holiday whose span holds the date (MM-DD of an ISO date), if any. */
export function holidayOn(iso: string, holidays: readonly Holiday[]): Holiday | undefined {
  const day = iso.slice(5, 10);
  return holidays.find((h) => h.from <= day && day <= h.to);
}

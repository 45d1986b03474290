// The typed values that pass between the pipeline stages (ingest → compute → narrate → render).

/** Where a number was read: file relative to the data folder, sheet name, A1 address. */
export interface Source {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
}

/** A calendar month; `month` is 1–12. */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

/** month = the month alone (当月), ytd = 1–N月累计, stock = 期末 (a level at the month's end). */
export type Span = 'month' | 'ytd' | 'stock';

export interface Period extends YearMonth {
  readonly span: Span;
}

/**
 * What a number means. value = the amount itself; prevYear = 上年同期; growth = 同比 in % as
 * published; base2019 = the 2019 same period; rank = 位次 in the city table; forecast = a bureau's
 * 预计 growth for a later cumulative period (the observation's period is the forecast's).
 */
export type Measure = 'value' | 'prevYear' | 'growth' | 'base2019' | 'rank' | 'forecast';

/** One number read from a return, a city table or the targets sheet. */
export interface Observation {
  readonly indicator: string;
  /** Canonical area name from the config (our district, a peer, or the city). */
  readonly area: string;
  readonly period: Period;
  readonly measure: Measure;
  /** null = the cell shows a blank marker (—, /, 不可比 …): known to be missing, never guessed. */
  readonly value: number | null;
  /** Canonical unit after normalisation (亿元, 万元, %, 家 …); '%' for growth, '' for rank. */
  readonly unit: string;
  readonly source: Source;
}

/** Target grammar as written: 以上 / 不低于 (atLeast), 左右 (about), a point value, 减少…以上 (atMost). */
export type TargetQualifier = 'atLeast' | 'about' | 'point' | 'atMost';

/** A growth expectation (预期增速) or an amount target (全年目标) for one indicator and horizon. */
export interface Target {
  readonly indicator: string;
  readonly year: number;
  /** Month the horizon ends: 3 = 一季度, 6 = 上半年, 9 = 前三季度, 12 = 全年. */
  readonly horizon: number;
  readonly kind: 'growth' | 'amount';
  readonly value: number;
  readonly unit: string;
  readonly qualifier: TargetQualifier;
  /** The target as written in the sheet, e.g. "增长2%以上". */
  readonly text: string | null;
  /** 牵头单位 as written. */
  readonly leadUnit: string | null;
  readonly source: Source;
}

export interface Project {
  readonly name: string;
  /** Total investment in 万元. */
  readonly totalInvestment: number | null;
  readonly sector: string | null;
  readonly plannedStart: IsoDate | null;
  readonly actualStart: IsoDate | null;
  readonly plannedFinish: IsoDate | null;
  readonly actualFinish: IsoDate | null;
  readonly progress: string | null;
  readonly unit: string | null;
  readonly leader: string | null;
  readonly source: Source;
  /** Sources of the individual fields, by field name. */
  readonly cells: Readonly<Record<string, Source>>;
}

/** YYYY-MM-DD */
export type IsoDate = string;

/** A return that was expected for a month but is not in the data folder (未报送). */
export interface MissingReturn {
  readonly bureau: string;
  readonly month: YearMonth;
}

/** Everything read from the data folder, each file parsed once. */
export interface Dataset {
  readonly observations: readonly Observation[];
  readonly targets: readonly Target[];
  readonly projects: readonly Project[];
  /** Files read, relative to the data folder, in a stable order. */
  readonly files: readonly string[];
  /** Returns due at the cut-off that are not there (未报送); the build goes on without them. */
  readonly missing: readonly MissingReturn[];
}

export type FigureKind =
  | 'value'
  | 'prevYear'
  | 'growth'
  | 'expected'
  | 'gapToExpected'
  | 'target'
  | 'completion'
  | 'timeProgress'
  | 'aheadOfSchedule'
  | 'rank'
  | 'rankFromBottom'
  | 'rankedUnits'
  | 'change'
  | 'share'
  | 'recovery'
  | 'rankMove'
  | 'halfway'
  | 'forecast'
  | 'increase';

/**
 * How a figure compares, decided once in compute so that text and tables agree. For a change of
 * a cumulative rate: up (提高), down (回落), narrowed / widened (降幅收窄 / 扩大), turnedPositive /
 * turnedNegative (由负转正 / 由正转负), flat (持平). For a growth that cannot be computed: new (上年
 * 同期为0, 新增), turnedProfit (扭亏为盈), lossNarrowed (减亏), lossWidened (增亏).
 */
export type Comparison =
  | 'up'
  | 'down'
  | 'narrowed'
  | 'widened'
  | 'turnedPositive'
  | 'turnedNegative'
  | 'flat'
  | 'new'
  | 'turnedProfit'
  | 'lossNarrowed'
  | 'lossWidened';

/** How a figure was obtained, for figures.json and for whoever checks it by hand. */
export type FigureInput = { readonly source: Source } | { readonly figure: string };

/** One number the documents may state, with how it was obtained. */
export interface Figure {
  /** Stable id: `<indicator>.<kind>` plus `@YYYY-MM` when not the cut-off month. */
  readonly id: string;
  readonly indicator: string;
  readonly kind: FigureKind;
  readonly period: Period;
  /** null when the figure cannot be stated (不可比); `note` then says why. */
  readonly value: number | null;
  readonly unit: string;
  /** Decimals to show. */
  readonly precision: number;
  /** 'reported' when read as published; otherwise the formula in words over the inputs. */
  readonly formula: string;
  readonly inputs: readonly FigureInput[];
  /** For targets: the grammar of the goal (以上, 左右 …). */
  readonly qualifier?: TargetQualifier;
  /** For changes, and for growths that are not comparable: how the two numbers compare. */
  readonly comparison?: Comparison;
  /** Why a figure is null (不可比 …), or a target's wording as written. */
  readonly note?: string;
}

/** What a data check found; `level: 'error'` stops a build, warnings are listed in check.md. */
export interface CheckFinding {
  readonly level: 'error' | 'warning';
  readonly kind: FindingKind;
  /** In Chinese, saying what is wrong and what to do. */
  readonly message: string;
  /** Where: file relative to the data folder, sheet, A1 cell, as far as known. */
  readonly source?: { readonly file?: string; readonly sheet?: string; readonly cell?: string };
  /** For missing returns: whose and which month. */
  readonly bureau?: string;
  readonly month?: YearMonth;
}

export type FindingKind =
  | 'missing'
  | 'missingIndicator'
  | 'unreadable'
  | 'duplicate'
  | 'superseded'
  | 'conflict'
  | 'hiddenRow'
  | 'cumulativeDecrease'
  | 'growthMismatch'
  | 'partExceedsWhole'
  | 'outlier'
  | 'revision'
  | 'missingArea'
  | 'recomputedRank'
  | 'implausibleTarget'
  | 'staleSheet';

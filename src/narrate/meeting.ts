// The meeting, its place and its periods in words: 全县 or 全市, 一季度 or 2022年, 上半年 …
import type { Computed } from '../compute/compute.js';
import { earlierPoint } from '../compute/rules/change.js';
import type { Config } from '../config/config.js';
import { quarterName } from '../period.js';
import type { YearMonth } from '../types.js';
import type { Meeting } from './context.js';
import { periodName } from './phrases.js';

export interface Place {
  readonly district: string;
  /** 全 + the district's kind (全县, 全市 …): the district as a whole. */
  readonly area: string;
  /** 区 / 县 / 市 / 旗. */
  readonly kind: string;
  readonly city: string;
  /** 全市 / 全州 …: the city as a whole, as ranks are said (居全市第3位). */
  readonly cityArea: string;
  /** Who reported the figures before the leader speaks. */
  readonly reporter: string;
}

export interface MeetingView {
  readonly year: number;
  readonly quarter: number;
  /** 二季度 */
  readonly quarterName: string;
  /** 2023年4月: the month the meeting is held (the one after the cut-off). */
  readonly dateLine: string;
}

export interface ReviewView {
  readonly year: number;
  readonly month: number;
  /** 一季度 / 上半年 / 前三季度; 2022年 when the meeting reviews a closed year. */
  readonly name: string;
  /** 一季度 / 上半年 …; 去年 for a closed year. */
  readonly short: string;
  /** 1—3月: the cumulative months. */
  readonly months: string;
  /** The earlier point a change compares with (1—2月, 一季度), if any. */
  readonly since?: string;
  /** 目前 for a year under way; 去年底 for a closed year. */
  readonly now: string;
  /** The review covers a whole past year (a Q1 meeting): nothing is 目前, all is 去年. */
  readonly closedYear: boolean;
  /** The review ends in June: 双过半 is judged. */
  readonly isHalfYear: boolean;
}

export interface GoalView {
  readonly year: number;
  readonly month: number;
  /** 一季度 / 上半年 / 前三季度 / 全年: the horizon the meeting deploys. */
  readonly name: string;
  readonly isHalfYear: boolean;
  readonly isFullYear: boolean;
}

export function placeOf(config: Config): Place {
  const { district, city } = config;
  return { district: district.name, area: `全${district.kind}`, kind: district.kind, city: city.name, cityArea: `全${city.kind}`, reporter: config.speech.reporter ?? '有关部门' };
}

export function meetingView(meeting: Meeting, computed: Computed): MeetingView {
  const { cutOff, goal } = computed;
  const month = cutOff.month === 12 ? 1 : cutOff.month + 1;
  return { year: meeting.year, quarter: meeting.quarter, quarterName: quarterName(meeting.quarter), dateLine: `${goal.year}年${month}月` };
}

export function reviewView(meeting: Meeting, cutOff: YearMonth): ReviewView {
  const closedYear = cutOff.month === 12 && cutOff.year < meeting.year;
  const earlier = earlierPoint(cutOff);
  return {
    ...cutOff,
    name: closedYear ? `${cutOff.year}年` : periodName(cutOff.month),
    short: closedYear ? '去年' : periodName(cutOff.month),
    months: periodName(cutOff.month, 'months'),
    ...(earlier ? { since: periodName(earlier.month) } : {}),
    now: closedYear ? '去年底' : '目前',
    closedYear,
    isHalfYear: cutOff.month === 6,
  };
}

export function goalView(goal: YearMonth): GoalView {
  return { ...goal, name: periodName(goal.month), isHalfYear: goal.month === 6, isFullYear: goal.month === 12 };
}

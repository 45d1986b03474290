// The questions `npm run init` asks on a terminal for whatever was not given as a flag.
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { BUREAU_KINDS } from './catalogue.js';
import type { RawAnswers } from './answers.js';

export interface Terminal {
  readonly input: Readable;
  readonly output: Writable;
}

export async function askMissing(given: RawAnswers, terminal: Terminal): Promise<RawAnswers> {
  const rl = createInterface({ input: terminal.input, output: terminal.output, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string, fallback = ''): Promise<string> => {
    terminal.output.write(`${question}${fallback ? `（直接回车：${fallback}）` : ''}：`);
    const answer = (await lines.next()).value as string | undefined;
    return answer?.trim() || fallback;
  };
  try {
    const answers: { -readonly [K in keyof RawAnswers]: RawAnswers[K] } = { ...given };
    answers.district ??= await ask('本区县的全称（如 青山区）');
    answers.city ??= await ask('所在市的全称（如 江城市）');
    if (answers.peers === undefined && answers.unranked === undefined) {
      answers.peers = await ask('全市参与排名的其他区县，用逗号或顿号分隔（如 东湖区、西山区、南溪县）');
      answers.unranked = await ask('不参与排名的地区，如开发区、高新区（没有就直接回车）');
    }
    if (answers.bureaus === undefined) {
      terminal.output.write(`报送单位可选：${BUREAU_KINDS.map((k) => k.name).join('、')}（也认 ${BUREAU_KINDS.flatMap((k) => k.names.slice(1)).join('、')}）\n`);
      answers.bureaus = await ask('本区报送月报的单位，用逗号或顿号分隔', '全部');
      if (answers.bureaus === '全部') answers.bureaus = '';
    }
    return answers;
  } finally {
    rl.close();
  }
}

// districts/东湖区: a second, small district of 临江市 beside the example 云溪区 in the root, made
// the way a new district is made — `init`, then the blank forms of 2023-01 … 03 filled as the
// bureaus would (scripts/example-data/fillForms.ts, seeded, so the files are the same on every run).
// npm run generate:district
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeAnswers } from '../src/init/answers.js';
import { configIn, initDistrict, writeForms } from '../src/init/init.js';
import { fillForms } from './example-data/fillForms.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'districts', '东湖区');
const MONTHS = [1, 2, 3].map((month) => ({ year: 2023, month }));

rmSync(DIR, { recursive: true, force: true });
const answers = completeAnswers({
  district: '东湖区',
  city: '临江市',
  peers: '云溪区,江滨区,城东区,城西区,南湖区,北山区,青石县',
  unranked: '临江高新区',
  bureaus: '统计局,工信局,商务局,投促局',
});
await initDistrict({ dir: DIR, answers, month: MONTHS[2]!, schemaFile: join(ROOT, 'tongbao.config.schema.json') });
const config = configIn(DIR);
for (const month of MONTHS.slice(0, 2)) await writeForms(DIR, config, month);
const files = await fillForms({ formsDir: join(DIR, 'forms'), dataDir: join(DIR, 'data'), config, months: MONTHS, seed: '东湖区' });
// The filled copies are in data/; the blank forms can be made again with npm run init -- --district 东湖区 --forms YYYY-MM.
rmSync(join(DIR, 'forms'), { recursive: true, force: true });
console.log(`已生成 districts/东湖区：配置和 ${files.length} 个已填报表`);

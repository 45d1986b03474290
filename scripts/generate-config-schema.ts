// Writes tongbao.config.schema.json from the zod schema of the config (npm run generate:schema).
import { writeFileSync } from 'node:fs';
import { configJsonSchemaText } from '../src/config/jsonSchema.js';

writeFileSync(new URL('../tongbao.config.schema.json', import.meta.url), configJsonSchemaText());
console.log('已生成 tongbao.config.schema.json');

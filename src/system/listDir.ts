// A folder's entries in code-point order (never the locale's), or none when it cannot be read.
import { readdirSync } from 'node:fs';
import { compareCodePoints } from '../text.js';

export function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort(compareCodePoints);
  } catch {
    return [];
  }
}

// xl/workbook.xml and its relationships → the sheets in workbook order (name, visibility, part),
// the date system, and where the shared strings and styles are.
import { DataError } from '../../../errors.js';
import type { Budget } from './budget.js';
import { type Attributes, parseXml } from './xml.js';

export interface SheetEntry {
  readonly name: string;
  readonly visible: boolean;
  /** The worksheet part, or undefined for sheets without cells (chart sheets, dialog sheets). */
  readonly part: string | undefined;
}

export interface BookInfo {
  readonly sheets: readonly SheetEntry[];
  /** Serial 0 is 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  readonly date1904: boolean;
  readonly sharedStrings: string;
  readonly styles: string;
}

const WORKBOOK = 'xl/workbook.xml';

interface Relationship {
  readonly type: string;
  readonly target: string;
}

export function readBook(workbookXml: Uint8Array, relsXml: Uint8Array | undefined, budget: Budget): BookInfo {
  const rels = readRelationships(relsXml, 'xl/_rels/workbook.xml.rels', budget);
  const listed: { name: string; state: string | undefined; id: string | undefined }[] = [];
  let date1904 = false;
  parseXml(workbookXml, WORKBOOK, {
    open(name: string, a: Attributes) {
      if (name === 'sheet') listed.push({ name: a.name ?? '', state: a.state, id: relationshipId(a) });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close() {},
    text() {},
  }, budget);
  const sheets = listed.map(({ name, state, id }) => {
    const visible = state === undefined || state === 'visible';
    const rel = id === undefined ? undefined : rels.get(id);
    if (!rel && visible) throw new DataError(`文件已损坏或不是有效的 Excel 工作簿（找不到工作表「${name}」的内容），请让报送单位重新导出`, { file: budget.file });
    const part = rel && /\/(chartsheet|dialogsheet|xlMacrosheet|xlIntlMacrosheet)$/.test(rel.type) ? undefined : rel?.target;
    return { name, visible, part };
  });
  const partOf = (kind: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(`/${kind}`))?.target ?? fallback;
  return { sheets, date1904, sharedStrings: partOf('sharedStrings', 'xl/sharedStrings.xml'), styles: partOf('styles', 'xl/styles.xml') };
}

/** The r:id attribute, whatever prefix the relationships namespace was given. */
function relationshipId(a: Attributes): string | undefined {
  if (a['r:id'] !== undefined) return a['r:id'];
  const key = Object.keys(a).find((k) => k.endsWith(':id'));
  return key === undefined ? undefined : a[key];
}

function readRelationships(data: Uint8Array | undefined, part: string, budget: Budget): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (!data) return rels;
  parseXml(data, part, {
    open(name: string, a: Attributes) {
      if (name === 'Relationship' && a.Id !== undefined && a.Target !== undefined && a.TargetMode !== 'External') {
        rels.set(a.Id, { type: a.Type ?? '', target: resolvePart('xl/', a.Target.trim()) });
      }
    },
    close() {},
    text() {},
  }, budget);
  return rels;
}

/** A relationship target as a part name: absolute ("/xl/…") or relative to the folder `base`. */
export function resolvePart(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

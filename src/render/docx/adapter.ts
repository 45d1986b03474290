// The one place where the Word output meets narrate: the typed appendix rows become chart rows.
// Everything else comes from the speech's Markdown.
import type { Appendix } from '../../narrate/appendix.js';
import { chartRows } from '../html/charts.js';
import type { PageNumberPlacement } from './document.js';
import { renderDocx } from './docx.js';

export function reportDocx(markdown: string, appendix: Appendix | undefined, date: Date, pageNumbers: PageNumberPlacement = 'outer'): Promise<Buffer> {
  return renderDocx({ markdown, chartRows: appendix ? chartRows(appendix) : [], date, pageNumbers });
}

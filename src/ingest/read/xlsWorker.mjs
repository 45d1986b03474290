// Runs SheetJS in a worker thread: a damaged .xls can send its parser into an endless loop, and
// only a thread can be stopped from outside. Returns plain cells; knows nothing about returns.
import { parentPort } from 'node:worker_threads';
import * as XLSX from '@e965/xlsx';

// SheetJS reports unknown BIFF records with console.error; the user gets the reader's message instead.
console.error = () => {};

const OPTIONS = { cellNF: true, cellFormula: true, cellStyles: true, cellHTML: false, dense: false };

parentPort.on('message', ({ id, bytes, text }) => {
  try {
    const wb = text === undefined ? XLSX.read(bytes, { ...OPTIONS, type: 'buffer' }) : XLSX.read(text, { ...OPTIONS, type: 'string' });
    parentPort.postMessage({ id, sheets: wb.SheetNames.map((name, i) => plainSheet(wb, name, i)) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});

function plainSheet(wb, name, i) {
  const ws = wb.Sheets[name];
  const hidden = ((wb.Workbook && wb.Workbook.Sheets && wb.Workbook.Sheets[i] && wb.Workbook.Sheets[i].Hidden) || 0) !== 0;
  if (!ws) return { name, hidden, missing: true, cells: [], merges: [], hiddenRows: [] };
  const cells = [];
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const at = XLSX.utils.decode_cell(key);
    const c = ws[key] || {};
    const z = typeof c.z === 'string' ? c.z : undefined;
    cells.push({ r: at.r, c: at.c, t: c.t, v: c.v, z, f: c.f, w: c.w, date: c.t === 'n' && z !== undefined && XLSX.SSF.is_date(z) });
  }
  const merges = (ws['!merges'] || []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  const hiddenRows = [];
  (ws['!rows'] || []).forEach((row, r) => row && row.hidden && hiddenRows.push(r));
  return { name, hidden, missing: false, cells, merges, hiddenRows };
}

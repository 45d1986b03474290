// speech.docx from the speech's Markdown (the same text as speech.md) and the chart rows: the Word
// output of `report` and of `render` (an edited speech.md) alike.
import { Packer } from 'docx';
import { CHART_CAPTIONS, CHART_NAMES, type ChartName, type ChartRow, renderCharts } from '../html/charts.js';
import { readSpeechMarkdown } from '../markdown/read.js';
import { type PageNumberPlacement, speechDocument } from './document.js';
import { chartPictures } from './images.js';
import { stableDocx } from './pack.js';

export interface DocxInput {
  readonly markdown: string;
  /** What the charts under the appendix show; none without an appendix table. */
  readonly chartRows: readonly ChartRow[];
  /** The document's dates (docProps/core.xml and the zip entries). */
  readonly date: Date;
  /** pdf.pageNumbers of the config: the same placement as the PDF. */
  readonly pageNumbers: PageNumberPlacement;
}

export async function renderDocx(input: DocxInput): Promise<Buffer> {
  const speech = readSpeechMarkdown(input.markdown);
  const svgs = speech.appendix ? await renderCharts(CHART_NAMES, input.chartRows) : new Map<ChartName, string>();
  const pictures = await chartPictures([...svgs.values()]);
  const charts = [...svgs.keys()].map((name, i) => ({ caption: `图${i + 1} ${CHART_CAPTIONS[name]}`, picture: pictures[i]! }));
  const title = speech.blocks.find((block) => block.kind === 'title')?.runs.map((run) => run.text).join('') ?? '';
  const document = speechDocument({ title, pageNumbers: input.pageNumbers, blocks: speech.blocks, appendix: speech.appendix, charts });
  return stableDocx(await Packer.toBuffer(document), input.date);
}

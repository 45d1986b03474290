// The charts for Word, as PNG pictures. Word 2016+ shows an SVG picture, but WPS and LibreOffice show
// an SVG's PNG fallback or redraw it with their own fonts, and ECharts' SVG uses CSS that Word's SVG
// renderer ignores; one PNG drawn here looks the same in all of them. resvg draws it without a
// browser, with the same Noto Serif SC as the PDF (never system fonts).
import { SLICED_FACES, slicesFor } from '../fonts/fonts.js';
import { plainWoff2File } from '../fonts/subset.js';

export interface ChartPicture {
  readonly png: Buffer;
  /** The chart's size in CSS pixels (the SVG's own), for the picture's aspect ratio. */
  readonly width: number;
  readonly height: number;
}

/** Pixels per CSS pixel: 3 × 520 px over ≈ 108 mm prints at ≈ 370 dpi. */
const SCALE = 3;

export async function chartPictures(svgs: readonly string[]): Promise<ChartPicture[]> {
  if (svgs.length === 0) return [];
  const [{ Resvg }, fontFiles] = await Promise.all([import('@resvg/resvg-js'), chartFonts(svgs.map(svgText).join(''))]);
  const family = SLICED_FACES[0]!.family;
  return svgs.map((svg) => {
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: family, serifFamily: family },
      fitTo: { mode: 'zoom', value: SCALE },
      background: '#ffffff',
      logLevel: 'off',
    });
    const image = resvg.render();
    return { png: image.asPng(), width: Math.round(image.width / SCALE), height: Math.round(image.height / SCALE) };
  });
}

/**
 * The slices of the body face that hold the charts' characters, as TrueType files resvg can read:
 * unpacked once into the temp-folder font cache (as the 楷体 face is for the PDF), then reused.
 */
async function chartFonts(text: string): Promise<string[]> {
  const face = SLICED_FACES[0]!;
  return Promise.all([...slicesFor(face, text).keys()].map((slice) => plainWoff2File(face.pkg, slice.file)));
}

/** The characters of an SVG's text elements. */
function svgText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decodeXml(m[1]!)).join('');
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_all, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[code.toLowerCase()]!;
  });
}

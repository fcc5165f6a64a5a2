// Unicode fonts for the PDFs made with pdf-lib. The standard PDF fonts (Helvetica…) only encode WinAnsi, and
// pdf-lib throws on anything else: « Łukasz », « Nguyễn », « Алексей », « Ελένη », and even the narrow
// non-breaking space that French typography puts before « ? ». DejaVu Sans covers Latin (Vietnamese included),
// Greek and Cyrillic; what it cannot draw (CJK, for instance) is replaced by `printable` before drawing.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

// Resolved through Node's resolution from this module (source under vitest, build/index.js once built), so it
// does not depend on the working directory. The package has no "exports" map: its files are all reachable.
const resolveModule = createRequire(import.meta.url).resolve;
const FONT_FILES = {
  regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
} as const;

type FontBytes = { regular: Uint8Array; bold: Uint8Array };
let cached: Promise<FontBytes> | undefined;

/** The TTF files, read once per process (about 1.4 MB in all); a failed read is retried on the next call. */
function fontBytes(): Promise<FontBytes> {
  cached ??= Promise.all([readFile(resolveModule(FONT_FILES.regular)), readFile(resolveModule(FONT_FILES.bold))]).then(
    ([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }),
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}

/** Embeds DejaVu Sans regular and bold, subset to the glyphs actually drawn so that the PDF stays small. */
export async function embedUnicodeFonts(pdf: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  const bytes = await fontBytes();
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([pdf.embedFont(bytes.regular, { subset: true }), pdf.embedFont(bytes.bold, { subset: true })]);
  return { regular, bold };
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

function characterSetOf(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

const BREAKING = /^[\p{Cc}\p{Zl}\p{Zp}]$/u; // tab, newline, other control characters, line and paragraph separators
const NOTHING_TO_DRAW = /^[\p{M}\p{Cf}]$/u; // a combining mark left alone, an invisible format character
const COMBINING = /\p{M}/gu;

/**
 * The text as `font` can draw it on one line, never throwing: control characters become spaces (runs of spaces
 * become one); a character the font has no glyph for becomes its compatibility decomposition without accents
 * when the font has that (« Ａ » → « A »), else « ? ». Invisible characters the font lacks are dropped.
 */
export function printable(text: string, font: PDFFont): string {
  const glyphs = characterSetOf(font);
  const has = (s: string) => [...s].every((c) => glyphs.has(c.codePointAt(0)!));
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (BREAKING.test(ch)) out += " ";
    else if (glyphs.has(ch.codePointAt(0)!)) out += ch;
    else if (/^\p{Zs}$/u.test(ch)) out += " ";
    else if (NOTHING_TO_DRAW.test(ch)) continue;
    else {
      const base = ch.normalize("NFKD").replace(COMBINING, "");
      out += base && base !== ch && !BREAKING.test(base) && has(base) ? base : "?";
    }
  }
  return out.replace(/ {2,}/g, " ");
}

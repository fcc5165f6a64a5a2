// The certificate PDF for holders whose names are not in WinAnsi (Vietnamese, Polish, Cyrillic, Greek, CJK) or
// carry control characters: the standard Helvetica font threw « WinAnsi cannot encode » (HTTP 500). The PDF
// is read back: one page, DejaVu Sans embedded, the name and the establishment drawn (or their safe
// replacement), the subset intact. A revoked certificate has no PDF: its 410 carries the reason as typed.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { eq } from "drizzle-orm";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { DEMO_ESTABLISHMENT } from "../../db/seed";
import { attestComplement, listCertificates, revokeCertificate } from "~/models/certificate-registry.server";
import * as pdfRoute from "~/routes/certificats.$code_.pdf";
import { getDb } from "~/utils/db.server";
import { request, run } from "../helpers/requests";

const resolveModule = createRequire(import.meta.url).resolve;
type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

const CASES = [
  { name: "Nguyễn Thị Hồng", drawn: "Nguyễn Thị Hồng" },
  { name: "Łukasz Żółć", drawn: "Łukasz Żółć" },
  { name: "Алексей Смирнов", drawn: "Алексей Смирнов" },
  { name: "Ελένη", drawn: "Ελένη" },
  { name: "王小明", drawn: "???", establishment: "北京医院 Hôpital\nNord", establishmentDrawn: "???? Hôpital Nord" },
  { name: "Marie\tClaire\nDupont\r\n", drawn: "Marie Claire Dupont" },
  { name: "Zoe\u0308 Ｌｅｆｅｂｖｒｅ\u200b", drawn: "Zoë Lefebvre" }, // decomposed accent, full-width letters
] as const;

const codes = new Map<string, string>();

beforeAll(async () => {
  const db = getDb();
  const tutor = (await db.query.users.findFirst({ where: eq(users.email, "tuteur@pivot.demo") }))!;
  const admin = (await db.query.users.findFirst({ where: eq(users.email, "admin@pivot.demo") }))!;
  for (const [i, c] of CASES.entries()) {
    const id = crypto.randomUUID();
    const establishment = "establishment" in c ? c.establishment : DEMO_ESTABLISHMENT;
    await db.insert(users).values({ id, email: `unicode-${i}@pivot.demo`, name: c.name, role: "learner", profile: "confirmee", establishment });
    // The real issuance path: the holder's name is copied from the user onto the certificate.
    expect(
      await attestComplement({
        learnerId: id,
        attestation: { complementId: "sp-specialite", level: "generales", note: "Observée en consultation." },
        by: tutor.id,
      }),
    ).toBe(true);
    const [certificate] = await listCertificates(id);
    expect(certificate!.holderName).toBe(c.name);
    codes.set(c.name, certificate!.code);
  }
  // A revoked one, whose reason is not in WinAnsi either.
  const id = crypto.randomUUID();
  await db
    .insert(users)
    .values({ id, email: "unicode-revoked@pivot.demo", name: "王小明", role: "learner", profile: "confirmee", establishment: DEMO_ESTABLISHMENT });
  expect(
    await attestComplement({
      learnerId: id,
      attestation: { complementId: "sp-specialite", level: "generales", note: "Observée en consultation." },
      by: tutor.id,
    }),
  ).toBe(true);
  const [revoked] = await listCertificates(id);
  expect(await revokeCertificate({ code: revoked!.code, by: admin.id, reason: REVOKED_REASON })).toBe(true);
  codes.set("revoked", revoked!.code);
});

const REVOKED_REASON = "Doublon de 王小明\nvoir le dossier";

/** Fetches the PDF through the route's loader, from its own address so that the rate limit stays out of the way. */
async function fetchPdf(code: string, n: number) {
  const context = { clientAddress: `10.77.0.${n}` };
  const { response } = await run(() => (pdfRoute.loader as Fn)({ request: request(`/certificats/${code}/pdf`), params: { code }, context }));
  return response!;
}

const lookup = (dict: PDFDict, key: string) => {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFRef ? dict.context.lookup(value) : value;
};
const streamBytes = (stream: unknown) => decodePDFRawStream(stream as PDFRawStream).decode();

type PageFont = { baseFont: string; toUnicode: Map<number, string>; file: Uint8Array | null };

/** The page's fonts, by resource name: base font name, glyph id → text (ToUnicode), and the embedded TrueType file. */
function fontsOf(pdf: PDFDocument) {
  const resources = pdf.getPage(0).node.Resources()!;
  const fontDict = lookup(resources, "Font") as PDFDict;
  const fonts = new Map<string, PageFont>();
  for (const [name, ref] of fontDict.entries()) {
    const font = pdf.context.lookup(ref) as PDFDict;
    const baseFont = (lookup(font, "BaseFont") as PDFName).decodeText();
    const toUnicode = new Map<number, string>();
    const cmap = lookup(font, "ToUnicode");
    if (cmap) {
      const text = new TextDecoder().decode(streamBytes(cmap));
      for (const [, gid, utf16] of text.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)) {
        const units = utf16!.match(/.{4}/g)!.map((h) => parseInt(h, 16));
        toUnicode.set(parseInt(gid!, 16), String.fromCharCode(...units));
      }
    }
    let file: Uint8Array | null = null;
    const descendants = lookup(font, "DescendantFonts");
    if (descendants instanceof PDFArray) {
      const cid = pdf.context.lookup(descendants.get(0)) as PDFDict;
      const descriptor = lookup(cid, "FontDescriptor") as PDFDict;
      file = streamBytes(lookup(descriptor, "FontFile2"));
    }
    fonts.set(name.decodeText(), { baseFont, toUnicode, file });
  }
  return fonts;
}

/** The text drawn on the page, one string per text-showing operator, decoded through each font's ToUnicode. */
function drawnText(pdf: PDFDocument, fonts: Map<string, PageFont>) {
  const contents = pdf.getPage(0).node.Contents()!;
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
  const ops = streams.map((s) => new TextDecoder("latin1").decode(streamBytes(s))).join("\n");
  const out: string[] = [];
  let current: PageFont | undefined;
  for (const m of ops.matchAll(/\/([^\s/]+) [\d.]+ Tf|<([0-9a-fA-F]*)> Tj/g)) {
    if (m[1]) current = fonts.get(m[1])!;
    else
      out.push(
        m[2]!
          .match(/.{4}/g)
          ?.map((h) => current?.toUnicode.get(parseInt(h, 16)) ?? "\ufffd")
          .join("") ?? "",
      );
  }
  return out.join(" ");
}

describe("the certificate PDF draws any holder's name", () => {
  const ttf = (file: string) => fontkit.create(new Uint8Array(fs.readFileSync(resolveModule(`dejavu-fonts-ttf/ttf/${file}`))));
  const dejavu = { DejaVuSans: ttf("DejaVuSans.ttf"), "DejaVuSans-Bold": ttf("DejaVuSans-Bold.ttf") };

  it.each(CASES.map((c, i) => [JSON.stringify(c.name), c, i] as const))("%s", async (_, c, i) => {
    const response = await fetchPdf(codes.get(c.name)!, i + 1);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    expect(bytes.length).toBeLessThan(120_000); // subset fonts, not the two whole TTFs (1.4 MB)

    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const fonts = fontsOf(pdf);
    const baseFonts = [...fonts.values()].map((f) => f.baseFont);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^DejaVuSans(-Bold)?-\d+$/);
    expect(baseFonts.some((n) => n.startsWith(StandardFonts.Helvetica))).toBe(false);

    const text = drawnText(pdf, fonts);
    expect(text).toContain(`Délivré à ${c.drawn}`);
    expect(text).not.toContain("\ufffd");
    expect(text).toContain("establishmentDrawn" in c ? c.establishmentDrawn : DEMO_ESTABLISHMENT);
    expect(text).toContain("Sophie Lefèvre"); // the tutor who attested it

    // @pdf-lib/fontkit's subsetter is known to corrupt some fonts silently: every glyph drawn must keep its outline.
    let compared = 0;
    for (const font of fonts.values()) {
      const original = dejavu[font.baseFont.replace(/-\d+$/, "") as keyof typeof dejavu];
      expect(font.file, font.baseFont).not.toBeNull();
      const subset = fontkit.create(font.file!);
      for (const [gid, chars] of font.toUnicode) {
        const expected = original.layout(chars).glyphs;
        if (expected.length !== 1) continue; // a ligature: nothing to compare one to one
        expect(subset.getGlyph(gid).path.toSVG(), `${font.baseFont} « ${chars} »`).toBe(expected[0]!.path.toSVG());
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });
});

describe("a revoked certificate", () => {
  it("has no PDF any more: 410, with its reason as typed, in UTF-8 plain text", async () => {
    const response = await fetchPdf(codes.get("revoked")!, 50);
    expect(response.status).toBe(410);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toContain(`(motif\u00a0: ${REVOKED_REASON})`);
  });
});

describe("printable", async () => {
  const { embedUnicodeFonts, printable } = await import("~/utils/pdf-fonts.server");
  const pdf = await PDFDocument.create();
  const { regular } = await embedUnicodeFonts(pdf);
  const helvetica = await pdf.embedFont(StandardFonts.Helvetica);

  it("keeps what the font draws, flattens control characters, replaces the rest", () => {
    expect(printable("Nguyễn Thị Hồng", regular)).toBe("Nguyễn Thị Hồng");
    expect(printable("Fin\u202f? « oui »", regular)).toBe("Fin\u202f? « oui »");
    expect(printable("a\tb\r\n\nc\u0000d\u2028e", regular)).toBe("a b c d e");
    expect(printable("王小明 Ｗａｎｇ", regular)).toBe("??? Wang");
    expect(printable("e\u0301", regular)).toBe("é");
    expect(printable("🩺\ud800", regular)).toBe("??");
  });

  it("never makes a font throw, whatever the text", () => {
    const samples = ["Łukasz Żółć", "Алексей", "Ελένη", "王小明", "Fin\u202f?", "x\u0301\u0302\u0303", "\u{1F600}\u200d\u{1F469}", "\ufeff\u200b\u00ad"];
    for (const font of [regular, helvetica]) for (const s of samples) expect(() => font.widthOfTextAtSize(printable(s, font), 12)).not.toThrow();
    expect(printable("Łukasz Żółć", helvetica)).toBe("?ukasz Zó?c"); // Ł and ł have no decomposition; Ż and ć do
  });
});

// The certificate as a one-page A4 PDF, made with pdf-lib: what an employer expects of a certificate (the
// establishment, the holder, the block and level, the competencies covered, the dates, who signs) and a QR code
// to its public verification page. Drawn in DejaVu Sans, not a standard font: holders' names can be in any
// script (the standard fonts only know WinAnsi, and pdf-lib throws on anything else).
// The text is built by `certificateLines` and the QR code by `certificateQr`, both pure, so that tests can
// check them; `renderCertificatePdf` only lays them out.
import QRCode from "qrcode";
import { fill, PDFDocument, type PDFFont, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingRgbColor } from "pdf-lib";

import type { CertificateDetails, publicCertificate } from "~/models/certificate-public-view.server";
import { embedUnicodeFonts, printable } from "~/utils/pdf-fonts.server";
import { formatDay } from "~/utils/dates";

type CertificateView = Awaited<ReturnType<typeof publicCertificate>>["view"];

/** Everything the PDF shows: the public view, the details only the PDF prints, and the verification address. */
export type CertificateDocument = { view: CertificateView; details: CertificateDetails; verifyUrl: string };

export type Zone = "main" | "signature" | "qr" | "verification";
export type Tone = "text" | "brand" | "muted" | "alert" | "warning";

/** One paragraph of the PDF, wrapped at spaces when it is too wide. */
export type CertificateLine = {
  zone: Zone;
  text: string;
  size: number;
  bold?: boolean;
  tone?: Tone;
  align?: "left" | "center";
  /** Extra space before the paragraph, in points. */
  gap?: number;
  /** A list item, drawn after a bullet and indented. */
  bullet?: boolean;
  /** Made smaller, with every other line so marked, when the main zone would not fit on the page (gaps shrink for all). */
  shrink?: boolean;
};

// A4 in points, the frame and the three zones.
export const PAGE = { width: 595.28, height: 841.89 } as const;
const FRAME = 36;
const LEFT = 64;
const RIGHT = PAGE.width - 64;
const MAIN_TOP = 772;
/** Nothing of the main zone is drawn below this line: the signature and the QR code take the bottom of the page. */
export const MAIN_BOTTOM = 246;
const SIGNATURE = { x: LEFT, top: 214, width: 250, lineY: 128 } as const;
const VERIFICATION_TOP = 74;

const QR_BOX = 112; // points (about 40 mm), quiet zone included
const QR_QUIET = 4; // modules of white around the symbol, as the QR specification asks
const QR_X = RIGHT - QR_BOX;
const QR_Y = 98;

/** A competency list longer than this is written as one paragraph per block rather than one line per competency. */
const LIST_LIMIT = 12;

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The text of the certificate, paragraph by paragraph, in the order it is drawn. */
export function certificateLines({ view, details, verifyUrl }: CertificateDocument): CertificateLine[] {
  const lines: CertificateLine[] = [];
  const main = (line: Omit<CertificateLine, "zone">) => lines.push({ zone: "main", align: "center", ...line });
  main({ text: "PIVOT · FORMATION DES SECRÉTAIRES MÉDICALES", size: 9, bold: true, tone: "brand" });
  if (details.establishment) main({ text: details.establishment, size: 15, bold: true, gap: 4 });
  main({ text: "CERTIFICAT", size: 30, bold: true, tone: "brand", gap: 22 });
  main({
    text:
      details.kind === "bloc"
        ? "de validation d'un bloc de compétences"
        : details.kind === "parcours"
          ? "de validation du parcours certifiant"
          : "de complément de spécialité",
    size: 12,
    tone: "muted",
  });
  main({ text: "Délivré à", size: 12, gap: 16 });
  main(view.holderErased ? { text: view.holderName, size: 14 } : { text: view.holderName, size: 24, bold: true });
  main({ text: "au titre de", size: 11, tone: "muted", gap: 4 });
  main({ text: view.title, size: 15, bold: true });
  main({ text: `Niveau\u00a0: ${view.level} (niveau ${details.levelNumber} sur 3)`, size: 12 });

  const left = (line: Omit<CertificateLine, "zone">) => lines.push({ zone: "main", align: "left", ...line });
  const count = details.competencies.reduce((n, g) => n + g.items.length, 0);
  left({ text: details.kind === "complement" ? "Compétence attestée" : "Compétences couvertes", size: 11, bold: true, tone: "brand", gap: 18 });
  for (const group of details.competencies) {
    left({ text: group.title, size: 10, bold: true, gap: 4, shrink: true });
    if (count > LIST_LIMIT) left({ text: group.items.join("\u202f; "), size: 9.5, shrink: true });
    else for (const item of group.items) left({ text: item, size: 9.5, bullet: true, shrink: true });
  }
  left({
    text:
      details.kind === "complement"
        ? "Attestée après observation en situation de travail par une tutrice, un tuteur ou un cadre de santé."
        : `Évaluées selon le ${details.referentialTitle}\u00a0: quiz, observations en situation de travail par une tutrice ou un tuteur, évaluation finale de bloc.`,
    size: 8.5,
    tone: "muted",
    gap: 4,
    shrink: true,
  });
  if (details.renewal) left({ text: "Renouvelé après un quiz d'actualisation réussi.", size: 8.5, tone: "muted", shrink: true });

  left({ text: `Délivré le ${formatDay(view.issuedAt)} · valide jusqu'au ${formatDay(view.validUntil)}`, size: 11, bold: true, gap: 14 });
  if (view.history.length > 1) {
    const renewals = view.history.length - 1;
    left({
      text: `Première délivrance le ${formatDay(view.history[0]!.issuedAt)}, ${plural(renewals, "renouvellement", "renouvellements")} depuis.`,
      size: 9.5,
    });
  }
  if (view.status === "expire") left({ text: `EXPIRÉ depuis le ${formatDay(view.validUntil)}`, size: 11, bold: true, tone: "warning" });
  else if (view.status === "renouvele")
    left({ text: `RENOUVELÉ le ${formatDay(view.renewedAt!)}\u00a0: voir le certificat en cours`, size: 11, bold: true, tone: "muted" });

  const signature = (line: Omit<CertificateLine, "zone">) => lines.push({ zone: "signature", align: "left", ...line });
  if (details.signer.kind === "plateforme") {
    signature({ text: "Délivré par la plateforme Pivot", size: 10, bold: true });
    signature({ text: "selon les règles du parcours certifiant.", size: 8.5, tone: "muted" });
    signature({ text: "Visa du cadre de santé", size: 9, tone: "muted" });
  } else {
    signature({ text: "Attesté par", size: 9, tone: "muted" });
    signature({
      text: details.signer.name ?? "une personne dont le compte a été supprimé",
      size: details.signer.name ? 11 : 9.5,
      bold: Boolean(details.signer.name),
    });
    if (details.signer.role) signature({ text: details.signer.role, size: 9 });
    signature({ text: "Signature", size: 9, tone: "muted" });
  }

  lines.push({ zone: "qr", align: "center", text: "Scannez pour vérifier", size: 7.5, tone: "muted" });
  const verification = (line: Omit<CertificateLine, "zone">) => lines.push({ zone: "verification", align: "left", ...line });
  verification({ text: `Vérification sans compte, en scannant le QR code ou à l'adresse\u00a0: ${verifyUrl}`, size: 8 });
  verification({ text: `Code de vérification\u00a0: ${view.code}`, size: 8, tone: "muted" });
  return lines;
}

/** The QR code's modules, row by row from the top: true for a dark module. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))));
}

/** The QR code of the verification address and where it is drawn: (x, y) is the bottom-left corner of its quiet zone. */
export function certificateQr(verifyUrl: string) {
  const modules = qrMatrix(verifyUrl);
  return { modules, quietZone: QR_QUIET, x: QR_X, y: QR_Y, size: QR_BOX, moduleSize: QR_BOX / (modules.length + 2 * QR_QUIET) };
}

/** The dark modules as rectangles in page coordinates, one per horizontal run of a row. */
export function qrRectangles(qr: ReturnType<typeof certificateQr>) {
  const out: { x: number; y: number; width: number; height: number }[] = [];
  const m = qr.moduleSize;
  qr.modules.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      const start = c;
      while (row[c + 1]) c++;
      out.push({ x: qr.x + (qr.quietZone + start) * m, y: qr.y + qr.size - (qr.quietZone + r + 1) * m, width: (c - start + 1) * m, height: m });
    }
  });
  return out;
}

type Fonts = { regular: PDFFont; bold: PDFFont };
export type PlacedText = { zone: Zone; text: string; x: number; y: number; size: number; bold: boolean; tone: Tone };

/** Splits a paragraph into lines no wider than `width`; a word wider than a line (an address) is cut anywhere. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const out: string[] = [];
  let current = "";
  for (const word of text.split(" ").filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (fits(next)) {
      current = next;
      continue;
    }
    if (current) out.push(current);
    current = "";
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) out.push(current);
  return out;
}

/** Lays out one zone from `top` downwards; returns the placed lines and the lowest baseline. */
function layoutZone(lines: CertificateLine[], fonts: Fonts, box: { x: number; width: number; top: number }, scale: number) {
  const placed: PlacedText[] = [];
  let y = box.top;
  let first = true;
  for (const line of lines) {
    const size = line.shrink ? line.size * scale : line.size;
    const font = line.bold ? fonts.bold : fonts.regular;
    const indent = line.bullet ? size * 1.2 : 0;
    const rows = wrap(printable(line.text, font), font, size, box.width - indent);
    y -= first ? size : (line.gap ?? 0) * scale + size * 1.35;
    first = false;
    rows.forEach((text, i) => {
      if (i > 0) y -= size * 1.3;
      const width = font.widthOfTextAtSize(text, size);
      const x = line.align === "center" ? box.x + (box.width - width) / 2 : box.x + indent;
      if (line.bullet && i === 0) placed.push({ zone: line.zone, text: "•", x: box.x + size * 0.3, y, size, bold: false, tone: line.tone ?? "text" });
      placed.push({ zone: line.zone, text, x, y, size, bold: Boolean(line.bold), tone: line.tone ?? "text" });
    });
  }
  return { placed, bottom: y };
}

/**
 * Where each line of text goes. The main zone is drawn as large as it fits above MAIN_BOTTOM: when a long
 * competency list would reach the signature, the competencies are made smaller until it fits.
 */
export function layoutCertificate(lines: CertificateLine[], fonts: Fonts): PlacedText[] {
  const of = (zone: Zone) => lines.filter((l) => l.zone === zone);
  const mainBox = { x: LEFT, width: RIGHT - LEFT, top: MAIN_TOP };
  let main = layoutZone(of("main"), fonts, mainBox, 1);
  for (let scale = 0.96; main.bottom - 6 < MAIN_BOTTOM && scale > 0.3; scale -= 0.04) main = layoutZone(of("main"), fonts, mainBox, scale);
  const signatureLines = of("signature");
  // The last signature line is the label under the signature line: it is drawn below it.
  const above = layoutZone(signatureLines.slice(0, -1), fonts, { x: SIGNATURE.x, width: SIGNATURE.width, top: SIGNATURE.top }, 1);
  const label = layoutZone(signatureLines.slice(-1), fonts, { x: SIGNATURE.x, width: SIGNATURE.width, top: SIGNATURE.lineY - 3 }, 1);
  const qr = layoutZone(of("qr"), fonts, { x: QR_X, width: QR_BOX, top: QR_Y - 3 }, 1);
  const verification = layoutZone(of("verification"), fonts, { x: LEFT, width: RIGHT - LEFT, top: VERIFICATION_TOP }, 1);
  return [...main.placed, ...above.placed, ...label.placed, ...qr.placed, ...verification.placed];
}

const TONES: Record<Tone, ReturnType<typeof rgb>> = {
  text: rgb(0.1, 0.1, 0.12),
  brand: rgb(0.05, 0.32, 0.36),
  muted: rgb(0.3, 0.32, 0.36),
  alert: rgb(0.6, 0.1, 0.1),
  warning: rgb(0.55, 0.35, 0),
};

/** The one-page A4 PDF of a certificate. */
export async function renderCertificatePdf(document: CertificateDocument): Promise<Uint8Array> {
  const { view, verifyUrl } = document;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificat — ${view.title}`);
  pdf.setSubject(`Vérification\u00a0: ${verifyUrl}`);
  pdf.setAuthor(document.details.establishment ? `Pivot — ${document.details.establishment}` : "Pivot");
  pdf.setLanguage("fr-FR");
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const fonts = await embedUnicodeFonts(pdf);

  // A double frame, and a rule under the heading.
  page.drawRectangle({ x: FRAME, y: FRAME, width: PAGE.width - 2 * FRAME, height: PAGE.height - 2 * FRAME, borderColor: TONES.brand, borderWidth: 2 });
  page.drawRectangle({
    x: FRAME + 6,
    y: FRAME + 6,
    width: PAGE.width - 2 * FRAME - 12,
    height: PAGE.height - 2 * FRAME - 12,
    borderColor: TONES.brand,
    borderWidth: 0.5,
  });
  page.drawLine({ start: { x: LEFT, y: MAIN_BOTTOM - 10 }, end: { x: RIGHT, y: MAIN_BOTTOM - 10 }, thickness: 0.5, color: TONES.muted });

  for (const t of layoutCertificate(certificateLines(document), fonts))
    page.drawText(t.text, { x: t.x, y: t.y, size: t.size, font: t.bold ? fonts.bold : fonts.regular, color: TONES[t.tone] });
  // The signature line, left blank for a handwritten visa or signature.
  page.drawLine({
    start: { x: SIGNATURE.x, y: SIGNATURE.lineY },
    end: { x: SIGNATURE.x + SIGNATURE.width, y: SIGNATURE.lineY },
    thickness: 0.75,
    color: TONES.text,
  });

  // The QR code: a white square (the quiet zone), then every dark run as a rectangle of one filled path.
  const qr = certificateQr(verifyUrl);
  page.drawRectangle({ x: qr.x, y: qr.y, width: qr.size, height: qr.size, color: rgb(1, 1, 1) });
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    ...qrRectangles(qr).map((r) => rectangle(r.x, r.y, r.width, r.height)),
    fill(),
    popGraphicsState(),
  );
  return pdf.save();
}

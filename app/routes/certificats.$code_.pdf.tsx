// The certificate as a one-page A4 PDF, made with pdf-lib. Drawn in DejaVu Sans, not a standard font: holders'
// names can be in any script (the standard fonts only know WinAnsi, and pdf-lib throws on anything else).
import { getEnv } from "~/utils/env.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { PDFDocument, rgb } from "pdf-lib";
import { formatDate } from "~/components/path-timeline";
import { publicCertificate } from "~/models/certificate-view.server";
import { embedUnicodeFonts, printable } from "~/utils/pdf-fonts.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { view } = await publicCertificate(request, params.code, context);
  const origin = getEnv().PUBLIC_URL;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificat — ${view.title}`);
  pdf.setAuthor("Pivot");
  pdf.setLanguage("fr-FR");
  const page = pdf.addPage([595.28, 841.89]); // A4
  const { regular, bold } = await embedUnicodeFonts(pdf);
  const brand = rgb(0.05, 0.32, 0.36);
  let y = 760;
  const line = (text: string, size: number, font = regular, color = rgb(0.1, 0.1, 0.12)) => {
    const words = printable(text, font).split(" ");
    let current = "";
    for (const w of words) {
      const next = current ? `${current} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > 480) {
        page.drawText(current, { x: 58, y, size, font, color });
        y -= size * 1.4;
        current = w;
      } else current = next;
    }
    if (current) page.drawText(current, { x: 58, y, size, font, color });
    y -= size * 1.6;
  };
  page.drawRectangle({ x: 36, y: 36, width: 523.28, height: 769.89, borderColor: brand, borderWidth: 2 });
  line("PIVOT — CERTIFICAT", 12, bold, brand);
  y -= 10;
  line(view.title, 22, bold);
  y -= 10;
  line(`Délivré à ${view.holderName}`, 16);
  line(`Niveau : ${view.level}`, 13);
  line(`Délivré le ${formatDate(view.issuedAt)} — valide jusqu'au ${formatDate(view.validUntil)}`, 13);
  if (view.status === "revoque") line(`RÉVOQUÉ le ${formatDate(view.revokedAt!)}${view.revokedReason ? ` : ${view.revokedReason}` : ""}`, 13, bold, rgb(0.6, 0.1, 0.1));
  else if (view.status === "expire") line("EXPIRÉ", 13, bold, rgb(0.55, 0.35, 0));
  else if (view.status === "renouvele") line(`RENOUVELÉ le ${formatDate(view.renewedAt!)} : voir le certificat en cours`, 13, bold, rgb(0.3, 0.3, 0.3));
  if (view.history.length > 1) line(`Première délivrance le ${formatDate(view.history[0]!.issuedAt)}, ${view.history.length - 1} renouvellement(s).`, 11);
  y -= 20;
  line("Compétences attestées selon le référentiel de Pivot : quiz, observations en situation de travail par une tutrice, évaluation finale du bloc.", 11);
  y -= 20;
  line("Vérification : ce certificat se vérifie sans compte à l'adresse", 11);
  line(`${origin}/certificats/${view.code}`, 10, bold, brand);
  line(`Code : ${view.code}`, 10);
  const bytes = await pdf.save();
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificat-pivot-${view.code.slice(0, 8)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}

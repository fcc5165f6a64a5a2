// The certificate as a one-page A4 PDF (app/models/certificate-pdf.server.ts), with a QR code to its public
// verification page. A revoked certificate has no PDF any more: 410, with the date and the reason.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderCertificatePdf } from "~/models/certificate-pdf.server";
import { printableCertificate } from "~/models/certificate-public-view.server";
import { getEnv } from "~/utils/env.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const verifyUrlOf = (code: string) => `${getEnv().PUBLIC_URL}/certificats/${code}`;
  const { view, details } = await printableCertificate(request, params.code, verifyUrlOf, context);
  const bytes = await renderCertificatePdf({ view, details, verifyUrl: verifyUrlOf(view.code) });
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificat-pivot-${view.code.slice(0, 8)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}

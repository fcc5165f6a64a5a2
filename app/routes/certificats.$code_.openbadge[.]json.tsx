// The certificate as an Open Badges 3.0 credential (JSON, unsigned view of the signed VC-JWT).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicCertificate } from "~/models/certificate-view.server";
import { openBadgeCredential } from "~/models/open-badge.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { certificate } = await publicCertificate(request, params.code);
  return new Response(JSON.stringify(openBadgeCredential(certificate, new URL(request.url).origin), null, 2), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

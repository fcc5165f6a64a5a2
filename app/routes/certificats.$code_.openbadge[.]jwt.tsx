// The certificate as an Open Badges 3.0 credential signed by the platform (VC-JWT, EdDSA).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicCertificate } from "~/models/certificate-view.server";
import { signedOpenBadge } from "~/models/open-badge.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { certificate } = await publicCertificate(request, params.code);
  return new Response(signedOpenBadge(certificate, new URL(request.url).origin), {
    headers: { "Content-Type": "application/vc+jwt; charset=utf-8", "Cache-Control": "no-store" },
  });
}

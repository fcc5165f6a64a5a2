// The certificate as an Open Badges 3.0 credential (JSON, unsigned view of the signed VC-JWT).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeCertificate } from "~/models/certificate-public-view.server";
import { getEnv } from "~/utils/env.server";
import { openBadgeCredential } from "~/models/open-badge.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const certificate = await badgeCertificate(request, params.code, context);
  return new Response(JSON.stringify(openBadgeCredential(certificate, getEnv().PUBLIC_URL), null, 2), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

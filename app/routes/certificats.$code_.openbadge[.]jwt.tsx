// The certificate as an Open Badges 3.0 credential signed by the platform (VC-JWT, EdDSA).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeCertificate } from "~/models/certificate-public-view.server";
import { getEnv } from "~/utils/env.server";
import { signedOpenBadge } from "~/models/open-badge.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const certificate = await badgeCertificate(request, params.code, context);
  return new Response(signedOpenBadge(certificate, getEnv().PUBLIC_URL), {
    headers: { "Content-Type": "application/vc+jwt; charset=utf-8", "Cache-Control": "no-store" },
  });
}

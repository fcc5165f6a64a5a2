// What the public verification page and the PDF show of a certificate: nothing more than necessary.
// After the holder's account was erased, no name at all (ADR 006).
import { getCertificationRules } from "~/content/modules.server";
import { CERTIFICATE_STATUSES, certificateStatus } from "~/domain/certification";
import { todayInParis } from "~/domain/integration-path";
import { LEVEL_LABELS } from "~/domain/levels";
import { certificateHistory, getCertificateByCode } from "./certificates.server";
import { notFound } from "~/models/permissions.server";
import type { AppLoadContext } from "@remix-run/node";
import { clientAddress } from "~/utils/http.server";
import { hitRateLimit, LIMITS } from "./rate-limit.server";

/** Who a certificate was issued to, once the holder's account was erased. */
export const ERASED_HOLDER = "une personne dont le compte a été supprimé";

/** A certificate as anyone may verify it, counted against the client's verification limit. */
export async function publicCertificate(request: Request, code: string | undefined, context?: AppLoadContext) {
  if ((await hitRateLimit({ key: `certificats:${clientAddress(context)}`, ...LIMITS.certificates })).limited)
    throw new Response("Trop de vérifications en peu de temps. Réessayez dans une minute.", { status: 429, statusText: "Too Many Requests" });
  const certificate = await getCertificateByCode(code ?? "");
  if (!certificate) notFound("Aucun certificat ne correspond à ce code. Vérifiez qu'il a été recopié en entier (32 caractères, lettres minuscules et chiffres de 2 à 7).");
  const status = certificateStatus(certificate, todayInParis(), getCertificationRules().validity.warningDays);
  const chain = await certificateHistory(certificate);
  const current = chain.find((c) => !c.renewedAt && !c.revokedAt && c.cycle > certificate.cycle);
  return {
    certificate,
    view: {
      code: certificate.code,
      /** Empty once the holder's account was erased (ADR 006): the verifier then reads ERASED_HOLDER. */
      holderName: certificate.holderName || ERASED_HOLDER,
      holderErased: certificate.holderName === "",
      title: certificate.title,
      level: LEVEL_LABELS[certificate.level],
      issuedAt: certificate.issuedAt,
      validUntil: certificate.validUntil,
      status,
      statusLabel: status === "a_actualiser" ? CERTIFICATE_STATUSES.valide : CERTIFICATE_STATUSES[status],
      revokedReason: certificate.revokedAt ? certificate.revokedReason : null,
      revokedAt: certificate.revokedAt,
      renewedAt: certificate.renewedAt,
      /** The certificate that replaced this one, when it was renewed. */
      renewedBy: current ? { code: current.code, validUntil: current.validUntil } : null,
      /** Every certificate of the chain (first issue and renewals), oldest first. */
      history: chain.length > 1 ? chain.map((c) => ({ code: c.code, issuedAt: c.issuedAt, validUntil: c.validUntil, current: c.code === certificate.code, first: c.cycle === 0 })) : [],
    },
  };
}

/** The certificate behind an Open Badge: a revoked one is never signed again (410 with the reason). */
export async function badgeCertificate(request: Request, code: string | undefined, context?: AppLoadContext) {
  const { certificate } = await publicCertificate(request, code, context);
  if (certificate.revokedAt)
    throw new Response(`Ce certificat a été révoqué${certificate.revokedReason ? ` (motif : ${certificate.revokedReason})` : ""} : aucun badge n'est plus délivré pour lui.`, {
      status: 410,
      statusText: "Gone",
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return certificate;
}

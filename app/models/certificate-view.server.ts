// What the public verification page and the PDF show of a certificate: nothing more than necessary.
import { getCertificationRules } from "~/content/modules.server";
import { CERTIFICATE_STATUSES, certificateStatus } from "~/domain/certification";
import { todayInParis } from "~/domain/integration-path";
import { LEVEL_LABELS } from "~/domain/levels";
import { certificateHistory, getCertificateByCode } from "./certificates.server";
import { notFound } from "~/utils/auth.server";
import { clientKey, rateLimited } from "~/utils/rate-limit.server";

export async function publicCertificate(request: Request, code: string | undefined) {
  if (rateLimited(`certificats:${clientKey(request)}`))
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
      holderName: certificate.holderName,
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

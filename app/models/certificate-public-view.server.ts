// What the public verification page and the PDF show of a certificate: nothing more than necessary.
// After the holder's account was erased, no name at all (ADR 006).
import { and, eq } from "drizzle-orm";
import { certificates, users } from "../../db/schema";
import { formatDay, parisDay } from "~/utils/dates";
import { getCertificationRules, getReferential } from "~/content/modules.server";
import { CERTIFICATE_STATUSES, certificateStatus } from "~/domain/certification";

import { LEVEL_LABELS, LEVELS } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { certificateHistory, getCertificateByCode } from "./certificate-registry.server";
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
  if (!certificate)
    notFound("Aucun certificat ne correspond à ce code. Vérifiez qu'il a été recopié en entier (32 caractères, lettres minuscules et chiffres de 2 à 7).");
  const status = certificateStatus(certificate, parisDay(), getCertificationRules().validity.warningDays);
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
      history:
        chain.length > 1
          ? chain.map((c) => ({ code: c.code, issuedAt: c.issuedAt, validUntil: c.validUntil, current: c.code === certificate.code, first: c.cycle === 0 }))
          : [],
    },
  };
}

/** The certificate behind an Open Badge: a revoked one is never signed again (410 with the reason). */
export async function badgeCertificate(request: Request, code: string | undefined, context?: AppLoadContext) {
  const { certificate } = await publicCertificate(request, code, context);
  if (certificate.revokedAt)
    throw new Response(
      `Ce certificat a été révoqué${certificate.revokedReason ? ` (motif : ${certificate.revokedReason})` : ""} : aucun badge n'est plus délivré pour lui.`,
      {
        status: 410,
        statusText: "Gone",
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      },
    );
  return certificate;
}

/** A certificate row as stored. */
type CertificateRow = typeof certificates.$inferSelect;

/** The answer for a revoked certificate's documents (PDF, badges): 410 with the date and the reason, in plain French. */
export function revokedCertificateResponse(certificate: Pick<CertificateRow, "code" | "revokedAt" | "revokedReason">, what: string, verifyUrl: string) {
  const date = certificate.revokedAt ? ` le ${formatDay(certificate.revokedAt)}` : "";
  const reason = certificate.revokedReason ? ` (motif\u00a0: ${certificate.revokedReason})` : "";
  return new Response(
    `Ce certificat a été révoqué${date}${reason}\u00a0: ${what}.\nSa page de vérification, qui indique cette révocation, reste consultable\u00a0: ${verifyUrl}\n`,
    { status: 410, statusText: "Gone", headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } },
  );
}

/** The public view of a certificate, for its PDF: a revoked one has none any more (410 with the reason). */
export async function printableCertificate(request: Request, code: string | undefined, verifyUrlOf: (code: string) => string, context?: AppLoadContext) {
  const { certificate, view } = await publicCertificate(request, code, context);
  if (certificate.revokedAt) throw revokedCertificateResponse(certificate, "son PDF n'est plus délivré", verifyUrlOf(certificate.code));
  return { certificate, view, details: await certificateDetails(certificate) };
}

/** Who signs a certificate: the platform for what it issues by its rules, the tutor or cadre who attested a complement. */
export type CertificateSigner = { kind: "plateforme" } | { kind: "attestation"; name: string | null; role: string | null };

/** Competencies covered, grouped by block (or the complement attested). */
export type CompetencyGroup = { title: string; items: string[] };

export type CertificateDetails = {
  kind: CertificateRow["kind"];
  /** The holder's establishment (there is no settings table: the users table holds it); null when unknown. */
  establishment: string | null;
  /** 1, 2 or 3: the level's rank among the three official levels. */
  levelNumber: number;
  referentialTitle: string;
  competencies: CompetencyGroup[];
  signer: CertificateSigner;
  /** Set on a certificate issued by a renewal quiz. */
  renewal: boolean;
};

const SIGNER_ROLES: Record<string, string> = { tutor: "Tutrice ou tuteur", manager: "Cadre de santé", admin: "Administration de la plateforme" };

type EvidenceBlock = { block: string; competencies: { id: string }[] };

function evidenceBlocks(evidence: unknown): EvidenceBlock[] | null {
  if (!Array.isArray(evidence)) return null;
  const blocks = evidence.filter(
    (e): e is EvidenceBlock =>
      Boolean(e) && typeof e === "object" && typeof (e as EvidenceBlock).block === "string" && Array.isArray((e as EvidenceBlock).competencies),
  );
  return blocks.length ? blocks : null;
}

const objectField = (value: unknown, key: string): unknown =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

/**
 * What the PDF prints beyond the public view: the establishment, the competencies covered (from the evidence
 * kept with the certificate; a renewal carries none, so those of the first certificate of its chain; the
 * referential when neither has them) and who signs.
 */
export async function certificateDetails(certificate: CertificateRow): Promise<CertificateDetails> {
  const db = getDb();
  const referential = getReferential();
  const holder = await db.query.users.findFirst({ where: eq(users.id, certificate.userId), columns: { establishment: true } });
  const renewal = objectField(certificate.evidence, "renewal") !== undefined;
  let competencies: CompetencyGroup[];
  if (certificate.kind === "complement") {
    const complement = referential.complements.find((c) => c.id === certificate.blockId);
    competencies = [{ title: complement?.title ?? certificate.title, items: complement?.description ? [complement.description] : [] }];
  } else {
    let blocks = evidenceBlocks(certificate.evidence);
    if (!blocks && certificate.cycle > 0) {
      const first = await db.query.certificates.findFirst({
        where: and(
          eq(certificates.userId, certificate.userId),
          eq(certificates.kind, certificate.kind),
          eq(certificates.blockId, certificate.blockId),
          eq(certificates.level, certificate.level),
          eq(certificates.cycle, 0),
        ),
        columns: { evidence: true },
      });
      blocks = first ? evidenceBlocks(first.evidence) : null;
    }
    blocks ??= referential.blocks
      .filter((b) => certificate.kind === "parcours" || b.id === certificate.blockId)
      .map((b) => ({ block: b.id, competencies: b.competencies.map((c) => ({ id: c.id })) }));
    competencies = blocks.map((e) => {
      const block = referential.blocks.find((b) => b.id === e.block);
      return {
        title: block ? `Bloc ${block.number} — ${block.title}` : e.block,
        items: e.competencies.map(
          (c) =>
            block?.competencies.find((x) => x.id === c.id)?.title ??
            referential.blocks.flatMap((b) => b.competencies).find((x) => x.id === c.id)?.title ??
            c.id,
        ),
      };
    });
  }
  let signer: CertificateSigner = { kind: "plateforme" };
  if (certificate.kind === "complement") {
    const attestedBy = objectField(certificate.evidence, "attestedBy");
    const person =
      typeof attestedBy === "string"
        ? await db.query.users.findFirst({ where: eq(users.id, attestedBy), columns: { name: true, role: true, erasedAt: true } })
        : undefined;
    // An erased account keeps no name: the certificate then says who attested only by her role.
    signer = { kind: "attestation", name: person && !person.erasedAt ? person.name : null, role: person ? (SIGNER_ROLES[person.role] ?? null) : null };
  }
  return {
    kind: certificate.kind,
    establishment: holder?.establishment.trim() || null,
    levelNumber: LEVELS.indexOf(certificate.level) + 1,
    referentialTitle: referential.title,
    competencies,
    signer,
    renewal,
  };
}

// Certificates: issued exactly once when the rules say a block or the pathway is validated, verifiable
// by anyone with their code, revocable by an admin.
import crypto from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { certificates, users } from "../../db/schema";
import { getCertificationRules, getReferential } from "~/content/modules.server";
import {
  certificatesToIssue,
  certificatesToRenew,
  certificateStatus,
  LEVEL_NAMES,
  renewedValidUntil,
  validUntilFrom,
  type CertLevel,
  type PathwayResult,
} from "~/domain/certification";

import { certificationOf } from "./certification-evidence.server";
import { newCertificateCode } from "~/utils/certificate-code";
import { getDb } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { parisDay } from "~/utils/dates";

function validityYears(blockId: string | null): number {
  const rules = getCertificationRules();
  const comps = getReferential()
    .blocks.filter((b) => !blockId || b.id === blockId)
    .flatMap((b) => b.competencies);
  return Math.min(rules.validity.defaultYears, ...comps.map((c) => c.validityYears ?? rules.validity.defaultYears));
}

function evidenceSummary(result: PathwayResult, blockId: string, level: CertLevel) {
  const blocks = result.blocks.filter((b) => !blockId || b.blockId === blockId);
  return blocks.map((b) => {
    const l = b.levels.find((x) => x.level === level)!;
    return {
      block: b.blockId,
      competencies: l.competencies.map((c) => ({ id: c.competencyId, quizPercent: c.quiz?.percent ?? null, observations: c.observation?.observed ?? null })),
      assessment: l.assessmentMet,
    };
  });
}

/** Issues what the learner's evidence calls for; safe to call from concurrent requests. Returns how many were issued. */
export async function issueCertificates(userId: string): Promise<number> {
  const db = getDb();
  const result = await certificationOf(userId);
  const existing = await db
    .select({ kind: certificates.kind, blockId: certificates.blockId, level: certificates.level })
    .from(certificates)
    .where(eq(certificates.userId, userId));
  const due = certificatesToIssue(result, existing);
  if (due.length === 0) return 0;
  const holder = (await db.query.users.findFirst({ where: eq(users.id, userId), columns: { name: true } }))!;
  const today = parisDay();
  const pathwayTitle = getCertificationRules().pathway.title;
  let issued = 0;
  for (const key of due) {
    const block = result.blocks.find((b) => b.blockId === key.blockId);
    const title = key.kind === "bloc" ? `Bloc ${block!.number} — ${block!.title}` : pathwayTitle;
    const code = newCertificateCode();
    const rows = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(certificates)
        .values({
          id: crypto.randomUUID(),
          userId,
          kind: key.kind,
          blockId: key.blockId,
          level: key.level,
          code,
          holderName: holder.name,
          title: `${title} (connaissances ${LEVEL_NAMES[key.level]})`,
          issuedAt: today,
          validUntil: validUntilFrom(today, validityYears(key.kind === "bloc" ? key.blockId : null)),
          evidence: evidenceSummary(result, key.blockId, key.level),
        })
        .onConflictDoNothing()
        .returning({ id: certificates.id });
      if (inserted.length) await recordAudit({ action: "certificat_delivre", actorId: null, subjectId: userId, details: { code } }, tx);
      return inserted;
    });
    issued += rows.length;
  }
  return issued;
}

type Certificate = typeof certificates.$inferSelect;

/**
 * Renews one certificate: a new one of the next cycle that points to it, and the previous one marked renewed,
 * in the caller's transaction. The unique index on the cycle makes a concurrent second renewal a no-op (returns null).
 */
async function insertRenewal(tx: Tx, previous: Certificate, values: { validUntil: string; evidence: unknown }): Promise<string | null> {
  const code = newCertificateCode();
  const inserted = await tx
    .insert(certificates)
    .values({
      id: crypto.randomUUID(),
      userId: previous.userId,
      kind: previous.kind,
      blockId: previous.blockId,
      level: previous.level,
      code,
      holderName: previous.holderName,
      title: previous.title,
      issuedAt: parisDay(),
      validUntil: values.validUntil,
      evidence: values.evidence,
      cycle: previous.cycle + 1,
      renewsId: previous.id,
    })
    .onConflictDoNothing()
    .returning({ id: certificates.id });
  if (inserted.length === 0) return null;
  await tx.update(certificates).set({ renewedAt: new Date().toISOString() }).where(eq(certificates.id, previous.id));
  await recordAudit(
    { action: "certificat_renouvele", actorId: null, subjectId: previous.userId, details: { code, "certificat précédent": previous.code } },
    tx,
  );
  return code;
}

/** After a passed renewal quiz: renews each open certificate of the scope. Returns the new certificates' codes. */
export async function renewCertificates({
  userId,
  scope,
  proof,
}: {
  userId: string;
  scope: string;
  proof: { attemptId: string; score: number };
}): Promise<string[]> {
  const today = parisDay();
  const due = certificatesToRenew(await listCertificates(userId), scope, today, getCertificationRules().validity.warningDays);
  const codes: string[] = [];
  for (const previous of due) {
    const years = validityYears(previous.kind === "bloc" ? previous.blockId : null);
    const code = await getDb().transaction((tx) =>
      insertRenewal(tx, previous, {
        validUntil: renewedValidUntil(previous.validUntil, today, years),
        evidence: { renewal: { attemptId: proof.attemptId, score: proof.score, previousCode: previous.code } },
      }),
    );
    if (code) codes.push(code);
  }
  return codes;
}

/** The chain a certificate belongs to, oldest first: the certificates it renews, itself, and those renewing it. */
export async function certificateHistory(certificate: Pick<Certificate, "userId" | "kind" | "blockId" | "level">) {
  return getDb()
    .select({
      code: certificates.code,
      issuedAt: certificates.issuedAt,
      validUntil: certificates.validUntil,
      cycle: certificates.cycle,
      renewedAt: certificates.renewedAt,
      revokedAt: certificates.revokedAt,
    })
    .from(certificates)
    .where(
      and(
        eq(certificates.userId, certificate.userId),
        eq(certificates.kind, certificate.kind),
        eq(certificates.blockId, certificate.blockId),
        eq(certificates.level, certificate.level),
      ),
    )
    .orderBy(certificates.cycle);
}

export async function listCertificates(userId: string) {
  return getDb().select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.issuedAt), certificates.title);
}

export async function getCertificateByCode(code: string) {
  if (!/^[a-z2-7]{32}$/.test(code)) return null;
  return (await getDb().query.certificates.findFirst({ where: eq(certificates.code, code) })) ?? null;
}

export async function revokeCertificate({ code, by, reason, address = null }: { code: string; by: string; reason: string; address?: string | null }) {
  return getDb().transaction(async (tx) => {
    const rows = await tx
      .update(certificates)
      .set({ revokedAt: new Date().toISOString(), revokedBy: by, revokedReason: reason })
      .where(and(eq(certificates.code, code), isNull(certificates.revokedAt)))
      .returning({ userId: certificates.userId });
    if (rows.length !== 1) return false;
    await recordAudit({ action: "certificat_revoque", actorId: by, subjectId: rows[0]!.userId, address, details: { code, motif: reason } }, tx);
    return true;
  });
}

/** A compact summary for the tutor's and the cadre's views of a learner. */
export async function certificationSummary(userId: string) {
  const [result, list] = await Promise.all([certificationOf(userId), listCertificates(userId)]);
  const today = parisDay();
  const warningDays = getCertificationRules().validity.warningDays;
  return {
    summary: result.summary,
    blocks: result.blocks.map((b) => ({
      id: b.blockId,
      number: b.number,
      title: b.title,
      validatedLevel: b.validatedLevel ? LEVEL_NAMES[b.validatedLevel] : null,
      nextActions: b.nextActions,
    })),
    certificates: list.map((c) => ({ code: c.code, title: c.title, validUntil: c.validUntil, status: certificateStatus(c, today, warningDays) })),
  };
}

export type ComplementInput = { complementId: string; level: CertLevel; note: string };

/**
 * A specialty complement (referential "complements") attested by a tutor or a cadre: recorded as its own
 * certificate, separate from the blocks. Once per learner, complement and level; attesting it again once its
 * renewal is open renews it (the new certificate points to the previous one, which is kept). The certificate
 * and its audit entries are written in one transaction. False when nothing was issued.
 */
export async function attestComplement({
  learnerId,
  attestation,
  by,
  address = null,
}: {
  learnerId: string;
  attestation: ComplementInput;
  by: string;
  address?: string | null;
}) {
  const complement = getReferential().complements.find((c) => c.id === attestation.complementId);
  if (!complement) return false;
  const today = parisDay();
  const rules = getCertificationRules();
  const evidence = { attestedBy: by, note: attestation.note };
  return getDb().transaction(async (tx) => {
    const holder = await tx.query.users.findFirst({ where: eq(users.id, learnerId), columns: { name: true } });
    if (!holder) return false;
    const [previous] = await tx
      .select()
      .from(certificates)
      .where(
        and(
          eq(certificates.userId, learnerId),
          eq(certificates.kind, "complement"),
          eq(certificates.blockId, complement.id),
          eq(certificates.level, attestation.level),
        ),
      )
      .orderBy(desc(certificates.cycle))
      .limit(1);
    let issued: boolean;
    if (previous) {
      const renewing = certificatesToRenew([previous], complement.id, today, rules.validity.warningDays, "complement")[0];
      if (!renewing) return false; // already attested, and not yet to renew
      const code = await insertRenewal(tx, renewing, {
        validUntil: renewedValidUntil(renewing.validUntil, today, rules.validity.defaultYears),
        evidence: { ...evidence, previousCode: renewing.code },
      });
      issued = code !== null;
    } else {
      const rows = await tx
        .insert(certificates)
        .values({
          id: crypto.randomUUID(),
          userId: learnerId,
          kind: "complement",
          blockId: complement.id,
          level: attestation.level,
          code: newCertificateCode(),
          holderName: holder.name,
          title: `Attestation — ${complement.title} (connaissances ${LEVEL_NAMES[attestation.level]})`,
          issuedAt: today,
          validUntil: validUntilFrom(today, rules.validity.defaultYears),
          evidence,
        })
        .onConflictDoNothing()
        .returning({ id: certificates.id });
      issued = rows.length === 1;
    }
    if (issued)
      await recordAudit(
        {
          action: "complement_atteste",
          actorId: by,
          subjectId: learnerId,
          address,
          details: { complément: attestation.complementId, niveau: attestation.level },
        },
        tx,
      );
    return issued;
  });
}

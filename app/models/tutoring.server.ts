// Tutor ↔ mentee relations, points d'étape, competencies observed on the job, reports and bilans.
// A tutor only ever sees her current mentees; assignments end rather than disappear (history kept).
import crypto from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { astonishmentReports, checkpoints, competencyValidations, integrationReviews, services, tutorAssignments, users } from "../../db/schema";
import type { Tx } from "../../db/client";
import { getDb } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { markReportStepDone } from "./path.server";

export async function listMentees(tutorId: string) {
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      profile: users.profile,
      hireDate: users.hireDate,
      service: services.name,
      serviceId: users.serviceId,
    })
    .from(tutorAssignments)
    .innerJoin(users, eq(users.id, tutorAssignments.learnerId))
    .leftJoin(services, eq(services.id, users.serviceId))
    .where(and(eq(tutorAssignments.tutorId, tutorId), isNull(tutorAssignments.endedAt)))
    .orderBy(users.name);
}

export async function isMentorOf({ tutorId, learnerId }: { tutorId: string; learnerId: string }) {
  const row = await getDb().query.tutorAssignments.findFirst({
    where: and(eq(tutorAssignments.tutorId, tutorId), eq(tutorAssignments.learnerId, learnerId), isNull(tutorAssignments.endedAt)),
    columns: { id: true },
  });
  return Boolean(row);
}

/** The current tutor of a learner, if any. */
export async function currentTutorOf(learnerId: string) {
  const [row] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(tutorAssignments)
    .innerJoin(users, eq(users.id, tutorAssignments.tutorId))
    .where(and(eq(tutorAssignments.learnerId, learnerId), isNull(tutorAssignments.endedAt)));
  return row ?? null;
}

/** Every tutor a learner had, newest first. */
export async function tutorHistory(learnerId: string) {
  return getDb()
    .select({
      id: tutorAssignments.id,
      tutorName: users.name,
      startedAt: tutorAssignments.startedAt,
      endedAt: tutorAssignments.endedAt,
      assignedBy: sql<string | null>`(select a.name from users a where a.id = ${tutorAssignments.assignedBy})`,
    })
    .from(tutorAssignments)
    .innerJoin(users, eq(users.id, tutorAssignments.tutorId))
    .where(eq(tutorAssignments.learnerId, learnerId))
    .orderBy(desc(tutorAssignments.startedAt));
}

/**
 * The assignment itself, in the caller's transaction: the current assignment ends, a new one starts.
 * False when she already has this tutor (nothing written).
 */
export async function writeAssignment(tx: Tx, { learnerId, tutorId, by }: { learnerId: string; tutorId: string; by: string }) {
  const at = new Date().toISOString();
  const [current] = await tx
    .select({ id: tutorAssignments.id, tutorId: tutorAssignments.tutorId })
    .from(tutorAssignments)
    .where(and(eq(tutorAssignments.learnerId, learnerId), isNull(tutorAssignments.endedAt)));
  if (current?.tutorId === tutorId) return false;
  if (current) await tx.update(tutorAssignments).set({ endedAt: at }).where(eq(tutorAssignments.id, current.id));
  await tx.insert(tutorAssignments).values({ id: crypto.randomUUID(), tutorId, learnerId, assignedBy: by, startedAt: at });
  return true;
}

/** Assigns (or changes) a learner's tutor, with its audit entry, in one transaction; nothing when she already has her. */
export async function assignTutor({ learnerId, tutorId, by, address = null }: { learnerId: string; tutorId: string; by: string; address?: string | null }) {
  await getDb().transaction(async (tx) => {
    if (await writeAssignment(tx, { learnerId, tutorId, by }))
      await recordAudit({ action: "tutrice_attribuee", actorId: by, subjectId: learnerId, address }, tx);
  });
}

// --- Points d'étape ---

export type CheckpointInput = { heldOn: string; notes: string; actions: string | null };

export async function addCheckpoint({ learnerId, tutorId, checkpoint }: { learnerId: string; tutorId: string; checkpoint: CheckpointInput }) {
  await getDb()
    .insert(checkpoints)
    .values({ id: crypto.randomUUID(), learnerId, tutorId, ...checkpoint });
}

export async function listCheckpoints(learnerId: string) {
  return getDb()
    .select({ id: checkpoints.id, heldOn: checkpoints.heldOn, notes: checkpoints.notes, actions: checkpoints.actions, tutorName: users.name })
    .from(checkpoints)
    .innerJoin(users, eq(users.id, checkpoints.tutorId))
    .where(eq(checkpoints.learnerId, learnerId))
    .orderBy(desc(checkpoints.heldOn), desc(checkpoints.createdAt));
}

// --- Competencies observed on the job ---

export type ValidationInput = { competencyId: string; level: "generales" | "operationnelles" | "approfondies"; observedOn: string; evidence: string };

const validationDetails = (v: ValidationInput) => ({ compétence: v.competencyId, niveau: v.level });

/** A competency observed on the job, with its audit entry, in one transaction. Returns its id. */
export async function addValidation({
  learnerId,
  tutorId,
  validation,
  address = null,
}: {
  learnerId: string;
  tutorId: string;
  validation: ValidationInput;
  address?: string | null;
}) {
  const id = crypto.randomUUID();
  await getDb().transaction(async (tx) => {
    await tx.insert(competencyValidations).values({ id, learnerId, validatedBy: tutorId, ...validation });
    await recordAudit({ action: "competence_validee", actorId: tutorId, subjectId: learnerId, address, details: validationDetails(validation) }, tx);
  });
  return id;
}

/**
 * Corrects a validation: the old row is kept and marked superseded, the new one points to it, and the audit
 * entry is written, in one transaction. Refused (false) when the validation is unknown, not the learner's,
 * or already corrected.
 */
export async function correctValidation({
  learnerId,
  validationId,
  tutorId,
  validation,
  address = null,
}: {
  learnerId: string;
  validationId: string;
  tutorId: string;
  validation: ValidationInput;
  address?: string | null;
}) {
  const db = getDb();
  return db.transaction(async (tx) => {
    const superseded = await tx
      .update(competencyValidations)
      .set({ supersededAt: new Date().toISOString() })
      .where(and(eq(competencyValidations.id, validationId), eq(competencyValidations.learnerId, learnerId), isNull(competencyValidations.supersededAt)))
      .returning({ id: competencyValidations.id });
    if (superseded.length !== 1) return false;
    await tx.insert(competencyValidations).values({ id: crypto.randomUUID(), learnerId, validatedBy: tutorId, correctsId: validationId, ...validation });
    await recordAudit({ action: "validation_corrigee", actorId: tutorId, subjectId: learnerId, address, details: validationDetails(validation) }, tx);
    return true;
  });
}

/** The mentee adds her own comment to a validation of hers. */
export async function commentValidation({ learnerId, validationId, comment }: { learnerId: string; validationId: string; comment: string }) {
  const result = await getDb()
    .update(competencyValidations)
    .set({ learnerComment: comment, learnerCommentAt: new Date().toISOString() })
    .where(and(eq(competencyValidations.id, validationId), eq(competencyValidations.learnerId, learnerId)))
    .returning({ id: competencyValidations.id });
  return result.length === 1;
}

/** All validations of a learner, corrected ones included (history), newest first. */
export async function listValidations(learnerId: string) {
  return getDb()
    .select({
      id: competencyValidations.id,
      competencyId: competencyValidations.competencyId,
      level: competencyValidations.level,
      observedOn: competencyValidations.observedOn,
      evidence: competencyValidations.evidence,
      validatedByName: users.name,
      createdAt: competencyValidations.createdAt,
      correctsId: competencyValidations.correctsId,
      supersededAt: competencyValidations.supersededAt,
      learnerComment: competencyValidations.learnerComment,
    })
    .from(competencyValidations)
    .innerJoin(users, eq(users.id, competencyValidations.validatedBy))
    .where(eq(competencyValidations.learnerId, learnerId))
    .orderBy(desc(competencyValidations.observedOn), desc(competencyValidations.createdAt));
}

// --- Rapport d'étonnement and bilan ---

export type ReportInput = { surprises: string; helped: string; suggestions: string };

/** Her rapport d'étonnement (written, or rewritten) and its step of her path marked done, in one transaction. */
export async function saveReport({ learnerId, report }: { learnerId: string; report: ReportInput }) {
  const at = new Date().toISOString();
  await getDb().transaction(async (tx) => {
    await tx
      .insert(astonishmentReports)
      .values({ learnerId, ...report, submittedAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: astonishmentReports.learnerId, set: { ...report, updatedAt: at } });
    await markReportStepDone(learnerId, tx);
  });
}

export async function getReport(learnerId: string) {
  return (await getDb().query.astonishmentReports.findFirst({ where: eq(astonishmentReports.learnerId, learnerId) })) ?? null;
}

export type ReviewInput = { outcome: (typeof integrationReviews.$inferInsert)["outcome"]; summary: string; nextSteps: string };

export async function addReview({ learnerId, by, review }: { learnerId: string; by: string; review: ReviewInput }) {
  await getDb()
    .insert(integrationReviews)
    .values({ id: crypto.randomUUID(), learnerId, recordedBy: by, ...review });
}

export async function listReviews(learnerId: string) {
  return getDb()
    .select({
      id: integrationReviews.id,
      outcome: integrationReviews.outcome,
      summary: integrationReviews.summary,
      nextSteps: integrationReviews.nextSteps,
      by: users.name,
      createdAt: integrationReviews.createdAt,
    })
    .from(integrationReviews)
    .innerJoin(users, eq(users.id, integrationReviews.recordedBy))
    .where(eq(integrationReviews.learnerId, learnerId))
    .orderBy(desc(integrationReviews.createdAt));
}

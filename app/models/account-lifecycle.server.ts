// The end of an account: offboarding (a cadre deactivates someone who left; an admin may reactivate)
// and erasure (she asks, an admin confirms, the account is anonymised). Each change is one transaction
// with its audit entry.
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import {
  astonishmentReports,
  certificates,
  checkpoints,
  competencyValidations,
  integrationReviews,
  invitations,
  loginAttempts,
  outbox,
  passwordResets,
  pathSteps,
  pinnedFiches,
  reviewCards,
  serviceManagers,
  services,
  sessions,
  tutorAssignments,
  users,
} from "../../db/schema";
import { recordAudit } from "./audit.server";
import { applyServiceStepsToPaths, createPathFor } from "./path.server";
import { profileLabel } from "~/domain/vocabulary";
import { ROLE_LABELS } from "~/utils/auth.server";
import type { Profile } from "../../db/schema";
import { getDb } from "~/utils/db.server";

/** What replaces every free text of an erased account. */
export const ERASED_TEXT = "[texte supprimé à la demande de la personne]";
export const ERASED_NAME = "Compte supprimé";

type Actor = { by: string; address: string | null; now?: Date };

/** Her current mentees (a tutor who leaves releases them: the cadre is warned before she confirms). */
export async function currentMentees(tutorId: string) {
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(tutorAssignments)
    .innerJoin(users, eq(users.id, tutorAssignments.learnerId))
    .where(and(eq(tutorAssignments.tutorId, tutorId), isNull(tutorAssignments.endedAt)))
    .orderBy(asc(users.name));
}

/**
 * She left: she can no longer sign in, her sessions and pending links end, her tutoring ends on both
 * sides (her mentees are released to the cadre, who assigns someone else), and she leaves the active
 * lists. Her history stays. Returns the mentees released, or null when she was already deactivated.
 */
export async function deactivateAccount({ personId, by, address, now = new Date() }: Actor & { personId: string }) {
  const at = now.toISOString();
  return getDb().transaction(async (tx) => {
    const done = await tx
      .update(users)
      .set({ deactivatedAt: at, deactivatedBy: by })
      .where(and(eq(users.id, personId), isNull(users.deactivatedAt)))
      .returning({ id: users.id });
    if (done.length !== 1) return null;
    const released = await tx
      .select({ id: tutorAssignments.id, learnerId: tutorAssignments.learnerId })
      .from(tutorAssignments)
      .where(and(eq(tutorAssignments.tutorId, personId), isNull(tutorAssignments.endedAt)));
    await tx
      .update(tutorAssignments)
      .set({ endedAt: at })
      .where(and(or(eq(tutorAssignments.tutorId, personId), eq(tutorAssignments.learnerId, personId)), isNull(tutorAssignments.endedAt)));
    await tx.delete(sessions).where(eq(sessions.userId, personId));
    await tx
      .update(invitations)
      .set({ usedAt: at })
      .where(and(eq(invitations.userId, personId), isNull(invitations.usedAt)));
    await tx
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.userId, personId), isNull(passwordResets.usedAt)));
    await recordAudit(
      {
        action: "compte_desactive",
        actorId: by,
        subjectId: personId,
        address,
        details: released.length ? { "personnes suivies libérées": released.length } : undefined,
      },
      tx,
    );
    for (const r of released) await recordAudit({ action: "tutorat_termine", actorId: by, subjectId: r.learnerId, address }, tx);
    return released.map((r) => r.learnerId);
  });
}

/** An admin brings a deactivated (not erased) account back; tutoring is not restored: the cadre reassigns it. */
export async function reactivateAccount({ personId, by, address }: Actor & { personId: string }) {
  return getDb().transaction(async (tx) => {
    const done = await tx
      .update(users)
      .set({ deactivatedAt: null, deactivatedBy: null })
      .where(and(eq(users.id, personId), isNotNull(users.deactivatedAt), isNull(users.erasedAt)))
      .returning({ id: users.id });
    if (done.length !== 1) return false;
    await recordAudit({ action: "compte_reactive", actorId: by, subjectId: personId, address }, tx);
    return true;
  });
}

/** People who left, in the services given (for the cadre's « Personnes parties » list). */
export async function listDeactivated(serviceIds: string[]) {
  if (serviceIds.length === 0) return [];
  return getDb()
    .select({ id: users.id, name: users.name, role: users.role, service: services.name, deactivatedAt: users.deactivatedAt })
    .from(users)
    .leftJoin(services, eq(services.id, users.serviceId))
    .where(and(inArray(users.serviceId, serviceIds), isNotNull(users.deactivatedAt), isNull(users.erasedAt)))
    .orderBy(asc(users.name));
}

// --- Role, profile and service ---

export type Position = { role: "learner" | "tutor"; profile: Profile; serviceId: string };

/**
 * The cadre changes someone's role, profile or service, in one transaction with its audit entries. A
 * tutor who stops tutoring releases her mentees; someone who stops being in training leaves her tutor;
 * moving to another service ends both, since tutoring happens within a service. A new recruit without a
 * path gets one (in the same transaction), one moving to another service gets its local steps. Returns
 * what changed (empty: nothing to do) and the people released.
 */
export async function changePosition({ personId, by, address, position }: Actor & { personId: string; position: Position }) {
  return getDb().transaction(async (tx) => {
    const before = await tx.query.users.findFirst({
      where: and(eq(users.id, personId), isNull(users.deactivatedAt)),
      columns: { role: true, profile: true, serviceId: true },
    });
    if (!before) return null;
    const changed = { role: before.role !== position.role, profile: before.profile !== position.profile, service: before.serviceId !== position.serviceId };
    // Once her row says where she is: a new recruit without a path gets one, one moving to another service its local steps.
    const pathFollows = async () => {
      if (position.role !== "learner" || position.profile !== "nouvelle_recrue") return;
      const hasPath = await tx.query.pathSteps.findFirst({ where: eq(pathSteps.userId, personId), columns: { id: true } });
      if (!hasPath) await createPathFor(personId, tx);
      else if (changed.service) await applyServiceStepsToPaths(position.serviceId, tx);
    };
    if (!changed.role && !changed.profile && !changed.service) {
      await pathFollows();
      return { changed, released: [] as string[] };
    }
    await tx.update(users).set(position).where(eq(users.id, personId));
    const at = new Date().toISOString();
    const endTutoring = changed.service || (changed.role && before.role === "tutor");
    const endMentoring = changed.service || (changed.role && before.role === "learner");
    const released = endTutoring
      ? (
          await tx
            .update(tutorAssignments)
            .set({ endedAt: at })
            .where(and(eq(tutorAssignments.tutorId, personId), isNull(tutorAssignments.endedAt)))
            .returning({ learnerId: tutorAssignments.learnerId })
        ).map((r) => r.learnerId)
      : [];
    if (endMentoring)
      await tx
        .update(tutorAssignments)
        .set({ endedAt: at })
        .where(and(eq(tutorAssignments.learnerId, personId), isNull(tutorAssignments.endedAt)));
    const serviceName = async (id: string | null) =>
      id ? ((await tx.query.services.findFirst({ where: eq(services.id, id), columns: { name: true } }))?.name ?? id) : "aucun";
    if (changed.role)
      await recordAudit(
        { action: "role_modifie", actorId: by, subjectId: personId, address, details: { avant: ROLE_LABELS[before.role], après: ROLE_LABELS[position.role] } },
        tx,
      );
    if (changed.profile)
      await recordAudit(
        {
          action: "profil_modifie",
          actorId: by,
          subjectId: personId,
          address,
          details: {
            avant: before.profile ? profileLabel(before.profile) : "aucun",
            après: profileLabel(position.profile),
          },
        },
        tx,
      );
    if (changed.service)
      await recordAudit(
        {
          action: "service_modifie",
          actorId: by,
          subjectId: personId,
          address,
          details: { avant: await serviceName(before.serviceId), après: await serviceName(position.serviceId) },
        },
        tx,
      );
    for (const learnerId of released) await recordAudit({ action: "tutorat_termine", actorId: by, subjectId: learnerId, address }, tx);
    await pathFollows();
    return { changed, released };
  });
}

// --- Erasure (right to erasure, RGPD art. 17) ---

/** When she asked for her account to be erased (null: no request pending). */
export async function erasureRequestOf(userId: string) {
  const row = await getDb().query.users.findFirst({ where: eq(users.id, userId), columns: { erasureRequestedAt: true } });
  return row?.erasureRequestedAt ?? null;
}

export async function requestErasure({ userId, address, now = new Date() }: { userId: string; address: string | null; now?: Date }) {
  await getDb().transaction(async (tx) => {
    const done = await tx
      .update(users)
      .set({ erasureRequestedAt: now.toISOString() })
      .where(and(eq(users.id, userId), isNull(users.erasureRequestedAt)))
      .returning({ id: users.id });
    if (done.length === 1) await recordAudit({ action: "effacement_demande", actorId: userId, subjectId: userId, address }, tx);
  });
}

export async function cancelErasure({ userId, address }: { userId: string; address: string | null }) {
  await getDb().transaction(async (tx) => {
    const done = await tx
      .update(users)
      .set({ erasureRequestedAt: null })
      .where(and(eq(users.id, userId), isNotNull(users.erasureRequestedAt), isNull(users.erasedAt)))
      .returning({ id: users.id });
    if (done.length === 1) await recordAudit({ action: "effacement_annule", actorId: userId, subjectId: userId, address }, tx);
  });
}

/** Requests waiting for an admin, oldest first. */
export async function listErasureRequests() {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, service: services.name, requestedAt: users.erasureRequestedAt })
    .from(users)
    .leftJoin(services, eq(services.id, users.serviceId))
    .where(and(isNotNull(users.erasureRequestedAt), isNull(users.erasedAt)))
    .orderBy(asc(users.erasureRequestedAt));
}

/**
 * Confirms an erasure: name, email, password and every free text about her are replaced, her sessions,
 * links, sign-in attempts, messages, pinned fiches and review cards are deleted, her tutoring ends, and
 * her certificates keep only what a verifier needs (see ADR 006). Training figures stay, anonymous.
 * An admin never erases herself (another admin does). False when there is no pending request.
 */
export async function eraseAccount({ userId, by, address, now = new Date() }: Actor & { userId: string }) {
  if (userId === by) return false;
  const at = now.toISOString();
  return getDb().transaction(async (tx) => {
    const person = await tx.query.users.findFirst({
      where: and(eq(users.id, userId), isNotNull(users.erasureRequestedAt), isNull(users.erasedAt)),
      columns: { email: true },
    });
    if (!person) return false;
    await tx
      .update(users)
      .set({
        name: ERASED_NAME,
        email: `supprime-${userId}@compte-supprime.invalid`,
        passwordHash: null,
        hireDate: null,
        erasedAt: at,
        deactivatedAt: at,
        deactivatedBy: by,
      })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(invitations).where(eq(invitations.userId, userId));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
    await tx.delete(loginAttempts).where(eq(loginAttempts.email, person.email));
    await tx.delete(outbox).where(eq(outbox.to, person.email));
    await tx.delete(pinnedFiches).where(eq(pinnedFiches.userId, userId));
    await tx.delete(reviewCards).where(eq(reviewCards.userId, userId));
    await tx.delete(serviceManagers).where(eq(serviceManagers.userId, userId));
    await tx
      .update(tutorAssignments)
      .set({ endedAt: at })
      .where(and(or(eq(tutorAssignments.tutorId, userId), eq(tutorAssignments.learnerId, userId)), isNull(tutorAssignments.endedAt)));
    await tx.update(pathSteps).set({ doneComment: null, validationComment: null }).where(eq(pathSteps.userId, userId));
    await tx
      .update(competencyValidations)
      .set({ evidence: ERASED_TEXT, learnerComment: null, learnerCommentAt: null })
      .where(eq(competencyValidations.learnerId, userId));
    await tx.update(checkpoints).set({ notes: ERASED_TEXT, actions: null }).where(eq(checkpoints.learnerId, userId));
    await tx
      .update(astonishmentReports)
      .set({ surprises: ERASED_TEXT, helped: ERASED_TEXT, suggestions: ERASED_TEXT })
      .where(eq(astonishmentReports.learnerId, userId));
    await tx.update(integrationReviews).set({ summary: ERASED_TEXT, nextSteps: ERASED_TEXT }).where(eq(integrationReviews.learnerId, userId));
    // No name any more, and no free text in the evidence (a complement's note): see ADR 006.
    await tx
      .update(certificates)
      .set({ holderName: "", evidence: sql`json_remove(${certificates.evidence}, '$.note')` })
      .where(eq(certificates.userId, userId));
    await recordAudit({ action: "compte_efface", actorId: by, subjectId: userId, address }, tx);
    return true;
  });
}

// Her personal data, all of it, for the right of access (RGPD): one object she can download as JSON.
// Only rows about her; secrets (password hash, session ids, token hashes) never leave the server.
import { eq, or } from "drizzle-orm";
import {
  astonishmentReports,
  certificates,
  checkpoints,
  competencyValidations,
  integrationReviews,
  loginAttempts,
  moduleProgress,
  pathSteps,
  pinnedFiches,
  positioningResults,
  quizAttempts,
  reviewCards,
  services,
  sessions,
  tutorAssignments,
  users,
} from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { auditLabel } from "~/domain/audit";
import { auditAbout } from "./audit.server";

export type PersonalData = Awaited<ReturnType<typeof exportPersonalData>>;

export async function exportPersonalData({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const db = getDb();
  const profile = await db
    .select({
      name: users.name,
      email: users.email,
      role: users.role,
      profile: users.profile,
      establishment: users.establishment,
      service: services.name,
      hireDate: users.hireDate,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(services, eq(services.id, users.serviceId))
    .where(eq(users.id, userId));
  const email = profile[0]?.email ?? "";
  const [
    path,
    progress,
    attempts,
    pinned,
    validations,
    checkpointRows,
    report,
    reviews,
    certificateRows,
    cards,
    positioning,
    tutoring,
    sessionRows,
    attemptsLog,
  ] = await Promise.all([
    db.select().from(pathSteps).where(eq(pathSteps.userId, userId)),
    db.select().from(moduleProgress).where(eq(moduleProgress.userId, userId)),
    db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)),
    db.select().from(pinnedFiches).where(eq(pinnedFiches.userId, userId)),
    db.select().from(competencyValidations).where(eq(competencyValidations.learnerId, userId)),
    db.select().from(checkpoints).where(eq(checkpoints.learnerId, userId)),
    db.select().from(astonishmentReports).where(eq(astonishmentReports.learnerId, userId)),
    db.select().from(integrationReviews).where(eq(integrationReviews.learnerId, userId)),
    db.select().from(certificates).where(eq(certificates.userId, userId)),
    db.select().from(reviewCards).where(eq(reviewCards.userId, userId)),
    db.select().from(positioningResults).where(eq(positioningResults.userId, userId)),
    db
      .select()
      .from(tutorAssignments)
      .where(or(eq(tutorAssignments.learnerId, userId), eq(tutorAssignments.tutorId, userId))),
    db
      .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent })
      .from(sessions)
      .where(eq(sessions.userId, userId)),
    db
      .select({ success: loginAttempts.success, address: loginAttempts.address, createdAt: loginAttempts.createdAt })
      .from(loginAttempts)
      .where(eq(loginAttempts.email, email)),
  ]);
  return {
    format: "Pivot — export des données personnelles",
    exportedAt: now.toISOString(),
    profile: profile[0] ?? null,
    integrationPath: path,
    moduleProgress: progress,
    quizAttempts: attempts,
    pinnedFiches: pinned,
    competencyValidations: validations,
    checkpoints: checkpointRows,
    astonishmentReport: report[0] ?? null,
    integrationReviews: reviews,
    certificates: certificateRows,
    reviewCards: cards,
    positioningResults: positioning,
    tutoring,
    sessions: sessionRows,
    signInAttempts: attemptsLog,
    auditLog: (await auditAbout(userId)).map((e) => ({ ...e, label: auditLabel(e.action) })),
  };
}

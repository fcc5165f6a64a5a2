// Demo data: a service, five accounts (one per role and profile) and a tutor assignment.
// Idempotent: never runs over a database that already holds users.
import { hash } from "@node-rs/argon2";
import { and, count, eq, inArray } from "drizzle-orm";
import crypto from "node:crypto";
import { newCertificateCode } from "../app/utils/certificate-code";
import type { Db } from "./client";
import { certificates, moduleProgress, pathSteps, quizAttempts, serviceManagers, serviceSteps, services, tutorAssignments, users } from "./schema";

export const DEMO_PASSWORD = "pivot-demo-2026";

/**
 * Whether an empty database gets the demo accounts: an embedded file does, unless PIVOT_DEMO=0 (the
 * README's first command shows the demo); a database server never does, unless PIVOT_DEMO=1.
 */
export function demoWanted({ databaseUrl, pivotDemo }: { databaseUrl: string; pivotDemo?: "0" | "1" }): boolean {
  if (pivotDemo === "1") return true;
  if (pivotDemo === "0") return false;
  return databaseUrl.startsWith("file:");
}
export const DEMO_ESTABLISHMENT = "Centre hospitalier de démonstration";

export const DEMO_ACCOUNTS = [
  { key: "recrue", email: "nouvelle.recrue@pivot.demo", name: "Camille Martin", role: "learner", profile: "nouvelle_recrue", hiredDaysAgo: 10 },
  { key: "confirmee", email: "secretaire.confirmee@pivot.demo", name: "Nadia Benali", role: "learner", profile: "confirmee", hiredDaysAgo: 2900 },
  { key: "tuteur", email: "tuteur@pivot.demo", name: "Sophie Lefèvre", role: "tutor", profile: "confirmee", hiredDaysAgo: 4400 },
  { key: "cadre", email: "cadre@pivot.demo", name: "Isabelle Moreau", role: "manager", profile: null, hiredDaysAgo: 3600 },
  { key: "admin", email: "admin@pivot.demo", name: "Julien Garnier", role: "admin", profile: null, hiredDaysAgo: 1500 },
] as const;

function isoDaysAgo(days: number, now: Date) {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Steps of the demo recruit's path already done ten days after her arrival. */
const DEMO_DONE_STEPS = ["livret-accueil", "fiche-de-poste", "accueil-cadre", "rencontre-tuteur", "visite-service", "acces-dpi", "acces-agenda-messagerie"];

type SeedOptions = {
  /** Creates a learner's integration path (the app's path model, which needs the compiled content). */
  createPath?: (db: Db, userId: string) => Promise<unknown>;
  /**
   * The established secretary's past: modules completed in earlier versions (one has since had a major
   * update) and a certificate nearing the end of its validity. For the demo site only, not for tests on
   * fixture content.
   */
  demoHistory?: boolean;
  /** The question ids of a module's bank (from the compiled content), to record the quizzes of that history. */
  questionsOf?: (moduleId: string) => string[];
};

/** Modules the established secretary completed a year ago, in the versions of the time. */
const DEMO_COMPLETED = [
  { moduleId: "rgpd-secret-professionnel", version: "1.0.0" },
  { moduleId: "ethique-numerique-ia", version: "1.0.0" },
];

/** Returns true when it seeded, false when the database already had users. */
export async function seedDemo(db: Db, now = new Date(), options: SeedOptions = {}): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 as never });
  const serviceId = "svc-cardiologie";
  const ids = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, crypto.randomUUID()])) as Record<(typeof DEMO_ACCOUNTS)[number]["key"], string>;
  await db.transaction(async (tx) => {
    await tx.insert(services).values([
      {
        id: serviceId,
        name: "Cardiologie",
        establishment: DEMO_ESTABLISHMENT,
        specialty: "cardiologie",
        description:
          "Consultations, explorations (ECG, échographies, Holter, épreuves d'effort), salle de cathétérisme, hospitalisation et USIC. Bâtiment B, 2e étage.",
      },
      { id: "svc-pneumologie", name: "Pneumologie", establishment: DEMO_ESTABLISHMENT },
    ]);
    await tx.insert(users).values(
      DEMO_ACCOUNTS.map((a) => ({
        id: ids[a.key],
        email: a.email,
        name: a.name,
        role: a.role,
        profile: a.profile,
        establishment: DEMO_ESTABLISHMENT,
        serviceId,
        hireDate: isoDaysAgo(a.hiredDaysAgo, now),
        passwordHash,
        // Accounts are opened a week before the person arrives, as a cadre does.
        createdAt: new Date(now.getTime() - (a.hiredDaysAgo + 7) * 86_400_000).toISOString(),
      })),
    );
    await tx.insert(serviceManagers).values({ userId: ids.cadre, serviceId });
    await tx.insert(tutorAssignments).values({ id: crypto.randomUUID(), tutorId: ids.tuteur, learnerId: ids.recrue, assignedBy: ids.cadre });
    await tx.insert(serviceSteps).values([
      {
        id: crypto.randomUUID(),
        serviceId,
        phase: "semaine-1",
        position: 10,
        kind: "document",
        title: "Lire le livret d'accueil du service de cardiologie",
        description: "Le fonctionnement du secrétariat de cardiologie : plages de consultation, examens, circuits des comptes rendus.",
        link: "https://intranet.example/cardiologie/livret-accueil",
        dueDay: 2,
        requiresTutor: false,
        updatedBy: ids.cadre,
      },
      {
        id: crypto.randomUUID(),
        serviceId,
        phase: "semaine-1",
        position: 20,
        kind: "rencontre",
        title: "Rencontrer les référents du secrétariat de cardiologie",
        description: "Vos collègues référentes pour l'agenda des explorations et pour la programmation en salle de cathétérisme.",
        contact: "Sophie Lefèvre (poste 4521) ; Marc Dubois, programmation (poste 4530)",
        dueDay: 4,
        requiresTutor: false,
        updatedBy: ids.cadre,
      },
    ]);
  });
  if (options.demoHistory) {
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
    await db.insert(moduleProgress).values(
      DEMO_COMPLETED.map((m) => ({
        userId: ids.confirmee,
        moduleId: m.moduleId,
        moduleVersion: m.version,
        status: "termine" as const,
        bestScore: 90,
        attemptsCount: 1,
        startedAt: yearAgo,
        readAt: yearAgo,
        completedAt: yearAgo,
        updatedAt: yearAgo,
      })),
    );
    // The quiz behind each « Terminé 90 % »: without it, her certification page would say « pas encore de réponse ».
    for (const m of DEMO_COMPLETED) {
      const questions = options.questionsOf?.(m.moduleId).slice(0, 10) ?? [];
      if (questions.length === 0) continue;
      const correctCount = Math.round(questions.length * 0.9);
      await db.insert(quizAttempts).values({
        id: crypto.randomUUID(),
        userId: ids.confirmee,
        moduleId: m.moduleId,
        moduleVersion: m.version,
        questions: questions.map((id) => ({ id })),
        results: questions.map((id, i) => ({ id, correct: i < correctCount })),
        score: Math.round((correctCount * 100) / questions.length),
        correctCount,
        total: questions.length,
        passMark: 80,
        passed: true,
        startedAt: yearAgo,
        submittedAt: yearAgo,
      });
    }
    // A block certificate issued almost five years ago: « à actualiser », renewable with the refresher quiz.
    const validUntil = isoDaysAgo(-60, now);
    const issuedAt = `${Number(validUntil.slice(0, 4)) - 5}${validUntil.slice(4)}`;
    await db.insert(certificates).values({
      id: crypto.randomUUID(),
      userId: ids.confirmee,
      kind: "bloc",
      blockId: "competences-transversales",
      level: "generales",
      code: newCertificateCode(),
      holderName: DEMO_ACCOUNTS.find((a) => a.key === "confirmee")!.name,
      title: "Bloc 3 — Compétences transversales (connaissances générales)",
      issuedAt,
      validUntil,
      evidence: { seeded: "certificat de démonstration" },
    });
  }
  if (options.createPath) {
    await options.createPath(db, ids.recrue);
    const doneAt = new Date(now.getTime() - 8 * 86_400_000).toISOString();
    await db
      .update(pathSteps)
      .set({ doneAt, doneBy: ids.recrue })
      .where(
        and(
          eq(pathSteps.userId, ids.recrue),
          inArray(
            pathSteps.key,
            DEMO_DONE_STEPS.map((k) => `template:${k}`),
          ),
        ),
      );
  }
  return true;
}

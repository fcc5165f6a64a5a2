// Demo data: a service, five accounts (one per role and profile) and a tutor assignment.
// Idempotent: never runs over a database that already holds users.
import { hash } from "@node-rs/argon2";
import { count } from "drizzle-orm";
import crypto from "node:crypto";
import type { Db } from "./client";
import { serviceManagers, services, tutorAssignments, users } from "./schema";

export const DEMO_PASSWORD = "pivot-demo-2026";
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

/** Returns true when it seeded, false when the database already had users. */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 as never });
  const serviceId = "svc-cardiologie";
  const ids = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, crypto.randomUUID()])) as Record<(typeof DEMO_ACCOUNTS)[number]["key"], string>;
  await db.transaction(async (tx) => {
    await tx.insert(services).values([
      { id: serviceId, name: "Cardiologie", establishment: DEMO_ESTABLISHMENT },
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
      })),
    );
    await tx.insert(serviceManagers).values({ userId: ids.cadre, serviceId });
    await tx.insert(tutorAssignments).values({ id: crypto.randomUUID(), tutorId: ids.tuteur, learnerId: ids.recrue, assignedBy: ids.cadre });
  });
  return true;
}

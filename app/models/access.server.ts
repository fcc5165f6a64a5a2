// Who may see whom: a learner herself, her current tutor, the cadre of her service, an admin.
import { eq } from "drizzle-orm";
import { serviceManagers, services, users } from "../../db/schema";
import type { SessionUser } from "./user.server";
import { isMentorOf } from "./tutoring.server";
import { getDb } from "~/utils/db.server";

/** Services a cadre manages (every service for an admin, none for others). */
export async function managedServiceIds(user: SessionUser): Promise<string[]> {
  if (user.role === "admin") return (await getDb().select({ id: services.id }).from(services)).map((s) => s.id);
  if (user.role !== "manager") return [];
  return (await getDb().select({ id: serviceManagers.serviceId }).from(serviceManagers).where(eq(serviceManagers.userId, user.id))).map((s) => s.id);
}

export async function getPerson(id: string) {
  return getDb().query.users.findFirst({
    where: eq(users.id, id),
    columns: { id: true, name: true, email: true, role: true, profile: true, serviceId: true, hireDate: true, establishment: true },
  });
}

/** Whether `viewer` may see the training data of `learnerId`. */
export async function canSeeLearner(viewer: SessionUser, learnerId: string): Promise<boolean> {
  if (viewer.id === learnerId || viewer.role === "admin") return true;
  if (viewer.role === "tutor" && (await isMentorOf(viewer.id, learnerId))) return true;
  if (viewer.role === "manager") {
    const person = await getPerson(learnerId);
    return Boolean(person?.serviceId && (await managedServiceIds(viewer)).includes(person.serviceId));
  }
  return false;
}

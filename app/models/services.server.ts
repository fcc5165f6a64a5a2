// Services (hospital units) and the people who can be tutors in them.
import { and, inArray, eq, isNull } from "drizzle-orm";
import { services, users } from "../../db/schema";
import { getDb } from "~/utils/db.server";

export async function listServices(ids: string[]) {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: services.id, name: services.name, establishment: services.establishment })
    .from(services)
    .where(inArray(services.id, ids))
    .orderBy(services.name);
}

/** Tutors who can be assigned in these services. */
export async function listTutors(serviceIds: string[]) {
  if (serviceIds.length === 0) return [];
  return getDb()
    .select({ id: users.id, name: users.name, serviceId: users.serviceId })
    .from(users)
    .where(and(eq(users.role, "tutor"), inArray(users.serviceId, serviceIds), isNull(users.deactivatedAt)))
    .orderBy(users.name);
}

export async function getService(id: string) {
  return (await getDb().query.services.findFirst({ where: eq(services.id, id) })) ?? null;
}

export async function updateServiceDescription(id: string, description: string | null) {
  await getDb().update(services).set({ description }).where(eq(services.id, id));
}

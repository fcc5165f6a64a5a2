// The people around a learner: her tutor, her cadres, her service.
import { and, eq, isNull } from "drizzle-orm";
import { serviceManagers, services, users } from "../../db/schema";
import { currentTutorOf } from "./tutoring.server";
import { getDb } from "~/utils/db.server";

export async function peopleAround(learnerId: string) {
  const db = getDb();
  const [person] = await db.select({ serviceId: users.serviceId }).from(users).where(eq(users.id, learnerId));
  const serviceId = person?.serviceId ?? null;
  const [tutor, service, managers] = await Promise.all([
    currentTutorOf(learnerId),
    serviceId
      ? db.query.services.findFirst({ where: eq(services.id, serviceId), columns: { id: true, name: true, description: true, specialty: true } })
      : undefined,
    serviceId
      ? db
          .select({ name: users.name, email: users.email })
          .from(serviceManagers)
          .innerJoin(users, eq(users.id, serviceManagers.userId))
          .where(and(eq(serviceManagers.serviceId, serviceId), isNull(users.deactivatedAt)))
      : [],
  ]);
  return { tutor, service: service ?? null, managers };
}

// Tutor ↔ mentee relations. A tutor only ever sees her current mentees.
import { and, eq, isNull } from "drizzle-orm";
import { services, tutorAssignments, users } from "../../db/schema";
import { getDb } from "~/utils/db.server";

export async function listMentees(tutorId: string) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, profile: users.profile, hireDate: users.hireDate, service: services.name })
    .from(tutorAssignments)
    .innerJoin(users, eq(users.id, tutorAssignments.learnerId))
    .leftJoin(services, eq(services.id, users.serviceId))
    .where(and(eq(tutorAssignments.tutorId, tutorId), isNull(tutorAssignments.endedAt)))
    .orderBy(users.name);
}

export async function isMentorOf(tutorId: string, learnerId: string) {
  const row = await getDb().query.tutorAssignments.findFirst({
    where: and(eq(tutorAssignments.tutorId, tutorId), eq(tutorAssignments.learnerId, learnerId), isNull(tutorAssignments.endedAt)),
    columns: { id: true },
  });
  return Boolean(row);
}

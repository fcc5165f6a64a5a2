// Who may see and do what: the one home of the access rules. Every loader and action starts with one
// of these guards; each throws a redirect to the sign-in page or a French 403/404 Response.
// A learner sees her own data, a tutor her current mentees, a cadre the people of her services (never
// an account above her role), an admin everything.
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { serviceManagers, services, users, type Role } from "../../db/schema";
import { isMentorOf } from "./tutoring.server";
import type { SessionUser } from "./user.server";
import { getDb } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";

export function forbidden(message = "Cette page n'est pas accessible avec votre profil."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "Cette page n'existe pas."): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

/** Higher manages lower: a cadre never manages an admin. */
const ROLE_RANK: Record<Role, number> = { learner: 0, tutor: 1, manager: 2, admin: 3 };

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return getSessionUser(request);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/connexion" : `/connexion?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/** Services a cadre manages (every service for an admin, none for others). */
export async function managedServiceIds(user: SessionUser): Promise<string[]> {
  if (user.role === "admin") return (await getDb().select({ id: services.id }).from(services)).map((s) => s.id);
  if (user.role !== "manager") return [];
  return (await getDb().select({ id: serviceManagers.serviceId }).from(serviceManagers).where(eq(serviceManagers.userId, user.id))).map((s) => s.id);
}

export async function getPerson(id: string) {
  return getDb().query.users.findFirst({
    where: eq(users.id, id),
    columns: {
      id: true,
      name: true,
      email: true,
      role: true,
      profile: true,
      serviceId: true,
      hireDate: true,
      establishment: true,
      passwordHash: true,
      deactivatedAt: true,
      erasedAt: true,
    },
  });
}

/** A cadre (or an admin) and the services she manages. */
export async function requireManager(request: Request) {
  const user = await requireRole(request, ["manager", "admin"]);
  return { user, serviceIds: await managedServiceIds(user) };
}

/** One of the cadre's services, named by a form (403 for any other service). */
export function requireManagedService(manager: { serviceIds: string[] }, serviceId: string | undefined): string {
  if (!serviceId || !manager.serviceIds.includes(serviceId)) forbidden("Ce service ne fait pas partie des vôtres.");
  return serviceId;
}

/** A person of the cadre's services whom she may manage: never an account above her own role. */
export async function requireManagedPerson(request: Request, personId: string | undefined) {
  const { user, serviceIds } = await requireManager(request);
  const found = await getPerson(personId ?? "");
  if (!found) notFound("Cette personne n'existe pas.");
  if (!found.serviceId || !serviceIds.includes(found.serviceId)) forbidden("Cette personne ne fait pas partie de vos services.");
  if (ROLE_RANK[found.role] > ROLE_RANK[user.role]) forbidden("Ce compte relève de l'administration de la plateforme : vous ne pouvez pas le gérer.");
  const { passwordHash, ...person } = found;
  return { user, serviceIds, person, activated: passwordHash !== null };
}

/**
 * A learner's training data: her current tutor, the cadre of her service or an admin (the learner
 * herself reads her own through her own pages). `canTutor` says who may validate and record.
 */
export async function requireLearnerAccess(request: Request, learnerId: string | undefined) {
  const user = await requireUser(request);
  const found = await getPerson(learnerId ?? "");
  if (!found || found.role !== "learner") notFound("Cette personne n'existe pas ou n'est pas en formation.");
  const isTutor = user.role === "tutor" && (await isMentorOf({ tutorId: user.id, learnerId: found.id }));
  const isManager = user.role === "manager" && Boolean(found.serviceId) && (await managedServiceIds(user)).includes(found.serviceId!);
  if (!isTutor && !isManager && user.role !== "admin")
    forbidden("Vous ne suivez pas cette personne : seuls sa tutrice, son cadre et l'administration y ont accès.");
  const { passwordHash: _hash, ...learner } = found;
  return { user, learner, canTutor: isTutor || user.role === "admin" };
}

/** The sections of the site a person may open, for the navigation (the guards above enforce them). */
export function sectionsFor(user: Pick<SessionUser, "role" | "profile">) {
  return {
    path: user.role === "learner" && user.profile === "nouvelle_recrue",
    certification: user.role === "learner",
    updates: user.role === "learner",
    tutoring: user.role === "tutor" || user.role === "admin",
    team: user.role === "manager" || user.role === "admin",
    admin: user.role === "admin",
  };
}

// Guards for loaders and actions: who is signed in, and may this role be here.
import { redirect } from "@remix-run/node";
import type { Role } from "../../db/schema";
import { getUserById, type SessionUser } from "~/models/user.server";
import { getSessionUserId } from "./session.server";

/** Only same-site paths: refuses absolute and protocol-relative URLs. */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const id = await getSessionUserId(request);
  return id ? ((await getUserById(id)) ?? null) : null;
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

export function forbidden(message = "Cette page n'est pas accessible avec votre profil."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export function notFound(message = "Cette page n'existe pas."): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

export const ROLE_LABELS: Record<Role, string> = {
  learner: "En formation",
  tutor: "Tutorat",
  manager: "Encadrement",
  admin: "Administration",
};

// Sessions: the cookie holds only a signed session id, checked against the sessions table.
import { createCookie, redirect } from "@remix-run/node";
import crypto from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { getDb } from "./db.server";
import { getEnv } from "./env.server";

export const SESSION_DAYS = 30;

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  if (!cookie) {
    const env = getEnv();
    cookie = createCookie("pivot_session", {
      httpOnly: true,
      sameSite: "lax",
      secure: env.NODE_ENV === "production" && process.env.PIVOT_INSECURE_COOKIE !== "1",
      path: "/",
      secrets: [env.SESSION_SECRET],
      maxAge: SESSION_DAYS * 24 * 3600,
    });
  }
  return cookie;
}

export async function getSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/** The signed-in user's id, or null when the cookie is absent, forged or its session expired. */
export async function getSessionUserId(request: Request): Promise<string | null> {
  const id = await getSessionId(request);
  if (!id) return null;
  const row = await getDb().query.sessions.findFirst({
    where: and(eq(sessions.id, id), gt(sessions.expiresAt, new Date().toISOString())),
    columns: { userId: true },
  });
  return row?.userId ?? null;
}

export async function createSession(userId: string, redirectTo: string) {
  const id = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000).toISOString();
  await getDb().insert(sessions).values({ id, userId, expiresAt });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize(id) } });
}

export async function destroySession(request: Request) {
  const id = await getSessionId(request);
  if (id) await getDb().delete(sessions).where(eq(sessions.id, id));
  return redirect("/connexion", { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } });
}

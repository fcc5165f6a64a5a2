// Sessions: the cookie holds only a signed session id, checked against the sessions table.
// A session ends after SESSION_DAYS whatever happens, and after IDLE_HOURS without a request.
import { createCookie, redirect } from "@remix-run/node";
import crypto from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { loginAttempts, sessions, users } from "../../db/schema";
import type { SessionUser } from "~/models/user.server";
import { getDb, prepared } from "./db.server";
import { getEnv } from "./env.server";
import { assertSameOrigin } from "./http.server";

export const SESSION_DAYS = 30;
/** A working day: a session left open on a shared hospital PC ends on its own. */
export const IDLE_HOURS = 8;
/** lastSeenAt is written at most this often, so that reading pages does not mean writing every time. */
const TOUCH_EVERY_MS = 5 * 60_000;

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

/**
 * The session id a Cookie header carries, or null when it carries none or a forged one. Checking the
 * signature is a pure function of the header: each header seen lately is checked once, not by each
 * loader of each page. Bounded in count and size; a forged header is refused from the cache as it was.
 */
export function getSessionId(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  if (!header) return Promise.resolve(null);
  let id = checkedHeaders.get(header);
  if (!id) {
    id = sessionCookie()
      .parse(header)
      .then((value: unknown) => (typeof value === "string" ? value : null));
    if (header.length <= 1_024) {
      if (checkedHeaders.size >= 2_000) checkedHeaders.clear();
      checkedHeaders.set(header, id);
      id.catch(() => checkedHeaders.delete(header));
    }
  }
  return id;
}
const checkedHeaders = new Map<string, Promise<string | null>>();

/** Every page reads it, most twice (the root's loader and the route's). */
const sessionUserQuery = prepared((db) =>
  db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
      user: {
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        profile: users.profile,
        serviceId: users.serviceId,
        establishment: users.establishment,
      },
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), isNull(users.deactivatedAt)))
    .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now"))))
    .limit(1)
    .prepare(),
);

/**
 * The signed-in, active user, or null when the cookie is absent or forged, its session expired or sat
 * idle, or the account was deactivated or erased (its cookie stops working at once). One read: the
 * session joined to its active account, as every page asks for it.
 */
export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const id = await getSessionId(request);
  if (!id) return null;
  const db = getDb();
  const [row] = await sessionUserQuery().all({ id, now: now.toISOString() });
  if (!row) return null;
  const lastSeen = Date.parse(row.lastSeenAt ?? row.createdAt);
  if (now.getTime() - lastSeen > IDLE_HOURS * 3600_000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
  return row.user;
}

export async function createSession({ request, userId, redirectTo, now = new Date() }: { request: Request; userId: string; redirectTo: string; now?: Date }) {
  const id = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000).toISOString();
  const userAgent = request.headers.get("User-Agent")?.slice(0, 300) ?? null;
  await getDb().insert(sessions).values({ id, userId, expiresAt, lastSeenAt: now.toISOString(), createdAt: now.toISOString(), userAgent });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize(id) } });
}

/** Her sessions still open (not expired, not idle), most recently used first. */
export async function listSessions({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const idleSince = now.getTime() - IDLE_HOURS * 3600_000;
  const rows = await getDb()
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now.toISOString())))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.filter((r) => Date.parse(r.lastSeenAt ?? r.createdAt) > idleSince);
}

/** A User-Agent as a person reads it: « Firefox sur Windows ». */
export function deviceLabel(userAgent: string | null): string {
  if (!userAgent) return "Appareil inconnu";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\/|Chromium\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Navigateur";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iPhone ou iPad"
        : /Mac OS X/.test(userAgent)
          ? "Mac"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "système inconnu";
  return `${browser} sur ${system}`;
}

/** Signing out: only from a page of the site (another site cannot sign someone out). */
export async function destroySession(request: Request) {
  assertSameOrigin(request);
  const id = await getSessionId(request);
  if (id) await getDb().delete(sessions).where(eq(sessions.id, id));
  return redirect("/connexion", { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } });
}

/** How long sign-in attempts and dead sessions are kept (security investigations), then deleted. */
export const SECURITY_RETENTION_DAYS = 90;

/** Deletes sign-in attempts and sessions that ended more than SECURITY_RETENTION_DAYS ago. */
export async function purgeSecurityData(now = new Date()) {
  const before = new Date(now.getTime() - SECURITY_RETENTION_DAYS * 86_400_000).toISOString();
  const db = getDb();
  const attempts = await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, before)).returning({ id: loginAttempts.id });
  const idleBefore = new Date(now.getTime() - SECURITY_RETENTION_DAYS * 86_400_000 - IDLE_HOURS * 3600_000).toISOString();
  const dead = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, before), lt(sessions.lastSeenAt, idleBefore), and(isNull(sessions.lastSeenAt), lt(sessions.createdAt, idleBefore))))
    .returning({ id: sessions.id });
  return { attempts: attempts.length, sessions: dead.length };
}

// Users, passwords and sign-in attempts.
import { hash, verify } from "@node-rs/argon2";
import crypto from "node:crypto";
import { and, count, eq, gte } from "drizzle-orm";
import { loginAttempts, users, type Role } from "../../db/schema";
import { getDb } from "~/utils/db.server";

export const LOCKOUT = { maxFailures: 5, windowMinutes: 15 } as const;

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  profile: string | null;
  serviceId: string | null;
  establishment: string;
};

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export function hashPassword(password: string) {
  // @node-rs/argon2 defaults to argon2id; the explicit algorithm (2 = Argon2id) documents it.
  return hash(password, { algorithm: 2 as never });
}

export async function getUserById(id: string): Promise<SessionUser | undefined> {
  return getDb().query.users.findFirst({
    where: eq(users.id, id),
    columns: { id: true, name: true, email: true, role: true, profile: true, serviceId: true, establishment: true },
  });
}

async function recentFailures(email: string, now: Date) {
  const since = new Date(now.getTime() - LOCKOUT.windowMinutes * 60_000).toISOString();
  const [row] = await getDb()
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gte(loginAttempts.createdAt, since)));
  return row?.n ?? 0;
}

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks a password. After LOCKOUT.maxFailures failures for an email within the window, further
 * attempts are refused without checking the password, until the window has passed.
 */
export async function verifyLogin(rawEmail: string, password: string, now = new Date()): Promise<LoginResult> {
  const email = normalizeEmail(rawEmail);
  const db = getDb();
  if ((await recentFailures(email, now)) >= LOCKOUT.maxFailures) return { ok: false, reason: "locked" };
  const user = await db.query.users.findFirst({ where: eq(users.email, email), columns: { id: true, passwordHash: true } });
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
  const ok = user?.passwordHash ? await verify(user.passwordHash, password) : (await verify(await dummyHash(), password), false);
  await db.insert(loginAttempts).values({ email, success: ok, createdAt: now.toISOString() });
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, userId: user.id };
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(crypto.randomUUID()));

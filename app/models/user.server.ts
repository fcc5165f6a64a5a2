// Users, passwords and sign-in attempts.
import { hash, verify } from "@node-rs/argon2";
import crypto from "node:crypto";
import { and, count, eq, gt, gte, inArray, lt, lte, max, ne, sql } from "drizzle-orm";
import { loginAttempts, sessions, users, type Role } from "../../db/schema";
import type { Db } from "../../db/client";
import { getDb, prepared } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { DEMO_ACCOUNTS } from "../../db/seed";

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

/** Failed sign-ins per client address (password spraying across many emails); high enough for a hospital behind one NAT. */
export const ADDRESS_THROTTLE = { maxFailures: 50, windowMinutes: 15 } as const;

export type LoginResult =
  | { ok: true; userId: string }
  /** `userId`: the account the email names, if any (for the audit log); `first`: this attempt is the one that locked or throttled. */
  | { ok: false; reason: "invalid" | "locked" | "throttled" | "deactivated"; userId: string | null; first?: boolean };

/**
 * Checks a password. The attempt is recorded (as a failure) before anything is checked, then the
 * failures recorded up to it are counted: however many guesses arrive at once, each sees those before
 * it, so after LOCKOUT.maxFailures failures for an email within the window (since its last success or
 * reset), and after ADDRESS_THROTTLE.maxFailures from one address, no password is checked any more.
 */
export async function verifyLogin(input: { email: string; password: string; address?: string | null; now?: Date }): Promise<LoginResult> {
  const result = await checkLogin(input);
  await auditSignIn(result, normalizeEmail(input.email), input.address ?? null);
  return result;
}

/** Into the audit log: every sign-in and refusal, but a lockout only once (a flood of refused guesses is counted, not logged). */
async function auditSignIn(result: LoginResult, email: string, address: string | null) {
  if (result.ok) return recordAudit({ action: "connexion", actorId: result.userId, subjectId: result.userId, address });
  if ((result.reason === "locked" || result.reason === "throttled") && !result.first) return;
  const action = (
    { invalid: "connexion_refusee", deactivated: "connexion_compte_desactive", locked: "compte_verrouille", throttled: "compte_verrouille" } as const
  )[result.reason];
  const details = { ...(result.userId ? {} : { email }), ...(result.reason === "throttled" ? { motif: "trop d'échecs depuis ce poste" } : {}) };
  await recordAudit({ action, actorId: null, subjectId: result.userId, address, details });
}

async function checkLogin({
  email: rawEmail,
  password,
  address = null,
  now = new Date(),
}: {
  email: string;
  password: string;
  address?: string | null;
  now?: Date;
}): Promise<LoginResult> {
  const email = normalizeEmail(rawEmail);
  const db = getDb();
  const [attempt] = await db.insert(loginAttempts).values({ email, success: false, address, createdAt: now.toISOString() }).returning({ id: loginAttempts.id });
  const attemptId = attempt!.id;
  const emailSince = new Date(now.getTime() - LOCKOUT.windowMinutes * 60_000).toISOString();
  const lastSuccess = db
    .select({ id: max(loginAttempts.id) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, true), lt(loginAttempts.id, attemptId)));
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.success, false),
        gte(loginAttempts.createdAt, emailSince),
        lte(loginAttempts.id, attemptId),
        gt(loginAttempts.id, sql`coalesce((${lastSuccess}), 0)`),
      ),
    );
  const accountId = async () => (await db.query.users.findFirst({ where: eq(users.email, email), columns: { id: true } }))?.id ?? null;
  if ((byEmail?.n ?? 0) > LOCKOUT.maxFailures) return { ok: false, reason: "locked", userId: await accountId(), first: byEmail!.n === LOCKOUT.maxFailures + 1 };
  if (address) {
    const addressSince = new Date(now.getTime() - ADDRESS_THROTTLE.windowMinutes * 60_000).toISOString();
    const [byAddress] = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(eq(loginAttempts.address, address), eq(loginAttempts.success, false), gte(loginAttempts.createdAt, addressSince), lte(loginAttempts.id, attemptId)),
      );
    if ((byAddress?.n ?? 0) > ADDRESS_THROTTLE.maxFailures)
      return { ok: false, reason: "throttled", userId: await accountId(), first: byAddress!.n === ADDRESS_THROTTLE.maxFailures + 1 };
  }
  const user = await db.query.users.findFirst({ where: eq(users.email, email), columns: { id: true, passwordHash: true, deactivatedAt: true } });
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
  const ok = user?.passwordHash ? await verify(user.passwordHash, password) : (await verify(await dummyHash(), password), false);
  if (!ok || !user) return { ok: false, reason: "invalid", userId: user?.id ?? null };
  // Only the right password learns that the account was closed (and it stays a failure for the lockout).
  if (user.deactivatedAt) return { ok: false, reason: "deactivated", userId: user.id };
  await db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
  return { ok: true, userId: user.id };
}

/** A password reset lifts the lockout of its email: it counts as a success. Pass the reset's `tx` to make it part of it. */
export async function liftLockout(rawEmail: string, now = new Date(), db: Pick<Db, "insert"> = getDb()) {
  await db.insert(loginAttempts).values({ email: normalizeEmail(rawEmail), success: true, address: null, createdAt: now.toISOString() });
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(crypto.randomUUID()));

/** Whether the demo accounts exist (the site then says it is a demonstration database). */
export async function hasDemoAccounts() {
  return (await demoAccountQuery().all()).length > 0;
}
/** Read by every page (the root's loader). */
const demoAccountQuery = prepared((db) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((a) => a.email),
      ),
    )
    .limit(1)
    .prepare(),
);

/**
 * Her new password, when the current one is right; every other session of hers ends. False when the
 * current password is wrong.
 */
export async function changePassword({
  userId,
  current,
  password,
  keepSessionId,
  address = null,
}: {
  userId: string;
  current: string;
  password: string;
  keepSessionId: string | null;
  address?: string | null;
}) {
  const db = getDb();
  const user = await db.query.users.findFirst({ where: eq(users.id, userId), columns: { passwordHash: true } });
  if (!user?.passwordHash || !(await verify(user.passwordHash, current))) return false;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
    await recordAudit({ action: "mot_de_passe_modifie", actorId: userId, subjectId: userId, address }, tx);
  });
  return true;
}

/** Ends every other session of hers (« Déconnecter mes autres appareils »), with its audit entry, in one transaction. */
export async function endOtherSessions({ userId, keepSessionId, address = null }: { userId: string; keepSessionId: string | null; address?: string | null }) {
  await getDb().transaction(async (tx) => {
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
    await recordAudit({ action: "sessions_fermees", actorId: userId, subjectId: userId, address }, tx);
  });
}

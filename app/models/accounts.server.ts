// Accounts created by a cadre or an admin, and the one-time invitation links to choose a password.
import crypto from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { invitations, outbox, users, type Profile, type Role } from "../../db/schema";
import { hashPassword, normalizeEmail } from "./user.server";
import { createPathFor } from "./path.server";
import { assignTutor } from "./tutoring.server";
import { getDb } from "~/utils/db.server";

export const INVITATION_DAYS = 7;

const tokenHash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export type NewAccount = {
  name: string;
  email: string;
  role: Role;
  profile: Profile | null;
  serviceId: string;
  hireDate: string;
  establishment: string;
  tutorId: string | null;
};

export class EmailTakenError extends Error {}

/**
 * Creates the account (no password yet), its invitation, an outbox message for a future mail server,
 * the integration path of a new recruit and her tutor assignment. Returns the invitation token, which
 * is shown once to the cadre and never stored in clear.
 */
export async function createAccount(input: NewAccount, by: string, now = new Date()) {
  const db = getDb();
  const email = normalizeEmail(input.email);
  if (await db.query.users.findFirst({ where: eq(users.email, email), columns: { id: true } })) throw new EmailTakenError(email);
  const id = crypto.randomUUID();
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  await db.transaction(async (tx) => {
    await tx.insert(users).values({ id, email, name: input.name, role: input.role, profile: input.profile, establishment: input.establishment, serviceId: input.serviceId, hireDate: input.hireDate });
    await tx.insert(invitations).values({ id: crypto.randomUUID(), userId: id, tokenHash: tokenHash(token), expiresAt, createdBy: by });
    await tx.insert(outbox).values({
      id: crypto.randomUUID(),
      to: email,
      subject: "Votre accès à Pivot",
      body: `Bonjour ${input.name},\n\nUn compte Pivot a été créé pour vous. Choisissez votre mot de passe avec le lien d'invitation que votre cadre vous a transmis (valable ${INVITATION_DAYS} jours).`,
    });
  });
  if (input.role === "learner" && input.profile === "nouvelle_recrue") await createPathFor(id);
  if (input.tutorId) await assignTutor(id, input.tutorId, by);
  return { userId: id, token, expiresAt };
}

/** A new invitation for an account (the previous unused ones stop working). */
export async function renewInvitation(userId: string, by: string, now = new Date()) {
  const db = getDb();
  const token = crypto.randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.update(invitations).set({ usedAt: now.toISOString() }).where(and(eq(invitations.userId, userId), isNull(invitations.usedAt)));
    await tx.insert(invitations).values({ id: crypto.randomUUID(), userId, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(), createdBy: by });
  });
  return token;
}

/** The account behind a valid (unused, unexpired) invitation token. */
export async function findInvitation(token: string, now = new Date()) {
  const [row] = await getDb()
    .select({ id: invitations.id, userId: users.id, name: users.name, email: users.email })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(and(eq(invitations.tokenHash, tokenHash(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now.toISOString())));
  return row ?? null;
}

/** Sets the password and consumes the invitation, exactly once. */
export async function acceptInvitation(token: string, password: string, now = new Date()) {
  const invitation = await findInvitation(token, now);
  if (!invitation) return null;
  const passwordHash = await hashPassword(password);
  const db = getDb();
  const consumed = await db
    .update(invitations)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
    .returning({ id: invitations.id });
  if (consumed.length !== 1) return null;
  await db.update(users).set({ passwordHash }).where(eq(users.id, invitation.userId));
  return invitation.userId;
}

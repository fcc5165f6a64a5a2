// Accounts created by a cadre or an admin, and the one-time invitation links to choose a password.
import crypto from "node:crypto";
import { and, eq, gt, isNotNull, isNull } from "drizzle-orm";
import { invitations, outbox, passwordResets, sessions, users, type Profile, type Role } from "../../db/schema";
import { hashPassword, liftLockout, normalizeEmail } from "./user.server";
import { createPathFor } from "./path.server";
import { writeAssignment } from "./tutoring.server";
import { getDb } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { sendMailSoon } from "./mail.server";
import { checkPasswordStrength } from "~/utils/password-strength.server";
import { z } from "~/utils/zod";

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
 * the integration path of a new recruit, her tutor assignment and the audit entry, in one transaction.
 * Returns the invitation token, which is shown once to the cadre and never stored in clear.
 */
export async function createAccount({
  account: input,
  by,
  address = null,
  now = new Date(),
}: {
  account: NewAccount;
  by: string;
  address?: string | null;
  now?: Date;
}) {
  const db = getDb();
  const email = normalizeEmail(input.email);
  if (await db.query.users.findFirst({ where: eq(users.email, email), columns: { id: true } })) throw new EmailTakenError(email);
  const id = crypto.randomUUID();
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      email,
      name: input.name,
      role: input.role,
      profile: input.profile,
      establishment: input.establishment,
      serviceId: input.serviceId,
      hireDate: input.hireDate,
    });
    await tx.insert(invitations).values({ id: crypto.randomUUID(), userId: id, tokenHash: tokenHash(token), expiresAt, createdBy: by });
    await tx.insert(outbox).values({
      id: crypto.randomUUID(),
      to: email,
      subject: "Votre accès à Pivot",
      body: `Bonjour ${input.name},\n\nUn compte Pivot a été créé pour vous. Choisissez votre mot de passe avec le lien d'invitation que votre cadre vous a transmis (valable ${INVITATION_DAYS} jours).`,
    });
    if (input.role === "learner" && input.profile === "nouvelle_recrue") await createPathFor(id, tx);
    if (input.tutorId) await writeAssignment(tx, { learnerId: id, tutorId: input.tutorId, by });
    await recordAudit({ action: "compte_cree", actorId: by, subjectId: id, address, details: { rôle: input.role } }, tx);
  });
  sendMailSoon();
  return { userId: id, token, expiresAt };
}

/**
 * A new invitation for an account that has never been activated (the previous unused ones stop
 * working), with its audit entry, in one transaction. Null when the account already has a password:
 * an invitation is never a way into it.
 */
export async function renewInvitation({ userId, by, address = null, now = new Date() }: { userId: string; by: string; address?: string | null; now?: Date }) {
  const db = getDb();
  const token = crypto.randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const account = await tx.query.users.findFirst({ where: and(eq(users.id, userId), isNull(users.passwordHash)), columns: { id: true } });
    if (!account) return null;
    await tx
      .update(invitations)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt)));
    await tx.insert(invitations).values({
      id: crypto.randomUUID(),
      userId,
      tokenHash: tokenHash(token),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      createdBy: by,
    });
    await recordAudit({ action: "invitation_renouvelee", actorId: by, subjectId: userId, address }, tx);
    return token;
  });
}

/** The account behind a valid invitation token: unused, unexpired, and an account never activated. */
export async function findInvitation(token: string, now = new Date()) {
  const [row] = await getDb()
    .select({ id: invitations.id, userId: users.id, name: users.name, email: users.email })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash(token)),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, now.toISOString()),
        isNull(users.passwordHash),
        isNull(users.deactivatedAt),
      ),
    );
  return row ?? null;
}

/** Sets the first password and consumes the invitation, exactly once, for an account that has none. */
export async function acceptInvitation({
  token,
  password,
  now = new Date(),
  address = null,
}: {
  token: string;
  password: string;
  now?: Date;
  address?: string | null;
}) {
  const invitation = await findInvitation(token, now);
  if (!invitation) return null;
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const consumed = await tx
      .update(invitations)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
      .returning({ id: invitations.id });
    if (consumed.length !== 1) return null;
    const activated = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, invitation.userId), isNull(users.passwordHash)))
      .returning({ id: users.id });
    if (activated.length !== 1) return null;
    await tx.delete(sessions).where(eq(sessions.userId, invitation.userId));
    await recordAudit({ action: "invitation_acceptee", actorId: invitation.userId, subjectId: invitation.userId, address }, tx);
    return invitation.userId;
  });
}

export const RESET_MINUTES = 60;

/**
 * "Mot de passe oublié": when an activated account has this email, a single-use link valid
 * RESET_MINUTES goes to that address (through the outbox); earlier links stop working. Nothing tells
 * the caller whether the account exists.
 */
export async function requestPasswordReset({
  email: rawEmail,
  publicUrl,
  address = null,
  now = new Date(),
}: {
  email: string;
  publicUrl: string;
  address?: string | null;
  now?: Date;
}) {
  const email = normalizeEmail(rawEmail);
  const db = getDb();
  const user = await db.query.users.findFirst({
    where: and(eq(users.email, email), isNotNull(users.passwordHash), isNull(users.deactivatedAt)),
    columns: { id: true, name: true },
  });
  if (!user) return;
  const token = crypto.randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    await tx
      .update(passwordResets)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({
      id: crypto.randomUUID(),
      userId: user.id,
      tokenHash: tokenHash(token),
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
    });
    await tx.insert(outbox).values({
      id: crypto.randomUUID(),
      to: email,
      subject: "Choisir un nouveau mot de passe Pivot",
      body: `Bonjour ${user.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${RESET_MINUTES} minutes, une seule fois) :\n${publicUrl}/reinitialisation/${token}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.`,
    });
    await recordAudit({ action: "reinitialisation_demandee", actorId: null, subjectId: user.id, address }, tx);
  });
  sendMailSoon();
}

/** The account behind a valid (unused, unexpired) reset token. */
export async function findPasswordReset(token: string, now = new Date()) {
  const [row] = await getDb()
    .select({ id: passwordResets.id, userId: users.id, name: users.name, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now.toISOString()),
        isNull(users.deactivatedAt),
      ),
    );
  return row ?? null;
}

/** Sets the new password once, ends every session of the account and lifts its sign-in lockout, in one transaction. */
export async function resetPassword({
  token,
  password,
  address = null,
  now = new Date(),
}: {
  token: string;
  password: string;
  address?: string | null;
  now?: Date;
}) {
  const reset = await findPasswordReset(token, now);
  if (!reset) return null;
  const passwordHash = await hashPassword(password);
  const userId = await getDb().transaction(async (tx) => {
    const consumed = await tx
      .update(passwordResets)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (consumed.length !== 1) return null;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await recordAudit({ action: "mot_de_passe_reinitialise", actorId: reset.userId, subjectId: reset.userId, address }, tx);
    await liftLockout(reset.email, now, tx);
    return reset.userId;
  });
  return userId;
}

const administratorSchema = z.object({
  email: z.string().trim().email("adresse e-mail invalide (exemple : prenom.nom@hopital.fr)"),
  name: z.string().trim().min(2, "indiquez le prénom et le nom").max(120, "nom trop long"),
  establishment: z.string().trim().min(2, "indiquez l'établissement").max(200, "nom d'établissement trop long"),
  password: z.string().min(12, "le mot de passe doit compter au moins 12 caractères").max(200, "mot de passe trop long"),
});

/** The first real administrator (npm run admin:create): a strong password, an email not yet used. */
export async function createAdministrator(input: { email: string; name: string; establishment: string; password: string }) {
  const parsed = administratorSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, problems: parsed.error.issues.map((i) => `${String(i.path[0])} : ${i.message}`) };
  const { name, establishment, password } = parsed.data;
  const email = normalizeEmail(parsed.data.email);
  const strength = checkPasswordStrength(password, { email, name });
  if (!strength.ok) return { ok: false as const, problems: [`mot de passe : ${strength.message}`] };
  const db = getDb();
  if (await db.query.users.findFirst({ where: eq(users.email, email), columns: { id: true } }))
    return { ok: false as const, problems: [`email : un compte existe déjà avec l'adresse ${email}`] };
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values({ id, email, name, role: "admin", profile: null, establishment, serviceId: null, hireDate: null, passwordHash: await hashPassword(password) });
    await recordAudit({ action: "administrateur_cree", actorId: null, subjectId: id, address: "ligne de commande" }, tx);
  });
  return { ok: true as const, email };
}

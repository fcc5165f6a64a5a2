// Weak passwords are refused where an invited person chooses hers, through the real route action.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { invitations, users } from "../../db/schema";
import { DEMO_ESTABLISHMENT } from "../../db/seed";
import { createAccount } from "~/models/accounts.server";
import { action } from "~/routes/invitation.$token";
import { getDb } from "~/utils/db.server";
import { request, unwrap } from "../helpers/requests";

let cadreId: string;

beforeAll(async () => {
  cadreId = (await getDb().query.users.findFirst({ where: eq(users.email, "cadre@pivot.demo") }))!.id;
});

/** A new account and its invitation, as a cadre creates them from /equipe/nouveau. */
async function invite(name: string, email: string) {
  const account = {
    name,
    email,
    role: "learner" as const,
    profile: "confirmee" as const,
    serviceId: "svc-cardiologie",
    hireDate: "2026-01-05",
    establishment: DEMO_ESTABLISHMENT,
    tutorId: null,
  };
  return createAccount({ account, by: cadreId });
}

function choose(token: string, password: string) {
  return action({ request: request(`/invitation/${token}`, { form: { password, confirmation: password } }), params: { token }, context: {} });
}

async function refused(token: string, password: string) {
  const result = await choose(token, password);
  expect(result, `"${password}" was accepted (redirected, signed in)`).not.toBeInstanceOf(Response);
  return unwrap(result) as { status: number; data: { message: string; errors: Record<string, string> } };
}

async function stored(userId: string) {
  const user = await getDb().query.users.findFirst({ where: eq(users.id, userId) });
  const invitation = await getDb().query.invitations.findFirst({ where: eq(invitations.userId, userId) });
  return { passwordHash: user!.passwordHash, usedAt: invitation!.usedAt };
}

describe("choosing a password from an invitation", () => {
  it.each([
    ["aaaaaaaaaaaa", "Lucie Bernard", "lucie.bernard@hopital.fr", /^Ce mot de passe est trop facile à deviner : c'est un même caractère répété/],
    [" ".repeat(12), "Inès Morel", "ines.morel@hopital.fr", /^Ce mot de passe ne contient que des espaces/],
    ["Helene-2026-Cardio", "Hélène Durand", "hdurand@hopital.fr", /^Ce mot de passe contient « Hélène », qui fait partie de votre nom/],
    ["helene.durand!", "Hélène Durand", "helene.durand@hopital.fr", /^Ce mot de passe contient « helene\.durand », le début de votre adresse e-mail/],
  ])("refuses %j with a French reason in errors.password and stores nothing", async (password, name, email, why) => {
    const { token, userId } = await invite(name, email);
    const { status, data } = await refused(token, password);
    expect(status).toBe(400);
    expect(data.message).toBe("Le mot de passe n'est pas enregistré : voyez les champs signalés.");
    expect(data.errors.password).toMatch(why);
    expect(data.errors.password).toMatch(/Une phrase de quatre ou cinq mots sans rapport entre eux est facile à retenir et difficile à deviner\.$/);
    expect(await stored(userId)).toEqual({ passwordHash: null, usedAt: null });
  });

  it("after a refusal, the same invitation accepts a strong password: stored, invitation used, signed in", async () => {
    const { token, userId } = await invite("Marie Roux", "marie.roux@hopital.fr");
    expect((await refused(token, "motdepasse123")).status).toBe(400);
    const response = await choose(token, "cheval lampe orage tisane");
    expect(response).toBeInstanceOf(Response);
    const res = response as unknown as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/");
    expect(res.headers.get("Set-Cookie") ?? "").toMatch(/^pivot_session=[^;]+;.*HttpOnly/i);
    const after = await stored(userId);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.usedAt).not.toBeNull();
  });
});

// Real administrators (npm run admin:create) and the demo accounts only where they belong.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { demoWanted } from "../../db/seed";
import { createAdministrator } from "~/models/accounts.server";
import { hasDemoAccounts, verifyLogin } from "~/models/user.server";
import { getDb } from "~/utils/db.server";

describe("the first real administrator", () => {
  it("is refused with a weak password, an invalid email or an email already used; created otherwise, and can sign in", async () => {
    const base = { email: "a.dupont@chu-test.fr", name: "Anne Dupont", establishment: "CHU de test" };
    const weak = await createAdministrator({ ...base, password: "motdepasse123" });
    expect(weak).toMatchObject({ ok: false, problems: [expect.stringMatching(/^mot de passe : Ce mot de passe est trop facile à deviner/)] });
    expect(await createAdministrator({ ...base, email: "pas-une-adresse", password: "girafe tambour citron falaise" })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^email : adresse e-mail invalide/)],
    });
    expect(await createAdministrator({ ...base, password: "girafe tambour citron falaise" })).toEqual({ ok: true, email: "a.dupont@chu-test.fr" });
    const row = await getDb().query.users.findFirst({ where: eq(users.email, "a.dupont@chu-test.fr") });
    expect(row).toMatchObject({ role: "admin", serviceId: null, establishment: "CHU de test" });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await verifyLogin({ email: "a.dupont@chu-test.fr", password: "girafe tambour citron falaise" })).ok).toBe(true);
    expect(await createAdministrator({ ...base, password: "girafe tambour citron falaise" })).toEqual({
      ok: false,
      problems: ["email : un compte existe déjà avec l'adresse a.dupont@chu-test.fr"],
    });
  });
});

describe("demo accounts", () => {
  it("only on an embedded file database unless PIVOT_DEMO says otherwise", () => {
    expect(demoWanted({ databaseUrl: "file:./data/pivot.db" })).toBe(true);
    expect(demoWanted({ databaseUrl: "file:./data/pivot.db", pivotDemo: "0" })).toBe(false);
    expect(demoWanted({ databaseUrl: "libsql://pivot.turso.io" })).toBe(false);
    expect(demoWanted({ databaseUrl: "http://10.0.0.5:8080" })).toBe(false);
    expect(demoWanted({ databaseUrl: "http://10.0.0.5:8080", pivotDemo: "1" })).toBe(true);
  });

  it("are detected, so that every page can say it is a demonstration database", async () => {
    expect(await hasDemoAccounts()).toBe(true);
    await getDb().update(users).set({ email: "ancien.admin@chu-test.fr" }).where(eq(users.email, "admin@pivot.demo"));
    expect(await hasDemoAccounts()).toBe(true); // other demo accounts remain
  });
});

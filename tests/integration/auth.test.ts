import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginAttempts, sessions, users } from "../../db/schema";
import { action as loginAction } from "~/routes/connexion";
import { loader as dashboardLoader } from "~/routes/_index";
import { loader as tutoratLoader } from "~/routes/tutorat._index";
import { action as logoutAction } from "~/routes/deconnexion";
import { LOCKOUT, verifyLogin } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { request, run, signIn, unwrap } from "../helpers/requests";

const RECRUE = "nouvelle.recrue@pivot.demo";

describe("sign-in", () => {
  it("stores passwords as argon2id hashes", async () => {
    const user = await getDb().query.users.findFirst({ where: eq(users.email, RECRUE) });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("signs in with the right password and sets an httpOnly session cookie holding only an id", async () => {
    const response = await loginAction({
      request: request("/connexion", { form: { email: "  Nouvelle.Recrue@pivot.demo ", password: "pivot-demo-2026" } }),
      params: {},
      context: {},
    });
    expect(response).toBeInstanceOf(Response);
    const res = response as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^pivot_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toContain(RECRUE);
    const all = await getDb().select().from(sessions);
    expect(all.length).toBeGreaterThan(0);
  });

  it("the session cookie opens the dashboard; a forged cookie does not", async () => {
    const cookie = await signIn(RECRUE);
    const ok = await run(() => dashboardLoader({ request: request("/", { cookie }), params: {}, context: {} }));
    expect(ok.data?.firstName).toBe("Camille");
    const forged = await run(() => dashboardLoader({ request: request("/", { cookie: "pivot_session=abc.def" }), params: {}, context: {} }));
    expect(forged.response?.status).toBe(302);
    expect(forged.response?.headers.get("Location")).toBe("/connexion");
  });

  it("refuses a wrong password with a French message and keeps the email typed", async () => {
    const result = await loginAction({ request: request("/connexion", { form: { email: RECRUE, password: "mauvais" } }), params: {}, context: {} });
    const { data, status } = unwrap(result);
    expect(status).toBe(401);
    expect(data).toMatchObject({ email: RECRUE });
    expect((data as { formError: string }).formError).toMatch(/incorrect/);
  });

  it("validates the form with French messages", async () => {
    const result = await loginAction({ request: request("/connexion", { form: { email: "pas-une-adresse", password: "" } }), params: {}, context: {} });
    const { data, status } = unwrap(result);
    expect(status).toBe(400);
    expect((data as { errors: Record<string, string> }).errors.email).toMatch(/n'est pas valide/);
    expect((data as { errors: Record<string, string> }).errors.password).toMatch(/mot de passe/);
  });

  it(`locks an email out after ${LOCKOUT.maxFailures} failures within ${LOCKOUT.windowMinutes} minutes`, async () => {
    const email = "secretaire.confirmee@pivot.demo";
    for (let i = 0; i < LOCKOUT.maxFailures; i++) expect(await verifyLogin({ email, password: `faux-${i}` })).toMatchObject({ ok: false, reason: "invalid" });
    // Even the right password is refused while locked.
    expect(await verifyLogin({ email, password: "pivot-demo-2026" })).toMatchObject({ ok: false, reason: "locked" });
    const result = await loginAction({ request: request("/connexion", { form: { email, password: "pivot-demo-2026" } }), params: {}, context: {} });
    const { data, status } = unwrap(result);
    expect(status).toBe(429);
    expect((data as { formError: string }).formError).toMatch(/Trop de tentatives/);
    // Once the window has passed, the right password works again.
    const later = new Date(Date.now() + (LOCKOUT.windowMinutes + 1) * 60_000);
    expect((await verifyLogin({ email, password: "pivot-demo-2026", now: later })).ok).toBe(true);
  });

  it("failures for one email do not lock another", async () => {
    const rows = await getDb().select().from(loginAttempts).where(eq(loginAttempts.email, "cadre@pivot.demo"));
    expect(rows).toHaveLength(0);
    expect((await verifyLogin({ email: "cadre@pivot.demo", password: "pivot-demo-2026" })).ok).toBe(true);
  });

  it("signing out deletes the session", async () => {
    const cookie = await signIn("admin@pivot.demo");
    const res = await logoutAction({ request: request("/deconnexion", { method: "POST", cookie }), params: {}, context: {} });
    expect(res.status).toBe(302);
    const after = await run(() => dashboardLoader({ request: request("/", { cookie }), params: {}, context: {} }));
    expect(after.response?.status).toBe(302);
  });
});

describe("roles", () => {
  it("a learner and a cadre get 403 on /tutorat, a tutor sees her mentee", async () => {
    const learner = await signIn(RECRUE);
    const denied = await run(() => tutoratLoader({ request: request("/tutorat", { cookie: learner }), params: {}, context: {} }));
    expect(denied.response?.status).toBe(403);

    const tutor = await signIn("tuteur@pivot.demo");
    const allowed = await run(() => tutoratLoader({ request: request("/tutorat", { cookie: tutor }), params: {}, context: {} }));
    expect(allowed.data?.mentees.map((m) => m.name)).toEqual(["Camille Martin"]);

    const manager = await signIn("cadre@pivot.demo");
    const managerDenied = await run(() => tutoratLoader({ request: request("/tutorat", { cookie: manager }), params: {}, context: {} }));
    expect(managerDenied.response?.status).toBe(403);
  });

  it("a visitor is sent to sign in with the page to come back to", async () => {
    const res = await run(() => tutoratLoader({ request: request("/tutorat"), params: {}, context: {} }));
    expect(res.response?.status).toBe(302);
    expect(res.response?.headers.get("Location")).toBe("/connexion?redirectTo=%2Ftutorat");
  });
});

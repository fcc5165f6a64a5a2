// « Mon compte »: her sessions and her password, through the real route and a real SQLite file.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed";
import * as home from "~/routes/_index";
import * as account from "~/routes/mon-compte";
import { verifyLogin } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { request, run, signIn, unwrap } from "../helpers/requests";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const call = (fn: unknown, req: Request) => run(() => (fn as Fn)({ request: req, params: {}, context: {} }));
const EMAIL = "tuteur@pivot.demo";
const STRONG = "girafe tambour citron falaise";

async function signInFrom(userAgent: string) {
  const cookie = await signIn(EMAIL);
  const id = (await getDb().select().from(sessions)).at(-1)!.id;
  await getDb().update(sessions).set({ userAgent }).where(eq(sessions.id, id));
  return cookie;
}

describe("Mon compte", () => {
  it("lists her open sessions with their device, and closes the others on request", async () => {
    const phone = await signInFrom("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36");
    const desk = await signInFrom("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");
    const page = (await call(account.loader, request("/mon-compte", { cookie: desk }))).data as Awaited<ReturnType<typeof account.loader>>;
    expect(page.email).toBe(EMAIL);
    expect(page.sessions.map((s) => `${s.device}${s.current ? " (cet appareil)" : ""}`)).toEqual(
      expect.arrayContaining(["Firefox sur Windows (cet appareil)", "Chrome sur Android"]),
    );
    await call(account.action, request("/mon-compte", { cookie: desk, form: { intent: "autres-sessions" } }));
    expect((await call(home.loader, request("/", { cookie: phone }))).response?.status).toBe(302);
    expect((await call(home.loader, request("/", { cookie: desk }))).data).toBeTruthy();
  });

  it("changes the password only with the current one and a strong new one; her other sessions end", async () => {
    const other = await signIn(EMAIL);
    const mine = await signIn(EMAIL);
    const change = (form: Record<string, string>) => call(account.action, request("/mon-compte", { cookie: mine, form: { intent: "mot-de-passe", ...form } }));
    const wrong = unwrap((await change({ current: "pas-le-bon", password: STRONG, confirmation: STRONG })).data);
    expect(wrong.status).toBe(400);
    expect((wrong.data as { errors: Record<string, string> }).errors.current).toBe("Ce n'est pas votre mot de passe actuel.");
    const weak = unwrap((await change({ current: DEMO_PASSWORD, password: "aaaaaaaaaaaa", confirmation: "aaaaaaaaaaaa" })).data);
    expect((weak.data as { errors: Record<string, string> }).errors.password).toMatch(/trop facile à deviner|espaces|répétition/);
    const different = unwrap((await change({ current: DEMO_PASSWORD, password: STRONG, confirmation: "autre chose encore" })).data);
    expect((different.data as { errors: Record<string, string> }).errors.confirmation).toMatch(/identiques/);
    expect((await verifyLogin({ email: EMAIL, password: DEMO_PASSWORD })).ok).toBe(true); // nothing changed so far

    const done = await change({ current: DEMO_PASSWORD, password: STRONG, confirmation: STRONG });
    expect(done.data).toMatchObject({ ok: true });
    expect((await verifyLogin({ email: EMAIL, password: STRONG })).ok).toBe(true);
    expect((await call(home.loader, request("/", { cookie: other }))).response?.status).toBe(302);
    expect((await call(home.loader, request("/", { cookie: mine }))).data).toBeTruthy();
    const id = (await getDb().query.users.findFirst({ where: eq(users.email, EMAIL) }))!.id;
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(1); // only the one she used
  });
});

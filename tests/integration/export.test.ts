// The right of access: her data, all of it, and nobody else's; no secret in the file.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "../../db/schema";
import * as exportRoute from "~/routes/mon-compte_.export";
import { getDb } from "~/utils/db.server";
import { request, run, signIn } from "../helpers/requests";

describe("exporting her personal data", () => {
  it("downloads valid JSON with her profile, path, attempts, certificates and sessions, and nothing of anyone else", async () => {
    const cookie = await signIn("nouvelle.recrue@pivot.demo");
    const db = getDb();
    const me = (await db.query.users.findFirst({ where: eq(users.email, "nouvelle.recrue@pivot.demo") }))!;
    const other = (await db.query.users.findFirst({ where: eq(users.email, "secretaire.confirmee@pivot.demo") }))!;
    const { response } = await run(() => exportRoute.loader({ request: request("/mon-compte/export", { cookie }), params: {}, context: {} }));
    expect(response!.status).toBe(200);
    expect(response!.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(response!.headers.get("Content-Disposition")).toMatch(/attachment; filename="pivot-mes-donnees-\d{4}-\d{2}-\d{2}\.json"/);
    const text = await response!.text();
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ name: me.name, email: me.email, role: "learner", service: "Cardiologie" });
    expect(data.integrationPath.length).toBeGreaterThan(5);
    expect(data.integrationPath.every((s: { userId: string }) => s.userId === me.id)).toBe(true);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.signInAttempts.some((a: { success: boolean }) => a.success)).toBe(true);
    // Nobody else's data, and no secret.
    expect(text).not.toContain(other.id);
    expect(text).not.toContain(other.email);
    expect(text).not.toMatch(/argon2|passwordHash|tokenHash/);
    const sessionIds = (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, me.id))).map((s) => s.id);
    for (const id of sessionIds) expect(text).not.toContain(id);
  });

  it("is only ever her own: without a session, the sign-in page", async () => {
    const { response } = await run(() => exportRoute.loader({ request: request("/mon-compte/export"), params: {}, context: {} }));
    expect(response!.status).toBe(302);
    expect(response!.headers.get("Location")).toMatch(/^\/connexion/);
  });
});

// The audit log: what it records, that nobody can change it, the journal's filters and its CSV.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema";
import { LOCKOUT, verifyLogin } from "~/models/user.server";
import { purgeAudit, recordAudit } from "~/models/audit.server";
import { exportPersonalData } from "~/models/personal-data.server";
import * as journal from "~/routes/admin.journal";
import * as journalCsv from "~/routes/admin.journal[.]csv";
import { getDb } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../db/seed";
import { request, run, signIn } from "../helpers/requests";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const ids: Record<string, string> = {};
let admin = "";
const entries = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action));

beforeAll(async () => {
  for (const [key, email] of Object.entries({ recrue: "nouvelle.recrue@pivot.demo", confirmee: "secretaire.confirmee@pivot.demo", admin: "admin@pivot.demo" }))
    ids[key] = (await getDb().query.users.findFirst({ where: eq(users.email, email) }))!.id;
  admin = await signIn("admin@pivot.demo");
});

describe("audit log", () => {
  it("records sign-ins and refusals with the address, a lockout once however many guesses follow", async () => {
    await verifyLogin({ email: "nouvelle.recrue@pivot.demo", password: DEMO_PASSWORD, address: "10.0.0.7" });
    expect((await entries("connexion")).at(-1)).toMatchObject({ actorId: ids.recrue, subjectId: ids.recrue, address: "10.0.0.7" });
    // An unknown email: no account to point to, the email typed is kept for the investigation.
    await verifyLogin({ email: "Personne@Inconnue.fr", password: "x", address: "10.0.0.8" });
    expect((await entries("connexion_refusee")).at(-1)).toMatchObject({ subjectId: null, address: "10.0.0.8", details: { email: "personne@inconnue.fr" } });
    for (let i = 0; i < LOCKOUT.maxFailures + 10; i++)
      await verifyLogin({ email: "secretaire.confirmee@pivot.demo", password: `faux-${i}`, address: "10.0.0.9" });
    const refused = (await entries("connexion_refusee")).filter((e) => e.subjectId === ids.confirmee);
    expect(refused.length).toBe(LOCKOUT.maxFailures);
    expect((await entries("compte_verrouille")).filter((e) => e.subjectId === ids.confirmee).length).toBe(1);
  });

  it("cannot be changed, nor deleted before a year; the yearly purge removes only what is older", async () => {
    const db = getDb();
    await recordAudit({ action: "export_donnees", actorId: ids.recrue!, subjectId: ids.recrue! });
    const [entry] = await db
      .select()
      .from(auditLog)
      .orderBy(sql`id desc`)
      .limit(1);
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => "accepted",
        (error: Error) => String(error.cause ?? error),
      );
    expect(await refusal(db.update(auditLog).set({ actorId: ids.admin! }).where(eq(auditLog.id, entry!.id)))).toMatch(/cannot be changed/);
    expect(await refusal(db.delete(auditLog).where(eq(auditLog.id, entry!.id)))).toMatch(/kept a year/);
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    await db.insert(auditLog).values({ action: "connexion", actorId: ids.recrue!, subjectId: ids.recrue!, at: old });
    expect(await purgeAudit()).toBe(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.at, old))).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.id, entry!.id))).toHaveLength(1);
  });

  it("the journal filters by kind, person and Paris days, newest first", async () => {
    const db = getDb();
    // 23:30 UTC on 1 December is already 2 December in Paris.
    await db.insert(auditLog).values({
      action: "certificat_revoque",
      actorId: ids.admin!,
      subjectId: ids.confirmee!,
      address: "10.0.0.1",
      details: { code: "abc", motif: "erreur" },
      at: "2026-12-01T23:30:00.000Z",
    });
    const load = async (query: string) =>
      (await run(() => (journal.loader as Fn)({ request: request(`/admin/journal?${query}`, { cookie: admin }), params: {}, context: {} }))).data as {
        total: number;
        rows: { action: string; actor: string; subject: string; at: string; details: string }[];
      };
    const certs = await load("groupe=certificats&personne=benali");
    expect(certs.rows.map((r) => r.action)).toEqual(["certificat_revoque"]);
    expect(certs.rows[0]).toMatchObject({
      actor: "Julien Garnier",
      subject: "Nadia Benali",
      at: "2 décembre 2026 à 00:30",
      details: "code : abc ; motif : erreur",
    });
    expect((await load("action=certificat_revoque&du=2026-12-02&au=2026-12-02")).total).toBe(1);
    expect((await load("action=certificat_revoque&du=2026-12-01&au=2026-12-01")).total).toBe(0);
    // Nonsense in the URL falls back to « no filter », never a 500.
    const all = await load("groupe=%3Cscript%3E&du=hier&page=-4");
    expect(all.total).toBeGreaterThan(5);
    expect(all.rows[0]!.action).toBeDefined();
  });

  it("exports as CSV for a spreadsheet, streamed, with the same filters", async () => {
    const { response } = await run(() =>
      (journalCsv.loader as Fn)({ request: request("/admin/journal.csv?groupe=connexions", { cookie: admin }), params: {}, context: {} }),
    );
    expect(response!.headers.get("Content-Type")).toMatch(/text\/csv/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response!.arrayBuffer());
    expect(text.startsWith("\uFEFFDate et heure (UTC);Action;")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.slice(1).every((l) => /;(Connexion|Connexion refusée|Connexion bloquée)/.test(l))).toBe(true);
    expect(text).toContain("personne@inconnue.fr");
  });

  it("is part of her data export: the entries about her", async () => {
    const data = await exportPersonalData({ userId: ids.recrue! });
    expect(data.auditLog.map((e) => e.action)).toEqual(expect.arrayContaining(["connexion", "export_donnees"]));
    expect(data.auditLog.every((e) => typeof e.label === "string")).toBe(true);
  });
});

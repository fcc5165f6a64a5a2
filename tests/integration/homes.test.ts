// Each role lands on its own work: the learner's next step, the tutor's mentees, the cadre's team at a glance.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { certificates, users } from "../../db/schema";
import { DEMO_ESTABLISHMENT } from "../../db/seed";

import * as home from "~/routes/_index";
import { getDb } from "~/utils/db.server";
import { newCertificateCode } from "~/utils/certificate-code";
import { request, run, signIn } from "../helpers/requests";
import { parisDay } from "~/utils/dates";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type Home = Awaited<ReturnType<typeof home.loader>>;
const ids: Record<string, string> = {};

async function homeOf(email: string): Promise<Home> {
  const cookie = await signIn(email);
  return (await run(() => (home.loader as Fn)({ request: request("/", { cookie }), params: {}, context: {} }))).data as Home;
}

beforeAll(async () => {
  for (const [key, email] of Object.entries({ recrue: "nouvelle.recrue@pivot.demo", confirmee: "secretaire.confirmee@pivot.demo" }))
    ids[key] = (await getDb().query.users.findFirst({ where: eq(users.email, email) }))!.id;
});

describe("homes", () => {
  it("a new recruit opens on one next step: the late step of her path", async () => {
    const data = await homeOf("nouvelle.recrue@pivot.demo");
    expect(data.next.kind).toBe("etape");
    expect(data.next.href).toMatch(/^\/parcours#etape-/);
    expect(data.mentees).toBeNull();
    expect(data.glance).toBeNull();
  });

  it("a tutor opens on her mentees, what waits for her first", async () => {
    const data = await homeOf("tuteur@pivot.demo");
    expect(data.mentees!.map((m) => m.id)).toEqual([ids.recrue]);
    expect(data.mentees![0]!.late).toBeGreaterThan(0);
    expect(data.next).toBeDefined(); // her own training comes below
  });

  it("a cadre opens on her team: late steps, renewals, inactivity, arrivals, each a person of her services", async () => {
    const db = getDb();
    const today = parisDay();
    const newcomer = crypto.randomUUID();
    await db.insert(users).values({
      id: newcomer,
      email: "arrivee@pivot.demo",
      name: "Léa Arrivée",
      role: "learner",
      profile: "nouvelle_recrue",
      establishment: DEMO_ESTABLISHMENT,
      serviceId: "svc-cardiologie",
      hireDate: today,
    });
    const inThirty = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await db.insert(certificates).values({
      id: crypto.randomUUID(),
      userId: ids.confirmee!,
      kind: "bloc",
      blockId: "competences-transversales",
      level: "generales",
      code: newCertificateCode(),
      holderName: "Nadia Benali",
      title: "Bloc 3",
      issuedAt: "2021-12-01",
      validUntil: inThirty,
      evidence: {},
    });

    const { glance } = await homeOf("cadre@pivot.demo");
    expect(glance!.late.items.map((p) => p.id)).toContain(ids.recrue);
    expect(glance!.late.items.find((p) => p.id === ids.recrue)!.detail).toMatch(/^\d+ étapes? en retard$/);
    expect(glance!.renewals.items).toEqual([expect.objectContaining({ id: ids.confirmee, detail: expect.stringMatching(/^Bloc 3 : valable jusqu'au /) })]);
    expect(glance!.inactive.items.map((p) => p.id)).toContain(ids.confirmee);
    expect(glance!.arrivals.items.map((p) => p.id)).toContain(newcomer);
    // Someone who left is in none of the lists.
    await db.update(users).set({ deactivatedAt: new Date().toISOString() }).where(eq(users.id, newcomer));
    expect((await homeOf("cadre@pivot.demo")).glance!.arrivals.items.map((p) => p.id)).not.toContain(newcomer);
  });
});

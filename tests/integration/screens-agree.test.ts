// The learner's, the tutor's and the cadre's screens (and the CSV) say the same thing about one person:
// a block certificate she holds, a renewal, her last activity.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { certificates, quizAttempts, users } from "../../db/schema";
import { newCertificateCode } from "~/utils/certificate-code";
import * as certification from "~/routes/certification";
import * as mentee from "~/routes/tutorat.$personne";
import * as equipe from "~/routes/equipe._index";
import * as equipeCsv from "~/routes/equipe[.]csv";
import { getDb } from "~/utils/db.server";
import { request, run, signIn } from "../helpers/requests";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const BLOCK = "competences-transversales";
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

async function load(route: { loader?: unknown }, path: string, who: string, params: Record<string, string> = {}) {
  const { data, response } = await run(() => (route.loader as Fn)({ request: request(path, { cookie: cookies[who] }), params, context: {} }));
  return (data ?? response) as never;
}

function isoDaysFromNow(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  const db = getDb();
  for (const [key, email] of Object.entries({
    confirmee: "secretaire.confirmee@pivot.demo",
    tuteur: "tuteur@pivot.demo",
    cadre: "cadre@pivot.demo",
    admin: "admin@pivot.demo",
  })) {
    ids[key] = (await db.query.users.findFirst({ where: eq(users.email, email) }))!.id;
    cookies[key] = await signIn(email);
  }
});

describe("screens that agree", () => {
  it("a block certificate she holds shows as validated on her page, the tutor's and admin's follow-up, the team table and the CSV", async () => {
    // A certificate issued almost five years ago, with no quiz answer or observation recorded since.
    await getDb()
      .insert(certificates)
      .values({
        id: crypto.randomUUID(),
        userId: ids.confirmee!,
        kind: "bloc",
        blockId: BLOCK,
        level: "generales",
        code: newCertificateCode(),
        holderName: "Nadia Benali",
        title: "Bloc 3 — Compétences transversales (connaissances générales)",
        issuedAt: isoDaysFromNow(-5 * 365 + 60),
        validUntil: isoDaysFromNow(60),
        evidence: {},
      });

    const mine = (await load(certification, "/certification", "confirmee")) as {
      blocks: { id: string; validatedLevel: string | null; ladder: { level: string; validated: boolean; certified: boolean; met: number; total: number }[] }[];
    };
    const block = mine.blocks.find((b) => b.id === BLOCK)!;
    expect(block.validatedLevel).toBe("Connaissances générales");
    expect(block.ladder[0]).toMatchObject({ level: "generales", validated: true, certified: true });
    expect(block.ladder[0]!.met).toBe(block.ladder[0]!.total);

    // The admin's follow-up of her (a confirmed secretary has no tutor in the demo).
    const followUp = (await load(mentee, `/tutorat/${ids.confirmee}`, "admin", { personne: ids.confirmee! })) as {
      certification: { blocks: { id: string; validatedLevel: string | null }[] };
    };
    expect(followUp.certification.blocks.find((b) => b.id === BLOCK)!.validatedLevel).toBe("générales");

    const team = (await load(equipe, "/equipe", "cadre")) as { rows: { id: string; blocks: { id: string; level: string | null; toRenew: boolean }[] }[] };
    const row = team.rows.find((r) => r.id === ids.confirmee)!;
    expect(row.blocks.find((b) => b.id === BLOCK)).toMatchObject({ level: "générales", toRenew: true });
    const csv = (await load(equipeCsv, "/equipe.csv", "cadre")) as Response;
    const line = (await csv.text()).split("\r\n").find((l) => l.includes("secretaire.confirmee@pivot.demo"))!;
    expect(line).toContain("générales (à actualiser)");
  });

  it("after a renewal, nobody's screen says « à actualiser » any more", async () => {
    const db = getDb();
    const [old] = await db.select().from(certificates).where(eq(certificates.userId, ids.confirmee!));
    await db.transaction(async (tx) => {
      await tx.insert(certificates).values({
        ...old!,
        id: crypto.randomUUID(),
        code: newCertificateCode(),
        issuedAt: isoDaysFromNow(0),
        validUntil: isoDaysFromNow(5 * 365),
        cycle: 1,
        renewsId: old!.id,
        createdAt: undefined,
      });
      await tx.update(certificates).set({ renewedAt: new Date().toISOString() }).where(eq(certificates.id, old!.id));
    });
    const team = (await load(equipe, "/equipe", "cadre")) as { rows: { id: string; blocks: { id: string; level: string | null; toRenew: boolean }[] }[] };
    expect(team.rows.find((r) => r.id === ids.confirmee)!.blocks.find((b) => b.id === BLOCK)).toMatchObject({ level: "générales", toRenew: false });
    const mine = (await load(certification, "/certification", "confirmee")) as { certificates: { status: string }[] };
    expect(mine.certificates.map((c) => c.status)).toEqual(["valide"]);
  });

  it("a quiz passed (module, positioning, renewal) is her last activity on the team table", async () => {
    const submittedAt = new Date(Date.now() + 60_000).toISOString();
    await getDb()
      .insert(quizAttempts)
      .values({
        id: crypto.randomUUID(),
        userId: ids.confirmee!,
        moduleId: `positionnement-${BLOCK}`,
        moduleVersion: "1",
        questions: [],
        total: 8,
        passMark: 80,
        submittedAt,
        score: 90,
        passed: true,
      });
    const team = (await load(equipe, "/equipe", "cadre")) as { rows: { id: string; lastActivity: string | null }[] };
    expect(team.rows.find((r) => r.id === ids.confirmee)!.lastActivity).toBe(submittedAt);
  });
});

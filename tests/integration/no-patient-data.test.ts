// Pivot holds training data only: a free text holding a valid social-security number (NIR) is refused
// with a French message, what was typed is kept, and nothing is stored; a number whose key does not match is accepted.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { astonishmentReports, users } from "../../db/schema";
import { NO_PATIENT_DATA_MESSAGE } from "~/forms/patient-data";
import * as parcours from "~/routes/parcours";
import { getDb } from "~/utils/db.server";
import { request, run, signIn, unwrap } from "../helpers/requests";

type Action = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type Body = { intent: string; ok: boolean; message: string; errors: Record<string, string>; values: Record<string, string> };

let cookie: string;
let learnerId: string;

beforeAll(async () => {
  cookie = await signIn("nouvelle.recrue@pivot.demo");
  learnerId = (await getDb().query.users.findFirst({ where: eq(users.email, "nouvelle.recrue@pivot.demo") }))!.id;
});

async function postReport(fields: { surprises: string; helped: string; suggestions: string }) {
  const form = { intent: "rapport", ...fields };
  const { data, response } = await run(() => (parcours.action as Action)({ request: request("/parcours", { cookie, form }), params: {}, context: {} }));
  expect(response).toBeUndefined();
  const { status, data: body } = unwrap(data);
  return { status, body: body as Body };
}

const storedReports = () => getDb().select().from(astonishmentReports).where(eq(astonishmentReports.learnerId, learnerId));

const report = { surprises: "La quantité d'appels le lundi matin.", helped: "Les fiches réflexes et ma tutrice.", suggestions: "Un tableau des postes téléphoniques." };

describe("the rapport d'étonnement refuses a social-security number", () => {
  it.each([
    ["surprises", "Le dossier de Mme X (2 55 08 14 168 025 38) était incomplet."],
    ["helped", "On m'a montré comment saisir le 284057512345672 dans le logiciel."],
    ["suggestions", "Masquer le NIR 1.85.07.2A.123.045.88 à l'écran."],
  ] as const)("in %s: 400, the French message on that field, the typed values kept, nothing stored", async (field, text) => {
    const before = await storedReports();
    const typed = { ...report, [field]: text };
    const { status, body } = await postReport(typed);
    expect(status).toBe(400);
    expect(body.ok).toBe(false);
    expect(body.errors[field]).toBe(NO_PATIENT_DATA_MESSAGE);
    expect(body.errors[field]).toBe("Ce texte semble contenir un numéro de sécurité sociale : Pivot ne doit contenir aucune donnée de patient. Retirez-le avant d'enregistrer.");
    expect(Object.keys(body.errors)).toEqual([field]);
    expect(body.values).toMatchObject(typed);
    expect(await storedReports()).toEqual(before);
  });

  it("accepts a 15-digit number whose key does not match (not a NIR)", async () => {
    const typed = { ...report, helped: "Le numéro de lot 2 55 08 14 168 025 39 et le 06 12 34 56 78 du secrétariat." };
    const { status, body } = await postReport(typed);
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    const stored = await storedReports();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject(typed);
  });

  it("still refuses a NIR once a report exists, and leaves the stored one untouched", async () => {
    const before = await storedReports();
    expect(before).toHaveLength(1);
    const { status, body } = await postReport({ ...report, suggestions: "Rappeler 2 55 08 14 168 025 38." });
    expect(status).toBe(400);
    expect(body.errors.suggestions).toBe(NO_PATIENT_DATA_MESSAGE);
    expect(await storedReports()).toEqual(before);
  });
});

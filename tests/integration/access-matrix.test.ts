// Every page of the site, visited by every role: 200, 302 to sign-in, 403 (or the page's own status).
// Loaders run with real Requests against a real SQLite file, as Remix runs them.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { serviceManagers, users } from "../../db/schema";
import { DEMO_ESTABLISHMENT, DEMO_PASSWORD } from "../../db/seed";
import { hashPassword } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import * as home from "~/routes/_index";
import * as blocs from "~/routes/blocs._index";
import * as bloc from "~/routes/blocs.$bloc";
import * as moduleRoute from "~/routes/modules.$slug";
import * as fiches from "~/routes/fiches-reflexes._index";
import * as fiche from "~/routes/fiches-reflexes.$specialite";
import * as glossaire from "~/routes/glossaire";
import * as recherche from "~/routes/recherche";
import * as parcours from "~/routes/parcours";
import * as revisions from "~/routes/revisions";
import * as actualisation from "~/routes/actualisation";
import * as certification from "~/routes/certification";
import * as evaluation from "~/routes/blocs.$bloc_.evaluation";
import * as positionnement from "~/routes/blocs.$bloc_.positionnement";
import * as miseAJour from "~/routes/modules.$slug_.mise-a-jour";
import * as renouvellement from "~/routes/certification_.renouvellement.$perimetre";
import * as tutorat from "~/routes/tutorat._index";
import * as mentee from "~/routes/tutorat.$personne";
import * as equipe from "~/routes/equipe._index";
import * as equipeCsv from "~/routes/equipe[.]csv";
import * as nouveau from "~/routes/equipe.nouveau";
import * as parcoursService from "~/routes/equipe.parcours";
import * as personne from "~/routes/equipe.$personne";
import * as invitation from "~/routes/invitation.$token";
import * as reinitialisation from "~/routes/reinitialisation.$token";
import * as monCompte from "~/routes/mon-compte";
import * as monExport from "~/routes/mon-compte_.export";
import * as mesDonnees from "~/routes/mon-compte_.donnees";
import * as admin from "~/routes/admin._index";
import * as journal from "~/routes/admin.journal";
import * as journalCsv from "~/routes/admin.journal[.]csv";
import * as suppressions from "~/routes/admin.suppressions";
import * as connexion from "~/routes/connexion";
import * as certificat from "~/routes/certificats.$code";
import * as verifier from "~/routes/certificats._index";
import { request, run, signIn, unwrap } from "../helpers/requests";

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const ids: Record<string, string> = {};
const cookies: Record<string, string | undefined> = { anonyme: undefined };
const ROLES = ["anonyme", "recrue", "confirmee", "tuteur", "cadre", "autre_cadre", "admin"] as const;
type Who = (typeof ROLES)[number];

beforeAll(async () => {
  const db = getDb();
  for (const [key, email] of Object.entries({
    recrue: "nouvelle.recrue@pivot.demo",
    confirmee: "secretaire.confirmee@pivot.demo",
    tuteur: "tuteur@pivot.demo",
    cadre: "cadre@pivot.demo",
    admin: "admin@pivot.demo",
  })) {
    ids[key] = (await db.query.users.findFirst({ where: eq(users.email, email) }))!.id;
    cookies[key] = await signIn(email);
  }
  // A cadre of another service must not see the cardiology team.
  const other = crypto.randomUUID();
  await db.insert(users).values({
    id: other,
    email: "cadre.pneumo@pivot.demo",
    name: "Claire Petit",
    role: "manager",
    establishment: DEMO_ESTABLISHMENT,
    serviceId: "svc-pneumologie",
    hireDate: "2020-01-01",
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  await db.insert(serviceManagers).values({ userId: other, serviceId: "svc-pneumologie" });
  cookies.autre_cadre = await signIn("cadre.pneumo@pivot.demo");
});

// [path, loader, params] and the expected status per role (302 = to the sign-in page).
const PUBLIC = { anonyme: 200, recrue: 302, confirmee: 302, tuteur: 302, cadre: 302, autre_cadre: 302, admin: 302 } as const; // signed-in users are sent home
const EVERYONE = { anonyme: 302, recrue: 200, confirmee: 200, tuteur: 200, cadre: 200, autre_cadre: 200, admin: 200 } as const;
const ADMIN_ONLY = { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 403, cadre: 403, autre_cadre: 403, admin: 200 } as const;
const MATRIX: [string, Loader, () => Record<string, string>, Record<Who, number>][] = [
  ["/connexion", connexion.loader as Loader, () => ({}), PUBLIC],
  [
    "/invitation/<jeton inconnu>",
    invitation.loader as Loader,
    () => ({ token: "inconnu" }),
    { anonyme: 410, recrue: 410, confirmee: 410, tuteur: 410, cadre: 410, autre_cadre: 410, admin: 410 },
  ],
  [
    "/reinitialisation/<jeton inconnu>",
    reinitialisation.loader as Loader,
    () => ({ token: "inconnu" }),
    { anonyme: 410, recrue: 410, confirmee: 410, tuteur: 410, cadre: 410, autre_cadre: 410, admin: 410 },
  ],
  ["/certificats", verifier.loader as Loader, () => ({}), { anonyme: 200, recrue: 200, confirmee: 200, tuteur: 200, cadre: 200, autre_cadre: 200, admin: 200 }],
  [
    "/certificats/<code inconnu>",
    certificat.loader as Loader,
    () => ({ code: "inconnu" }),
    { anonyme: 404, recrue: 404, confirmee: 404, tuteur: 404, cadre: 404, autre_cadre: 404, admin: 404 },
  ],
  ["/", home.loader as Loader, () => ({}), EVERYONE],
  ["/mon-compte", monCompte.loader as Loader, () => ({}), EVERYONE],
  ["/mon-compte/export", monExport.loader as Loader, () => ({}), EVERYONE],
  ["/mon-compte/donnees", mesDonnees.loader as Loader, () => ({}), EVERYONE],
  ["/admin", admin.loader as Loader, () => ({}), ADMIN_ONLY],
  ["/admin/journal", journal.loader as Loader, () => ({}), ADMIN_ONLY],
  ["/admin/journal?groupe=certificats&personne=recrue&du=2026-01-01&au=2026-12-31", journal.loader as Loader, () => ({}), ADMIN_ONLY],
  ["/admin/journal.csv", journalCsv.loader as Loader, () => ({}), ADMIN_ONLY],
  ["/admin/suppressions", suppressions.loader as Loader, () => ({}), ADMIN_ONLY],
  ["/blocs", blocs.loader as Loader, () => ({}), EVERYONE],
  ["/blocs/gestion-information", bloc.loader as Loader, () => ({ bloc: "gestion-information" }), EVERYONE],
  ["/modules/exemple", moduleRoute.loader as Loader, () => ({ slug: "exemple" }), EVERYONE],
  ["/fiches-reflexes", fiches.loader as Loader, () => ({}), EVERYONE],
  ["/fiches-reflexes/cardiologie", fiche.loader as Loader, () => ({ specialite: "cardiologie" }), EVERYONE],
  ["/glossaire", glossaire.loader as Loader, () => ({}), EVERYONE],
  ["/recherche?q=ecg", recherche.loader as Loader, () => ({}), EVERYONE],
  ["/parcours", parcours.loader as Loader, () => ({}), EVERYONE],
  ["/revisions", revisions.loader as Loader, () => ({}), EVERYONE],
  ["/actualisation", actualisation.loader as Loader, () => ({}), EVERYONE],
  ["/certification", certification.loader as Loader, () => ({}), EVERYONE],
  ["/blocs/gestion-information/evaluation", evaluation.loader as Loader, () => ({ bloc: "gestion-information" }), EVERYONE],
  ["/blocs/gestion-information/positionnement", positionnement.loader as Loader, () => ({ bloc: "gestion-information" }), EVERYONE],
  ["/modules/exemple/mise-a-jour", miseAJour.loader as Loader, () => ({ slug: "exemple" }), EVERYONE],
  ["/certification/renouvellement/gestion-information", renouvellement.loader as Loader, () => ({ perimetre: "gestion-information" }), EVERYONE],
  ["/certification/renouvellement/parcours", renouvellement.loader as Loader, () => ({ perimetre: "parcours" }), EVERYONE],
  ["/tutorat", tutorat.loader as Loader, () => ({}), { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 200, cadre: 403, autre_cadre: 403, admin: 200 }],
  [
    "/tutorat/<recrue>",
    mentee.loader as Loader,
    () => ({ personne: ids.recrue! }),
    { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 200, cadre: 200, autre_cadre: 403, admin: 200 },
  ],
  [
    "/tutorat/<confirmée>",
    mentee.loader as Loader,
    () => ({ personne: ids.confirmee! }),
    { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 403, cadre: 200, autre_cadre: 403, admin: 200 },
  ],
  ["/equipe", equipe.loader as Loader, () => ({}), { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 403, cadre: 200, autre_cadre: 200, admin: 200 }],
  ["/equipe.csv", equipeCsv.loader as Loader, () => ({}), { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 403, cadre: 200, autre_cadre: 200, admin: 200 }],
  [
    "/equipe/nouveau",
    nouveau.loader as Loader,
    () => ({}),
    { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 403, cadre: 200, autre_cadre: 200, admin: 200 },
  ],
  [
    "/equipe/parcours",
    parcoursService.loader as Loader,
    () => ({}),
    { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 403, cadre: 200, autre_cadre: 200, admin: 200 },
  ],
  [
    "/equipe/<recrue>",
    personne.loader as Loader,
    () => ({ personne: ids.recrue! }),
    { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 403, cadre: 200, autre_cadre: 403, admin: 200 },
  ],
  // The admin belongs to the cardiology service of the demo, but a cadre never manages an account above hers.
  [
    "/equipe/<admin>",
    personne.loader as Loader,
    () => ({ personne: ids.admin! }),
    { anonyme: 302, recrue: 403, confirmee: 403, tuteur: 403, cadre: 403, autre_cadre: 403, admin: 200 },
  ],
];

async function statusOf(path: string, loader: Loader, params: Record<string, string>, who: Who) {
  const url = path.includes("?") ? path : path.replace(/<[^>]+>/g, "x");
  const { response, data } = await run(() => loader({ request: request(url, { cookie: cookies[who] }), params, context: {} }));
  if (!response) return unwrap(data).status;
  if (response.status === 302 && who !== "anonyme" && path === "/connexion") return 302;
  if (response.status === 302) expect(response.headers.get("Location") ?? "").toMatch(/^\/connexion/);
  return response.status;
}

describe("access matrix", () => {
  for (const [path, loader, params, expected] of MATRIX)
    it(`${path}`, async () => {
      const got: Record<string, number> = {};
      for (const who of ROLES) got[who] = await statusOf(path, loader, params(), who);
      expect(got).toEqual(expected);
    });

  it("the CSV export of a cadre holds her services only", async () => {
    const mine = await run(() => (equipeCsv.loader as Loader)({ request: request("/equipe.csv", { cookie: cookies.cadre }), params: {}, context: {} }));
    const theirs = await run(() =>
      (equipeCsv.loader as Loader)({ request: request("/equipe.csv?service=svc-cardiologie", { cookie: cookies.autre_cadre }), params: {}, context: {} }),
    );
    expect(await mine.response!.text()).toContain("nouvelle.recrue@pivot.demo");
    expect(await theirs.response!.text()).not.toContain("nouvelle.recrue@pivot.demo");
  });

  it("only an admin confirms an erasure; only a cadre of her service (or an admin) deactivates someone", async () => {
    const erase = { userId: ids.recrue!, confirmation: "oui" };
    for (const who of ["recrue", "tuteur", "cadre"] as const) {
      const res = await run(() =>
        (suppressions.action as Loader)({ request: request("/admin/suppressions", { cookie: cookies[who], form: erase }), params: {}, context: {} }),
      );
      expect(res.response?.status, who).toBe(403);
    }
    const leave = { intent: "desactiver", confirmation: "oui" };
    for (const who of ["recrue", "tuteur", "autre_cadre"] as const) {
      const res = await run(() =>
        (personne.action as Loader)({
          request: request(`/equipe/${ids.recrue}`, { cookie: cookies[who], form: leave }),
          params: { personne: ids.recrue! },
          context: {},
        }),
      );
      expect(res.response?.status, who).toBe(403);
    }
    // A cadre cannot reactivate (an admin does): 403 before anything changes.
    const back = await run(() =>
      (personne.action as Loader)({
        request: request(`/equipe/${ids.recrue}`, { cookie: cookies.cadre, form: { intent: "reactiver" } }),
        params: { personne: ids.recrue! },
        context: {},
      }),
    );
    expect(back.response?.status).toBe(403);
    expect((await getDb().query.users.findFirst({ where: eq(users.id, ids.recrue!) }))!.deactivatedAt).toBeNull();
  });

  it("a tutor cannot act on someone who is not her mentee, a learner cannot act as a tutor", async () => {
    const form = { intent: "valider-competence", competencyId: "gi-identitovigilance", level: "operationnelles", observedOn: "2026-11-01", evidence: "x" };
    const asLearner = await run(() =>
      (mentee.action as Loader)({
        request: request(`/tutorat/${ids.recrue}`, { cookie: cookies.confirmee, form }),
        params: { personne: ids.recrue! },
        context: {},
      }),
    );
    expect(asLearner.response?.status).toBe(403);
    const otherMentee = await run(() =>
      (mentee.action as Loader)({
        request: request(`/tutorat/${ids.confirmee}`, { cookie: cookies.tuteur, form }),
        params: { personne: ids.confirmee! },
        context: {},
      }),
    );
    expect(otherMentee.response?.status).toBe(403);
  });
});

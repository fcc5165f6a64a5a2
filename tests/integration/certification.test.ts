// The certifying pathway through the real stack: a block assessment taken through its route, evidence
// gathered from attempts and tutor validations, the rules applied, corrections taken into account.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { moduleProgress, users } from "../../db/schema";
import { getBlockAssessment } from "~/content/modules.server";
import { certificationOf } from "~/models/certification-evidence.server";
import { addValidation, correctValidation } from "~/models/tutoring.server";
import * as evaluation from "~/routes/blocs.$bloc_.evaluation";
import * as certification from "~/routes/certification";
import { getDb } from "~/utils/db.server";
import { answersFor } from "../helpers/right-answers";
import { BASE, request, run, signIn, unwrap } from "../helpers/requests";
import { getCertificateByCode } from "~/models/certificate-registry.server";
import { decodeQr, qrDrawnIn } from "../helpers/qr";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const BLOCK = "gestion-information";
const here = `/blocs/${BLOCK}/evaluation`;
let cookie: string;
let learnerId: string;
let tutorId: string;

beforeAll(async () => {
  cookie = await signIn("secretaire.confirmee@pivot.demo");
  learnerId = (await getDb().query.users.findFirst({ where: eq(users.email, "secretaire.confirmee@pivot.demo") }))!.id;
  tutorId = (await getDb().query.users.findFirst({ where: eq(users.email, "tuteur@pivot.demo") }))!.id;
});

type RouteModule = { loader: unknown; default: unknown; ErrorBoundary?: unknown };

/**
 * Renders a route as the server would (loader, then its component or its error boundary), with React Router's
 * static handler; a redirect comes back as the Response.
 */
async function renderRoute(mod: RouteModule, pattern: string, url: string, clientAddress = "10.9.9.9") {
  const { createElement } = await import("react");
  const { renderToStaticMarkup } = await import("react-dom/server");
  const { createStaticHandler, createStaticRouter, StaticRouterProvider } = await import("react-router-dom/server");
  const routes = [
    {
      id: "page",
      path: pattern,
      loader: ({ request: req, params }: { request: Request; params: Record<string, string | undefined> }) =>
        (mod.loader as Fn)({ request: req, params: params as Record<string, string>, context: { clientAddress } }),
      Component: mod.default as () => JSX.Element,
      ErrorBoundary: mod.ErrorBoundary as (() => JSX.Element) | undefined,
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(new URL(url, BASE)));
  if (context instanceof Response) return { status: context.status, location: context.headers.get("Location"), html: "" };
  const router = createStaticRouter(handler.dataRoutes, context);
  return { status: context.statusCode, location: null, html: renderToStaticMarkup(createElement(StaticRouterProvider, { router, context, hydrate: false })) };
}

async function load(search = "") {
  const { data, response } = await run(() =>
    (evaluation.loader as Fn)({ request: request(`${here}${search}`, { cookie }), params: { bloc: BLOCK }, context: {} }),
  );
  if (!data) throw new Error(`loader failed: ${response?.status}`);
  return data as Awaited<ReturnType<typeof evaluation.loader>>;
}

describe("the certifying pathway", () => {
  it("starts with nothing validated and says what to do first", async () => {
    const result = await certificationOf(learnerId);
    expect(result.validated).toBe(false);
    expect(result.blocks.find((b) => b.blockId === BLOCK)!.validatedLevel).toBeNull();
    expect(result.summary).toMatch(/^Il vous reste : /);
  });

  it("a block assessment drawn across the block's modules is graded, leaves module progress alone, and counts as evidence", async () => {
    const start = await run(() =>
      (evaluation.action as Fn)({ request: request(here, { cookie, form: { intent: "commencer" } }), params: { bloc: BLOCK }, context: {} }),
    );
    expect(start.response?.status).toBe(302);
    const open = (await load()).openAttempt!;
    expect(open.questions.length).toBe(getBlockAssessment(BLOCK)!.quiz!.drawCount);
    expect(JSON.stringify(open)).not.toMatch(/"correct"\s*:\s*true|explanation/);
    const form = { intent: "envoyer", attemptId: open.id, ...answersFor(getBlockAssessment(BLOCK)!.quiz!.questions, open.questions) };
    const sent = await run(() => (evaluation.action as Fn)({ request: request(here, { cookie, form }), params: { bloc: BLOCK }, context: {} }));
    expect(sent.response?.headers.get("Location")).toMatch(/\?tentative=.+#resultat$/);
    const shown = await load(`?tentative=${open.id}`);
    expect(shown.result?.score).toBe(100);
    expect(shown.best).toBe(100);
    const progress = await getDb()
      .select()
      .from(moduleProgress)
      .where(and(eq(moduleProgress.userId, learnerId), eq(moduleProgress.moduleId, `evaluation-${BLOCK}`)));
    expect(progress).toEqual([]);

    const result = await certificationOf(learnerId);
    const block = result.blocks.find((b) => b.blockId === BLOCK)!;
    expect(block.levels[0]!.assessmentMet).toBe(true);
    expect(block.validatedLevel).toBe("generales"); // the quiz answers of the assessment count for the competency too
    expect(block.nextActions.join(" ")).toMatch(/en situation de travail avec votre tuteur/);
  });

  it("two observations on different days validate the next level; correcting one takes it back", async () => {
    await addValidation({
      learnerId,
      tutorId,
      validation: {
        competencyId: "gi-identitovigilance",
        level: "operationnelles",
        observedOn: "2026-11-02",
        evidence: "Accueil d'un patient, identité vérifiée.",
      },
    });
    const second = await addValidation({
      learnerId,
      tutorId,
      validation: {
        competencyId: "gi-identitovigilance",
        level: "operationnelles",
        observedOn: "2026-11-09",
        evidence: "Homonymie repérée.",
      },
    });
    expect((await certificationOf(learnerId)).blocks.find((b) => b.blockId === BLOCK)!.validatedLevel).toBe("operationnelles");
    await correctValidation({
      learnerId,
      validationId: second,
      tutorId,
      validation: {
        competencyId: "gi-identitovigilance",
        level: "generales",
        observedOn: "2026-11-09",
        evidence: "Niveau revu à la baisse.",
      },
    });
    expect((await certificationOf(learnerId)).blocks.find((b) => b.blockId === BLOCK)!.validatedLevel).toBe("generales");
  });

  it("the /certification page shows each block's levels to the learner", async () => {
    const { data } = await run(() => (certification.loader as Fn)({ request: request("/certification", { cookie }), params: {}, context: {} }));
    const page = data as Awaited<ReturnType<typeof certification.loader>>;
    expect(page.blocks).toHaveLength(3);
    expect(page.blocks.find((b) => b.id === BLOCK)!.ladder.map((l) => l.validated)).toEqual([true, false, false]);
    const anonymous = await run(() => (certification.loader as Fn)({ request: request("/certification"), params: {}, context: {} }));
    expect(anonymous.response?.status).toBe(302);
  });
});

describe("certificates", async () => {
  const crypto = await import("node:crypto");
  const { certificates } = await import("../../db/schema");
  const { issueCertificates, listCertificates } = await import("~/models/certificate-registry.server");
  const publicPage = await import("~/routes/certificats.$code");
  const pdfRoute = await import("~/routes/certificats.$code_.pdf");
  const jwtRoute = await import("~/routes/certificats.$code_.openbadge[.]jwt");
  const jsonRoute = await import("~/routes/certificats.$code_.openbadge[.]json");
  const jwks = await import("~/routes/[.well-known].jwks[.]json");
  let code: string;
  // The client's address as scripts/server.js hands it to loaders (from the socket, not from headers).
  const ip = (n: number) => `10.0.0.${n}`;
  const get = (fn: Fn, path: string, params: Record<string, string>, address = ip(1), cookie?: string) =>
    run(() => fn({ request: request(path, { cookie }), params, context: { clientAddress: address } }));

  it("are issued exactly once, even when several requests trigger the issuance together", async () => {
    // The /certification page above already issued it: start again from none.
    await getDb().delete(certificates).where(eq(certificates.userId, learnerId));
    const counts = await Promise.all([1, 2, 3, 4, 5].map(() => issueCertificates(learnerId)));
    const rows = await getDb().select().from(certificates).where(eq(certificates.userId, learnerId));
    expect(rows.map((r) => `${r.kind}:${r.blockId}:${r.level}`).sort()).toEqual([`bloc:${BLOCK}:generales`]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await issueCertificates(learnerId)).toBe(0);
    code = rows[0]!.code;
    expect(code).toMatch(/^[a-z2-7]{32}$/);
    expect(rows[0]!.validUntil).toBe(`${Number(rows[0]!.issuedAt.slice(0, 4)) + 3}${rows[0]!.issuedAt.slice(4)}`); // identitovigilance: 3 years
    expect((await listCertificates(learnerId)).length).toBe(1);
  });

  it("can be verified by anyone, showing nothing more than what was certified", async () => {
    const { data } = await get(publicPage.loader as Fn, `/certificats/${code}`, { code });
    const page = data as { view: Record<string, unknown>; isAdmin: boolean };
    expect(page.view.status).toBe("valide");
    expect(page.view.holderName).toBe("Nadia Benali");
    expect(Object.keys(page.view).sort()).toEqual([
      "code",
      "history",
      "holderErased",
      "holderName",
      "issuedAt",
      "level",
      "renewedAt",
      "renewedBy",
      "revokedAt",
      "revokedReason",
      "status",
      "statusLabel",
      "title",
      "validUntil",
    ]);
    expect(page.view.history).toEqual([]); // a first certificate has no chain to show
    for (const bad of ["inconnu", "a".repeat(32), `${code.slice(0, 31)}'`]) {
      const res = await get(publicPage.loader as Fn, `/certificats/${bad}`, { code: bad });
      expect(res.response?.status).toBe(404);
    }
  });

  it("cannot be enumerated: too many lookups from one address are refused for a while", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await get(publicPage.loader as Fn, `/certificats/x${i}`, { code: `x${i}` }, ip(99))).response?.status ?? 200);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect((await get(publicPage.loader as Fn, `/certificats/${code}`, { code }, ip(98))).data).toBeTruthy(); // other addresses are unaffected
  });

  it("comes as a one-page PDF and as an Open Badges 3.0 credential signed by the platform's key", async () => {
    const pdf = (await get(pdfRoute.loader as Fn, `/certificats/${code}/pdf`, { code }, ip(2))).response!;
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { PDFDocument } = await import("pdf-lib");
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);

    const json = JSON.parse(await (await get(jsonRoute.loader as Fn, `/certificats/${code}/openbadge.json`, { code }, ip(2))).response!.text());
    expect(json.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(json.credentialSubject.achievement.type).toEqual(["Achievement"]);

    const jwt = await (await get(jwtRoute.loader as Fn, `/certificats/${code}/openbadge.jwt`, { code }, ip(2))).response!.text();
    const { keys } = JSON.parse(await ((await (jwks.loader as () => Promise<Response>)()) as Response).text());
    const [header, payload, signature] = jwt.split(".");
    expect(JSON.parse(Buffer.from(header!, "base64url").toString())).toMatchObject({ alg: "EdDSA", typ: "vc+jwt", kid: keys[0].kid });
    const key = crypto.createPublicKey({ key: keys[0], format: "jwk" });
    expect(crypto.verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature!, "base64url"))).toBe(true);
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), name: "Autre titre" })).toString("base64url");
    expect(crypto.verify(null, Buffer.from(`${header}.${forged}`), key, Buffer.from(signature!, "base64url"))).toBe(false);
  });

  const pdfModel = await import("~/models/certificate-pdf.server");
  const view = await import("~/models/certificate-public-view.server");
  const { getEnv } = await import("~/utils/env.server");
  const { getReferential } = await import("~/content/modules.server");
  const { formatDay } = await import("~/utils/dates");
  const { DEMO_ESTABLISHMENT } = await import("../../db/seed");
  const verifyUrlOf = (c: string) => `${getEnv().PUBLIC_URL}/certificats/${c}`;
  const documentOf = async (c: string, address: string) => {
    const { view: v, details } = await view.printableCertificate(request(`/certificats/${c}/pdf`), c, verifyUrlOf, { clientAddress: address });
    return { view: v, details, verifyUrl: verifyUrlOf(c) };
  };

  it("the PDF reads as a certificate: establishment, holder, block and level, competencies, dates, who issued it, where to verify it", async () => {
    const document = await documentOf(code, ip(5));
    const texts = pdfModel.certificateLines(document).map((l) => l.text);
    const block = getReferential().blocks.find((b) => b.id === BLOCK)!;
    expect(texts).toContain(DEMO_ESTABLISHMENT); // the holder's establishment
    expect(texts).toContain("CERTIFICAT");
    expect(texts).toContain("Nadia Benali");
    expect(texts).toContain(`Bloc ${block.number} — ${block.title} (connaissances générales)`);
    expect(texts).toContain("Niveau\u00a0: Connaissances générales (niveau 1 sur 3)");
    expect(texts).toContain(`Bloc ${block.number} — ${block.title}`);
    for (const competency of block.competencies) expect(texts).toContain(competency.title); // from the certificate's evidence
    expect(texts).toContain(`Délivré le ${formatDay(document.view.issuedAt)} · valide jusqu'au ${formatDay(document.view.validUntil)}`);
    // Issued by the rules, not by a person: the platform, and a blank line for the cadre's visa.
    expect(texts).toEqual(expect.arrayContaining(["Délivré par la plateforme Pivot", "Visa du cadre de santé"]));
    expect(texts.join("\n")).toContain(verifyUrlOf(code));
    expect(texts).toContain(`Code de vérification\u00a0: ${code}`);

    const page = await renderRoute(publicPage, "/certificats/:code", `/certificats/${code}`, ip(5));
    expect(page.html).toContain(`href="/certificats/${code}/pdf"`); // offered while it is valid
  });

  it("the PDF's QR code decodes back to the verification page", async () => {
    const qr = pdfModel.certificateQr(verifyUrlOf(code));
    expect(qr.modules.length).toBeGreaterThanOrEqual(21);
    expect(qr.quietZone).toBeGreaterThanOrEqual(4);
    expect(await decodeQr(qr.modules, qr.quietZone)).toBe(verifyUrlOf(code));
    expect(await decodeQr(pdfModel.certificateQr(verifyUrlOf("a".repeat(32))).modules, 4)).toBe(verifyUrlOf("a".repeat(32))); // not a constant picture

    // The same code, read from the rectangles the PDF actually draws.
    const pdf = (await get(pdfRoute.loader as Fn, `/certificats/${code}/pdf`, { code }, ip(6))).response!;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const { grid, rectangles } = await qrDrawnIn(new Uint8Array(await pdf.arrayBuffer()), qr);
    expect(rectangles).toBeGreaterThan(50);
    expect(grid.length).toBe(qr.modules.length + 2 * qr.quietZone);
    for (const i of [0, 1, 2, 3, grid.length - 1]) {
      expect(grid[i]!.some(Boolean)).toBe(false); // the quiet zone stays white
      expect(grid.some((row) => row[i])).toBe(false);
    }
    expect(await decodeQr(grid, 0)).toBe(verifyUrlOf(code));
    // Module for module, the right way up (jsQR would also read a mirrored code).
    const blank = Array<boolean>(qr.quietZone).fill(false);
    const padded = [
      ...Array.from({ length: qr.quietZone }, () => Array<boolean>(grid.length).fill(false)),
      ...qr.modules.map((row) => [...blank, ...row, ...blank]),
      ...Array.from({ length: qr.quietZone }, () => Array<boolean>(grid.length).fill(false)),
    ];
    expect(grid).toEqual(padded);
    // The QR code sits inside the page and below the text of the certificate.
    expect(qr.x).toBeGreaterThan(36);
    expect(qr.x + qr.size).toBeLessThan(pdfModel.PAGE.width - 36);
    expect(qr.y + qr.size).toBeLessThan(pdfModel.MAIN_BOTTOM);
  });

  it("a long competency list still fits on the page, above the signature, in readable type", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const { embedUnicodeFonts } = await import("~/utils/pdf-fonts.server");
    const fonts = await embedUnicodeFonts(await PDFDocument.create());
    const document = await documentOf(code, ip(7));
    const long = "Utiliser et paramétrer les logiciels métier et les agendas du service";
    const details = {
      ...document.details,
      kind: "parcours" as const,
      establishment: "Centre hospitalier intercommunal de Saint-Étienne-du-Rouvray et des communes avoisinantes",
      competencies: [1, 2, 3].map((n) => ({ title: `Bloc ${n}`, items: Array.from({ length: 10 }, (_, i) => `${long} ${i}`) })),
    };
    const placed = pdfModel.layoutCertificate(pdfModel.certificateLines({ ...document, details }), fonts);
    const main = placed.filter((p) => p.zone === "main");
    expect(Math.min(...main.map((p) => p.y))).toBeGreaterThanOrEqual(pdfModel.MAIN_BOTTOM);
    expect(Math.min(...main.map((p) => p.size))).toBeGreaterThanOrEqual(5);
    for (const p of placed) {
      const width = (p.bold ? fonts.bold : fonts.regular).widthOfTextAtSize(p.text, p.size);
      expect(p.x).toBeGreaterThanOrEqual(36);
      expect(p.x + width).toBeLessThanOrEqual(pdfModel.PAGE.width - 36);
      expect(p.y).toBeGreaterThan(36);
    }
    const drawn = main.map((p) => p.text).join(" ");
    for (const n of [1, 2, 3]) expect(drawn).toContain(`Bloc ${n}`);
    expect(drawn.split(`${long} 9`).length - 1).toBe(3); // every competency drawn, none cut
  });

  it("an admin revokes it with a reason; the verification page then says so; nobody else can", async () => {
    const learner = await run(() =>
      (publicPage.action as Fn)({ request: request(`/certificats/${code}`, { cookie, form: { reason: "Erreur de saisie" } }), params: { code }, context: {} }),
    );
    expect(learner.response?.status).toBe(403);
    const admin = await signIn("admin@pivot.demo");
    const noReason = await run(() =>
      (publicPage.action as Fn)({ request: request(`/certificats/${code}`, { cookie: admin, form: { reason: "" } }), params: { code }, context: {} }),
    );
    expect((noReason.data as { init?: { status?: number } }).init?.status).toBe(400);
    // Without the confirmation box ticked, nothing is revoked.
    const unconfirmed = await run(() =>
      (publicPage.action as Fn)({
        request: request(`/certificats/${code}`, { cookie: admin, form: { reason: "Observation saisie par erreur." } }),
        params: { code },
        context: {},
      }),
    );
    expect(unwrap(unconfirmed.data).status).toBe(400);
    expect((await getCertificateByCode(code))!.revokedAt).toBeNull();
    await run(() =>
      (publicPage.action as Fn)({
        request: request(`/certificats/${code}`, { cookie: admin, form: { reason: "Observation saisie par erreur.", confirmation: "oui" } }),
        params: { code },
        context: {},
      }),
    );
    const { data } = await get(publicPage.loader as Fn, `/certificats/${code}`, { code }, ip(3));
    expect((data as { view: { status: string; revokedReason: string } }).view).toMatchObject({
      status: "revoque",
      revokedReason: "Observation saisie par erreur.",
    });
  });

  it("a revoked certificate's PDF is no longer offered: 410 with the reason, and no link to it on the page", async () => {
    const pdf = (await get(pdfRoute.loader as Fn, `/certificats/${code}/pdf`, { code }, ip(8))).response!;
    expect(pdf.status).toBe(410);
    expect(pdf.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const body = await pdf.text();
    expect(body).toMatch(/^Ce certificat a été révoqué le .+ \(motif\u00a0: Observation saisie par erreur\.\)\u00a0: son PDF n'est plus délivré\./);
    expect(body).toContain(verifyUrlOf(code));

    const page = await renderRoute(publicPage, "/certificats/:code", `/certificats/${code}`, ip(8));
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-certificate-status="revoque"');
    expect(page.html).not.toContain(`/certificats/${code}/pdf`);
    expect(page.html).not.toContain("Télécharger le PDF");
    expect(page.html).toContain("son PDF et ses badges numériques ne sont plus délivrés");
  });

  it("an expired certificate says so", async () => {
    await getDb().update(certificates).set({ validUntil: "2020-01-01", revokedAt: null }).where(eq(certificates.code, code));
    const { data } = await get(publicPage.loader as Fn, `/certificats/${code}`, { code }, ip(4));
    expect((data as { view: { status: string } }).view.status).toBe("expire");
  });

  describe("a code typed by an employer", async () => {
    const verify = await import("~/routes/certificats._index");

    it("/certificats asks for a code, without an account", async () => {
      const page = await renderRoute(verify, "/certificats", "/certificats");
      expect(page.status).toBe(200);
      expect(page.html).toContain("<h1");
      expect(page.html).toContain("Vérifier un certificat");
      expect(page.html).toMatch(/<form[^>]*method="get"[^>]*action="\/certificats"/);
      expect(page.html).toMatch(/<input[^>]*name="code"/);
      expect(page.html).not.toContain('class="field-error"');
    });

    it("a well-formed code, typed with spaces and capitals or pasted as the address, goes to its page", async () => {
      const spaced = ` ${code.toUpperCase().match(/.{4}/g)!.join(" ")}  `;
      for (const typed of [spaced, code, verifyUrlOf(code), `${verifyUrlOf(code)}/pdf`]) {
        const page = await renderRoute(verify, "/certificats", `/certificats?${new URLSearchParams({ code: typed })}`);
        expect(page.status, typed).toBe(302);
        expect(page.location, typed).toBe(`/certificats/${code}`);
      }
    });

    it("a malformed code is explained in French under the field, keeping what was typed", async () => {
      const typed = "ABCD 0189 efgh";
      const page = await renderRoute(verify, "/certificats", `/certificats?${new URLSearchParams({ code: typed })}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('value="ABCD 0189 efgh"');
      expect(page.html).toContain('aria-invalid="true"');
      expect(page.html).toMatch(/aria-describedby="code-aide code-erreur"/);
      const error = /<p id="code-erreur" class="field-error">([^<]*)<\/p>/.exec(page.html)?.[1];
      expect(error).toContain("Ce code n&#x27;a pas la forme d&#x27;un code de certificat\u00a0: il doit compter 32 caractères");
      expect(error).toContain("Celui-ci en compte 12.");
      expect(error).toContain("Ces caractères n&#x27;y figurent jamais\u00a0: 0 1 8 9.");
      const empty = await renderRoute(verify, "/certificats", "/certificats?code=+");
      expect(empty.html).toContain("Saisissez le code du certificat");
    });

    it("an unknown code answers a 404 written for an employer, with a way to type it again", async () => {
      const unknown = "a".repeat(32);
      const { response } = await get(publicPage.loader as Fn, `/certificats/${unknown}`, { code: unknown }, ip(9));
      expect(response?.status).toBe(404);
      const page = await renderRoute(publicPage, "/certificats/:code", `/certificats/${unknown}`, ip(9));
      expect(page.status).toBe(404);
      expect(page.html).toContain('data-error-status="404"');
      expect(page.html).toContain("Certificat introuvable");
      expect(page.html).toContain("Aucun certificat ne correspond à ce code.");
      expect(page.html).toContain("Vérifiez qu&#x27;il a été recopié en entier");
      expect(page.html).toContain('href="/certificats"');
      expect(page.html).not.toContain("Revenir au tableau de bord");
      expect(page.html).not.toContain('href="/"');
    });

    it("too many lookups answer a 429 that says when to try again", async () => {
      for (let i = 0; i < 30; i++) await get(publicPage.loader as Fn, `/certificats/x${i}`, { code: `x${i}` }, ip(10));
      const page = await renderRoute(publicPage, "/certificats/:code", `/certificats/${code}`, ip(10));
      expect(page.status).toBe(429);
      expect(page.html).toContain("Trop de vérifications");
      expect(page.html).toContain("Réessayez dans une minute");
    });
  });
});

describe("specialty complements", async () => {
  const mentee = await import("~/routes/tutorat.$personne");
  const { listCertificates } = await import("~/models/certificate-registry.server");

  it("a tutor attests a complement once, as a separate certificate; a learner cannot", async () => {
    const recrueId = (await getDb().query.users.findFirst({ where: eq(users.email, "nouvelle.recrue@pivot.demo") }))!.id;
    const tutor = await signIn("tuteur@pivot.demo");
    const form = {
      intent: "attestation",
      complementId: "sp-specialite",
      level: "operationnelles",
      note: "Entretien avec le cardiologue et trois semaines d'observation.",
    };
    const call = (c: string) =>
      run(() => (mentee.action as Fn)({ request: request(`/tutorat/${recrueId}`, { cookie: c, form }), params: { personne: recrueId }, context: {} }));
    expect((await call(cookie)).response?.status).toBe(403); // another learner
    const first = await call(tutor);
    expect((first.data as { ok: boolean }).ok).toBe(true);
    const again = await call(tutor);
    expect((again.data as { init?: { status?: number } }).init?.status).toBe(409);
    const list = await listCertificates(recrueId);
    expect(list.filter((c) => c.kind === "complement").map((c) => c.title)).toEqual([
      expect.stringMatching(/^Attestation — .+ \(connaissances opérationnelles\)$/),
    ]);
  });

  it("a complement's PDF names the tutor who attested it; after the holder's erasure it names the holder no more", async () => {
    const { certificateLines } = await import("~/models/certificate-pdf.server");
    const { ERASED_HOLDER, printableCertificate } = await import("~/models/certificate-public-view.server");
    const { eraseAccount, requestErasure } = await import("~/models/account-lifecycle.server");
    const { getReferential } = await import("~/content/modules.server");
    const { DEMO_ESTABLISHMENT } = await import("../../db/seed");
    const { attestComplement } = await import("~/models/certificate-registry.server");
    const crypto = await import("node:crypto");
    const adminId = (await getDb().query.users.findFirst({ where: eq(users.email, "admin@pivot.demo") }))!.id;
    const holderId = crypto.randomUUID();
    await getDb()
      .insert(users)
      .values({ id: holderId, email: "attestee@pivot.demo", name: "Léa Attestée", role: "learner", profile: "confirmee", establishment: DEMO_ESTABLISHMENT });
    expect(
      await attestComplement({
        learnerId: holderId,
        attestation: { complementId: "sp-specialite", level: "generales", note: "Trois semaines d'observation." },
        by: tutorId,
      }),
    ).toBe(true);
    const { code } = (await listCertificates(holderId))[0]!;
    const linesOf = async (n: number) => {
      const { view, details } = await printableCertificate(request(`/certificats/${code}/pdf`), code, (c) => `http://localhost/certificats/${c}`, {
        clientAddress: `10.3.0.${n}`,
      });
      return certificateLines({ view, details, verifyUrl: `http://localhost/certificats/${code}` });
    };
    const lines = await linesOf(1);
    const signature = lines.filter((l) => l.zone === "signature").map((l) => l.text);
    expect(signature).toEqual(["Attesté par", "Sophie Lefèvre", "Tutrice ou tuteur", "Signature"]);
    expect(lines.map((l) => l.text)).not.toContain("Délivré par la plateforme Pivot");
    const complement = getReferential().complements.find((c) => c.id === "sp-specialite")!;
    expect(lines.map((l) => l.text)).toEqual(
      expect.arrayContaining(["Compétence attestée", complement.title, complement.description, "Léa Attestée", DEMO_ESTABLISHMENT]),
    );

    await requestErasure({ userId: holderId, address: null });
    expect(await eraseAccount({ userId: holderId, by: adminId, address: null })).toBe(true);
    const erased = (await linesOf(2)).map((l) => l.text);
    expect(erased).toContain(ERASED_HOLDER);
    expect(erased.join("\n")).not.toContain("Léa");
    expect(erased).toContain("Sophie Lefèvre"); // the tutor's name is hers, not the holder's
  });
});

// WCAG 2.1 AA checks with axe-core on every main page, on a 1366 px desktop and a 390 px phone; each page
// checked is also saved as a screenshot (tests/.tmp/screenshots, a test artefact, never committed) so a
// reviewer can look at the whole site at both sizes.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";

async function violations(page: Page) {
  const result = await new AxeBuilder({ page: page as never }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

describe.each([
  ["1366", { width: 1366, height: 900 }],
  ["390", { width: 390, height: 844 }],
])("accessibility on %s", (label, viewport) => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch({ viewport });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the sign-in page has no WCAG A/AA violation", async () => {
    await browser.page.goto("/connexion");
    expect(await violations(browser.page)).toEqual([]);
  });

  it("the dashboard, a module with its quiz, and the 403 page have none either", async () => {
    const { page } = browser;
    await signIn(page, "secretaire.confirmee@pivot.demo");
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `20-tableau-de-bord-confirmee-${label}`);
    await page.goto("/modules/identitovigilance");
    const start = page.getByRole("button", { name: /Commencer le quiz|Refaire le quiz/ });
    if (await start.count()) await start.click();
    await page.locator("[data-question-id]").first().waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `21-module-${label}`);
    await page.goto("/tutorat");
    expect(await violations(page)).toEqual([]);
  });

  // One page per test: a slow page on a busy machine never eats the time of the others.
  const SWEEP: [string, string][] = [
    ...["/", "/parcours", "/blocs", "/blocs/ecosysteme-soins", "/fiches-reflexes", "/recherche?q=coeur", "/certification", "/revisions", "/actualisation", "/blocs/gestion-information/evaluation", "/fiches-reflexes/cardiologie", "/fiches-reflexes/pediatrie", "/glossaire", "/modules/anatomie-secretariat", "/modules/archives-conservation", "/situations/appel-rendez-vous-alerte", "/mon-compte", "/mon-compte/donnees", "/confidentialite", "/mot-de-passe-oublie"].map(
      (path): [string, string] => ["nouvelle.recrue@pivot.demo", path],
    ),
    ["secretaire.confirmee@pivot.demo", "/"],
    ["secretaire.confirmee@pivot.demo", "/certificats/<code>"],
    ["tuteur@pivot.demo", "/"],
    ["tuteur@pivot.demo", "/tutorat"],
    ["tuteur@pivot.demo", "/tutorat/<tutorée>"],
    ...["/", "/equipe", "/equipe/nouveau", "/equipe/parcours"].map((path): [string, string] => ["cadre@pivot.demo", path]),
    ...["/", "/admin", "/admin/journal", "/admin/suppressions", "/equipe/<tutrice>", "/certificats", "/certificats?code=abc"].map((path): [string, string] => ["admin@pivot.demo", path]),
  ];
  /** Tables that scroll inside their own region, on purpose. */
  const WIDE = ["/equipe", "/admin/journal"];
  let signedInAs: string | null = null;

  for (const [email, path] of SWEEP)
    it(`${path} (${email}) has no violation and never scrolls sideways`, async () => {
      const { page } = browser;
      if (signedInAs !== email) {
        signedInAs = null;
        await page.context().clearCookies();
        await signIn(page, email);
        signedInAs = email;
      }
      if (path === "/tutorat/<tutorée>") {
        await page.goto("/tutorat");
        await page.locator("[data-mentee] h2 a").first().click();
        await page.getByRole("heading", { level: 1, name: /Suivi de/ }).waitFor();
      } else if (path === "/certificats/<code>") {
        await page.goto("/certification");
        const href = await page.locator('main a[href^="/certificats/"]').first().getAttribute("href");
        await page.goto(href!);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
      } else if (path === "/equipe/<tutrice>") {
        await page.goto("/equipe");
        await page.getByRole("link", { name: "Sophie Lefèvre" }).click();
        await page.getByRole("heading", { level: 1, name: "Sophie Lefèvre" }).waitFor();
      } else {
        await page.goto(path);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
      }
      expect(await violations(page), `${path} (${email})`).toEqual([]);
      if (!WIDE.includes(path)) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      const name = path.replace(/[^a-zé]+/g, "-").replace(/^-|-$/g, "") || "accueil";
      await screenshot(page, `25-${name}-${email.split("@")[0]}-${label}`);
    });

  it("the established staff's pages have none either: positioning test, update and renewal quizzes, refresher catalogue", async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await signIn(page, "secretaire.confirmee@pivot.demo");
    await page.goto("/blocs/competences-transversales/positionnement");
    const start = page.getByRole("button", { name: "Commencer le test" });
    if (await start.count()) await start.click();
    await page.locator("[data-question-id]").first().waitFor();
    expect(await violations(page), "test de positionnement").toEqual([]);
    for (const path of ["/actualisation", "/modules/ethique-numerique-ia/mise-a-jour", "/certification/renouvellement/competences-transversales"]) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      expect(await violations(page), path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });

  it("the page never scrolls sideways", async () => {
    const { page } = browser;
    await page.goto("/modules/identitovigilance");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

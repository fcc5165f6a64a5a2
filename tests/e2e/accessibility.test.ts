// WCAG 2.1 AA checks with axe-core on the pages of the first journey, desktop and phone.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";

async function violations(page: Page) {
  const result = await new AxeBuilder({ page: page as never }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

describe.each([
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 740 }],
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
    await screenshot(page, `20-tableau-de-bord-${label}`);
    await page.goto("/modules/identitovigilance");
    const start = page.getByRole("button", { name: /Commencer le quiz|Refaire le quiz/ });
    if (await start.count()) await start.click();
    await page.locator("[data-question-id]").first().waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `21-module-${label}`);
    await page.goto("/tutorat");
    expect(await violations(page)).toEqual([]);
  });

  it("the integration path, tutoring and team pages have none either, and never scroll sideways", async () => {
    const { page } = browser;
    const pages: [string, string[]][] = [
      ["nouvelle.recrue@pivot.demo", ["/parcours", "/certification", "/revisions", "/actualisation", "/blocs/gestion-information/evaluation", "/fiches-reflexes/cardiologie", "/fiches-reflexes/pediatrie", "/glossaire", "/modules/anatomie-secretariat", "/modules/archives-conservation", "/situations/appel-rendez-vous-alerte", "/mon-compte", "/confidentialite", "/mot-de-passe-oublie"]],
      ["tuteur@pivot.demo", ["/tutorat"]],
      ["cadre@pivot.demo", ["/equipe", "/equipe/nouveau", "/equipe/parcours"]],
    ];
    for (const [email, paths] of pages) {
      await page.context().clearCookies();
      await signIn(page, email);
      for (const path of paths) {
        await page.goto(path);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        expect(await violations(page), `${path} (${email})`).toEqual([]);
        if (path !== "/equipe") {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
        }
      }
      if (email === "tuteur@pivot.demo") {
        await page.locator("[data-mentee] h2 a").first().click();
        await page.getByRole("heading", { level: 1, name: /Suivi de/ }).waitFor();
        expect(await violations(page), "/tutorat/<tutorée>").toEqual([]);
        await screenshot(page, `22-suivi-${label}`);
      }
    }
  });

  // One page per test: a slow page on a busy machine never eats the time of the others.
  for (const [email, path] of [
    ["nouvelle.recrue@pivot.demo", "/mon-compte/donnees"],
    ["admin@pivot.demo", "/admin"],
    ["admin@pivot.demo", "/admin/journal"],
    ["admin@pivot.demo", "/admin/suppressions"],
    ["admin@pivot.demo", "/equipe/<tutrice>"],
  ] as const)
    it(`${path} has none either and never scrolls sideways`, async () => {
      const { page } = browser;
      await page.context().clearCookies();
      await signIn(page, email);
      if (path === "/equipe/<tutrice>") {
        await page.goto("/equipe");
        await page.getByRole("link", { name: "Sophie Lefèvre" }).click();
      } else await page.goto(path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      expect(await violations(page), path).toEqual([]);
      if (path !== "/admin/journal") {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      await screenshot(page, `25-${path.replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "")}-${label}`);
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

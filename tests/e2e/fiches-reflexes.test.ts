// A secretary covering an unknown service: header search → the fiche réflexe → a glossary definition
// from the keyboard → pin the fiche → find it on her dashboard; every fiche prints on one or two A4 pages.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "~/content/build.server";
import { launch, screenshot, signIn } from "../helpers/browser";
import { ROOT } from "../helpers/paths";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".content-cache", "manifest.json"), "utf8")) as Manifest;
let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages of a PDF produced by Chromium: one `/Type /Page` object per page. */
function pdfPageCount(pdf: Buffer) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe("fiches réflexes", () => {
  it("are found from the header search, explain their words, and can be pinned to the dashboard", async () => {
    const { page, consoleErrors } = browser;
    await signIn(page, "secretaire.confirmee@pivot.demo");

    // Search without accents from the header box, reached with the "/" shortcut.
    // Until the page is hydrated the shortcut does nothing: press it until the box takes the focus.
    await expect
      .poll(async () => {
        await page.keyboard.press("/");
        return page.evaluate(() => document.activeElement?.id);
      })
      .toBe("recherche");
    await page.keyboard.type("echocardiographie");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/recherche\?q=echocardiographie/);
    const ficheResult = page.locator('[data-result-kind="fiche"]').filter({ hasText: "Cardiologie" });
    await ficheResult.first().waitFor();
    expect(await ficheResult.first().locator("mark").count()).toBeGreaterThan(0);
    await screenshot(page, "40-recherche");

    await ficheResult.first().getByRole("link").click();
    await page.waitForURL("**/fiches-reflexes/cardiologie");
    await page.getByRole("heading", { level: 1, name: "Cardiologie" }).waitFor();
    for (const heading of ["Protocole de réponse", "Interlocuteurs clés", "Pièges à éviter"])
      await page.getByRole("heading", { level: 2, name: heading }).waitFor();

    // A glossary word in the text: focused with the keyboard, its definition appears and is announced.
    const term = page.locator("main [data-terme]").first();
    const termId = await term.getAttribute("data-terme");
    const entry = manifest.glossary.find((e) => e.id === termId)!;
    expect(entry, `glossary entry ${termId}`).toBeTruthy();
    await term.focus();
    const tipId = await term.getAttribute("aria-describedby");
    const tip = page.locator(`[id="${tipId}"]`);
    await tip.waitFor({ state: "visible" });
    expect(await tip.textContent()).toContain(entry.definition.slice(0, 30));
    await screenshot(page, "41-fiche-definition");
    await page.keyboard.press("Escape");
    await tip.waitFor({ state: "hidden" });

    // Pin, then find it on the dashboard.
    await page.getByRole("button", { name: "☆ Ajouter à mes fiches" }).click();
    await page.getByRole("button", { name: "★ Retirer de mes fiches" }).waitFor();
    await page.getByRole("link", { name: "Tableau de bord", exact: true }).first().click();
    await page.locator('[data-mes-fiches="cardiologie"]').waitFor();
    await screenshot(page, "42-tableau-de-bord-fiches");
    expect(consoleErrors).toEqual([]);
  });

  it("every fiche prints on one or two A4 pages, without the site's navigation", async () => {
    const { page } = browser;
    expect(manifest.fiches.length).toBeGreaterThanOrEqual(14);
    await page.emulateMedia({ media: "print" });
    for (const fiche of manifest.fiches) {
      await page.goto(`/fiches-reflexes/${fiche.frontmatter.id}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(
        await page
          .locator('header nav, nav[aria-label="Fil d\'Ariane"]')
          .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length),
      ).toBe(0);
      const pages = pdfPageCount(await page.pdf({ format: "A4", printBackground: false }));
      expect(pages, `${fiche.frontmatter.id} : ${pages} page(s)`).toBeGreaterThanOrEqual(1);
      expect(pages, `${fiche.frontmatter.id} : ${pages} page(s)`).toBeLessThanOrEqual(2);
    }
    await page.emulateMedia({ media: "screen" });
  });
});

// Each role lands on its own work (tutor, cadre), and on a 390 px phone the header is one compact line
// with a menu that opens, leads somewhere and closes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";

describe("role homes", () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the tutor lands on her mentees and opens the follow-up of the most urgent", async () => {
    const { page } = browser;
    await signIn(page, "tuteur@pivot.demo");
    const mentees = page
      .getByRole("region", { name: "Mes tutoré·es" })
      .or(page.locator("section", { has: page.getByRole("heading", { name: "Mes tutoré·es" }) }));
    await mentees.first().getByRole("link", { name: "Camille Martin" }).click();
    await page.getByRole("heading", { level: 1, name: /Suivi de Camille Martin/ }).waitFor();
    await page.goBack();
    await screenshot(page, "30-accueil-tutrice-1366");
  });

  it("the cadre lands on her team at a glance and opens a person late on her path", async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await signIn(page, "cadre@pivot.demo");
    await page.getByRole("heading", { name: "Mon équipe en un coup d'œil" }).waitFor();
    await screenshot(page, "31-accueil-cadre-1366");
    await page.locator('[data-glance="retards"]').getByRole("link", { name: "Camille Martin" }).click();
    await page.getByRole("heading", { level: 1, name: "Camille Martin" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/equipe\/[0-9a-f-]{36}$/);
    expect(browser.consoleErrors).toEqual([]);
  });
});

describe("on a 390 px phone", () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the header is one compact line; its menu opens, leads to a page and closes, and Escape closes it", async () => {
    const { page } = browser;
    await signIn(page, "nouvelle.recrue@pivot.demo");
    await page.locator("[data-next-step]").waitFor();
    const header = await page.locator("header").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(844 * 0.2);
    await screenshot(page, "32-accueil-recrue-390");
    const revisions = page.getByRole("link", { name: "Révisions", exact: true });
    expect(await revisions.isVisible()).toBe(false);
    await page.locator("header summary", { hasText: "Menu" }).click();
    await revisions.waitFor();
    await screenshot(page, "33-menu-390");
    await revisions.click();
    await page.getByRole("heading", { level: 1, name: /Révisions/ }).waitFor();
    await revisions.waitFor({ state: "hidden" });
    await page.locator("header summary", { hasText: "Menu" }).click();
    await revisions.waitFor();
    await page.keyboard.press("Escape");
    await revisions.waitFor({ state: "hidden" });
    expect(browser.consoleErrors).toEqual([]);
  });
});

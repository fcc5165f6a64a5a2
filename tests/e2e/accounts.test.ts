// « Mon compte » in Chromium: her sessions, and the export of her data as a JSON download.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";

let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("Mon compte", () => {
  it("is reached from her name, shows this device, and exports her data as valid JSON with nobody else's", async () => {
    const { page, consoleErrors } = browser;
    await signIn(page, "secretaire.confirmee@pivot.demo");
    await page.getByRole("link", { name: "Nadia Benali" }).click();
    await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
    await page.locator("[data-sessions]").getByText("cet appareil").waitFor();
    await screenshot(page, "90-mon-compte");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter mes données (JSON)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^pivot-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    expect(data.profile.email).toBe("secretaire.confirmee@pivot.demo");
    expect(data.certificates.length).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    for (const other of ["nouvelle.recrue@pivot.demo", "cadre@pivot.demo", "admin@pivot.demo"]) expect(text).not.toContain(other);
    // The readable summary agrees its counts in French (« 1 commentaire », « aucune échouée »).
    await page.getByRole("link", { name: "Voir le résumé de mes données" }).click();
    await page.getByRole("heading", { level: 1, name: "Mes données" }).waitFor();
    const signIns = await page.locator("dt", { hasText: "Tentatives de connexion" }).locator("xpath=following-sibling::dd").textContent();
    expect(signIns).toMatch(/^\d+, dont (aucune échouée|1 échouée|\d+ échouées)$/);
    expect(await page.locator("main").textContent()).not.toMatch(/aucun (tentative|validation|carte|fiche)|\(s\)/);
    expect(consoleErrors).toEqual([]);
  });
});

// An established secretary reviews five cards of the day from the keyboard: space shows the answer,
// 1 to 4 grade it; the dashboard shows what is left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";

let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const remaining = async (page: Awaited<ReturnType<typeof launch>>["page"]) => Number((await page.getByTestId("a-reviser").textContent())!.match(/^(\d+) carte/)?.[1] ?? 0);

describe("daily review", () => {
  it("reviews five cards with the keyboard and sees the count go down", async () => {
    const { page, consoleErrors } = browser;
    await signIn(page, "secretaire.confirmee@pivot.demo");
    await page.getByTestId("revisions-du-jour").getByText(/à réviser aujourd'hui/).waitFor();
    await page.getByRole("link", { name: "Révisions", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Révisions du jour" }).waitFor();
    const before = await remaining(page);
    expect(before).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < 5; i++) {
      const key = await page.locator("[data-card]").getAttribute("data-card");
      // Until the page is hydrated the shortcut does nothing: press until the answer shows.
      await expect
        .poll(async () => {
          await page.keyboard.press("Space");
          return page.getByText("Comment s'est passé votre rappel ?").count();
        })
        .toBe(1);
      if (i === 0) await screenshot(page, "70-revision-reponse");
      await page.keyboard.press(i % 2 ? "3" : "4");
      await expect.poll(() => page.locator("[data-card]").getAttribute("data-card").catch(() => null)).not.toBe(key);
    }
    expect(await remaining(page)).toBe(before - 5);
    await page.getByRole("link", { name: "Tableau de bord", exact: true }).click();
    await page.getByTestId("revisions-du-jour").waitFor();
    expect(consoleErrors).toEqual([]);
  });
});

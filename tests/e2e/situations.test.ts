// An interactive situation walked from a module page to its ending, with and without JavaScript.
import { afterAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";

const browsers: Awaited<ReturnType<typeof launch>>[] = [];
afterAll(async () => {
  for (const b of browsers) await b.close();
});

async function walkToTheEnd(javaScriptEnabled: boolean) {
  const browser = await launch({ javaScriptEnabled });
  browsers.push(browser);
  const { page } = browser;
  await signIn(page, "secretaire.confirmee@pivot.demo");
  await page.goto("/modules/priorisation-information");
  const practice = page.getByRole("region", { name: "Mise en pratique" });
  await practice.getByRole("link").first().click();
  await page.waitForURL(/\/situations\//);
  const title = await page.getByRole("heading", { level: 1 }).textContent();
  expect(title).toBeTruthy();

  // Each step: a choice, its feedback, then the next step or the ending (whichever shows up).
  const question = page.getByRole("group", { name: "Que dites-vous ou que faites-vous ?" });
  const score = page.getByText(/^Votre parcours : \d+ points? sur \d+\.$/);
  let steps = 0;
  for (;;) {
    await question.or(score).first().waitFor();
    if (await score.count()) break;
    const radios = question.getByRole("radio");
    const count = await radios.count();
    expect(count).toBeGreaterThanOrEqual(2);
    // Alternate between the first and the last choice, so the walk takes a branch other than the first.
    await radios.nth(steps % 2 ? count - 1 : 0).check();
    await page.getByRole("button", { name: "Valider ce choix" }).click();
    steps++;
    await page.locator(`#etape-${steps}`).getByText("Vous avez choisi :").waitFor();
    expect(steps).toBeLessThan(15);
  }
  expect(await page.getByText("Vous avez choisi :").count()).toBe(steps);
  expect(steps).toBeGreaterThanOrEqual(2);
  await screenshot(page, `80-situation-${javaScriptEnabled ? "js" : "sans-js"}`);

  // A tampered path gets a French message, not an error page.
  const url = new URL(page.url());
  const response = await page.goto(`${url.pathname}?parcours=inexistant`);
  expect(response?.status()).toBe(400);
  await page.getByText("Ce parcours ne correspond pas à cette situation").waitFor();
  await page.getByRole("link", { name: "Recommencer depuis le début" }).click();
  await page.getByRole("group", { name: "Que dites-vous ou que faites-vous ?" }).waitFor();
  return browser;
}

describe("interactive situations", () => {
  it("walk from the module page to the ending, with JavaScript", async () => {
    const { consoleErrors } = await walkToTheEnd(true);
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it("walk the same way without JavaScript, as plain forms", async () => {
    await walkToTheEnd(false);
  });
});

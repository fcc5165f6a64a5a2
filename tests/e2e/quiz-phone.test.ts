// The quiz on a 390 px phone: with JavaScript, one question per screen with « Question suivante », a
// progress count, and orderings answered with « Monter » / « Descendre »; without JavaScript, every
// question on one page, and an incomplete submission opens at the error banner.
import { afterAll, describe, expect, it } from "vitest";
import { answerQuiz, bankOf } from "../helpers/quiz-answers";
import { launch, screenshot, signIn } from "../helpers/browser";

const MODULE = "identitovigilance";
const browsers: Awaited<ReturnType<typeof launch>>[] = [];
afterAll(async () => {
  for (const b of browsers) await b.close();
});

async function openQuiz(javaScriptEnabled: boolean, width = 390) {
  const browser = await launch({ viewport: { width, height: 844 }, javaScriptEnabled });
  browsers.push(browser);
  const { page } = browser;
  await signIn(page, "secretaire.confirmee@pivot.demo");
  await page.goto(`/modules/${MODULE}`);
  const start = page.getByRole("button", { name: /Commencer le quiz|Refaire le quiz/ });
  if (await start.count()) await start.click();
  await page.locator("[data-question-id]").first().waitFor();
  return browser;
}

describe("the quiz on a phone", () => {
  it("with JavaScript: one question per screen, a count of answers, next and previous, then a passed quiz", async () => {
    const { page, consoleErrors } = await openQuiz(true);
    await page.locator("form[data-quiz-enhanced]").waitFor();
    const questions = page.locator("li[data-question-id]");
    const total = await questions.count();
    expect(total).toBeGreaterThan(3);
    await expect.poll(() => questions.locator("visible=true").count()).toBe(1);
    await page.getByText(`Question 1 sur ${total}`).first().waitFor();
    await screenshot(page, "36-quiz-390");
    await page.getByRole("button", { name: /Question suivante/ }).click();
    await page.getByText(`Question 2 sur ${total}`).first().waitFor({ state: "visible" });
    await page.getByRole("button", { name: /Question précédente/ }).click();
    await page.getByText(`Question 1 sur ${total}`).first().waitFor({ state: "visible" });
    await answerQuiz(page, MODULE);
    expect(await page.getByTestId("quiz-answered").textContent()).toMatch(new RegExp(`${total}\\s/\\s${total}\\s+répondues`));
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.waitForURL(/tentative=/);
    await page.getByTestId("score").waitFor();
    // A passed module is celebrated and points to what comes next.
    await page.locator("#resultat [data-celebration]").waitFor();
    await page.locator("#resultat").getByRole("link", { name: /^Module suivant : |^Retour au tableau de bord$/ }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it("without JavaScript: every question shows, and an incomplete submission opens at the error banner", async () => {
    const { page } = await openQuiz(false);
    const questions = page.locator("li[data-question-id]");
    expect(await questions.locator("visible=true").count()).toBe(await questions.count());
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.waitForURL((url) => url.hash === "#quiz-erreurs");
    await page.locator("#quiz-erreurs").waitFor();
    expect(await page.locator("#quiz-erreurs").textContent()).toMatch(/pas de réponse/);
  });
});

describe("the result of a missed quiz", () => {
  it("keeps each case above its question, links each miss to the section that teaches it, and moves the focus to the result, then to the new draw", async () => {
    const { page, consoleErrors } = await openQuiz(true, 1366);
    await page.locator("form[data-quiz-enhanced]").waitFor();
    const drawn = await page.locator("li[data-question-id]").evaluateAll((items) => items.map((li) => li.getAttribute("data-question-id")!));
    await answerQuiz(page, MODULE, drawn);
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.waitForURL(/tentative=/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("resultat");

    const bank = bankOf(MODULE).questions;
    const results = page.locator("#resultat li[data-result]");
    expect(await results.count()).toBe(drawn.length);
    for (let i = 0; i < drawn.length; i++) {
      const q = bank.find((b) => b.id === drawn[i])!;
      const text = (await results.nth(i).innerText()).replace(/\s+/g, " ");
      if (q.case) expect(text.indexOf(q.case.replace(/\s+/g, " ").slice(0, 30))).toBeLessThan(text.indexOf("Question "));
      // Every miss links to a section of this module that exists on the page.
      const href = await results.nth(i).locator("[data-reread]").getAttribute("href");
      expect(href).toMatch(/^#[a-z0-9-]+$/);
      expect(await page.locator(`h2${href}`).count()).toBe(1);
    }
    await screenshot(page, "37-quiz-result-1366");
    const first = results.first().locator("[data-reread]");
    const target = (await first.getAttribute("href"))!;
    await first.click();
    await page.waitForURL((url) => url.hash === target);
    expect(page.url()).toMatch(/tentative=/); // the result stays on the page to come back to
    await page.getByTestId("score").waitFor();

    await page.getByRole("button", { name: "Refaire le quiz" }).click();
    await page.waitForURL((url) => url.hash === "#quiz" && !url.search.includes("tentative"));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("quiz");
    expect(consoleErrors).toEqual([]);
  });
});

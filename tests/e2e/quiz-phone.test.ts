// The quiz on a 390 px phone: with JavaScript, one question per screen with « Question suivante », a
// progress count, and orderings answered with « Monter » / « Descendre »; without JavaScript, every
// question on one page, and an incomplete submission opens at the error banner.
import { afterAll, describe, expect, it } from "vitest";
import { answerQuiz } from "../helpers/quiz-answers";
import { launch, screenshot, signIn } from "../helpers/browser";

const MODULE = "identitovigilance";
const browsers: Awaited<ReturnType<typeof launch>>[] = [];
afterAll(async () => {
  for (const b of browsers) await b.close();
});

async function openQuiz(javaScriptEnabled: boolean) {
  const browser = await launch({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
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

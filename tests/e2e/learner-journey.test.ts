import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerQuiz, bankOf } from "../helpers/quiz-answers";
import { baseURL, launch, screenshot, signIn } from "../helpers/browser";

const MODULE = "identitovigilance";
let browser: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the new recruit's first module", () => {
  it("signs in, reads the module, passes its quiz and sees her dashboard updated", async () => {
    const { page } = browser;
    await page.goto("/");
    await page.waitForURL(/\/connexion$/);
    await screenshot(page, "01-connexion");
    await signIn(page, "nouvelle.recrue@pivot.demo");
    await expect.poll(() => page.url()).toBe(`${baseURL()}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Bonjour Camille");
    const card = page.locator(`[data-module="${MODULE}"]`);
    await expect.poll(() => card.textContent()).toContain("Non commencé");
    await screenshot(page, "02-tableau-de-bord");

    await card.getByRole("link").click();
    await page.waitForURL(`**/modules/${MODULE}`);
    await page.getByRole("heading", { level: 1, name: /Identitovigilance/ }).waitFor();
    expect(await page.locator("text=Mise en situation").count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, "03-module");

    await page.getByRole("button", { name: "Marquer comme lu" }).click();
    // Wait for that submission to land before the next one, or the browser aborts the first navigation.
    await page.getByRole("button", { name: "Marquer comme lu" }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Commencer le quiz" }).click();
    await page.locator("[data-question-id]").first().waitFor();

    // The client checks that every question is answered, in French, before sending.
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.getByText("sans réponse : elles sont signalées ci-dessous").waitFor();
    expect(await page.getByText("Répondez à cette question.").count()).toBeGreaterThan(0);
    await screenshot(page, "04-quiz-incomplet");

    const answered = await answerQuiz(page, MODULE);
    expect(answered).toBe(bankOf(MODULE).drawCount);
    await screenshot(page, "05-quiz-rempli");
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.waitForURL(/tentative=/);
    expect(await page.getByTestId("score").textContent()).toMatch(/^100\s%/);
    expect(await page.getByText("Quiz réussi").count()).toBe(1);
    expect(await page.locator("[data-result]").count()).toBe(answered);
    expect(await page.getByText("Explication :").count()).toBe(answered);
    await screenshot(page, "06-resultat");

    await page.getByRole("link", { name: "Tableau de bord", exact: true }).click();
    await page.waitForURL(`${baseURL()}/`);
    await expect.poll(() => card.textContent()).toContain("Terminé");
    expect(await card.getByTestId("best-score").textContent()).toMatch(/Meilleur score : 100\s%/);
    await screenshot(page, "07-tableau-de-bord-apres");
    expect(browser.consoleErrors).toEqual([]);
  });

  it("shows a failed attempt with the right answers and explanations, and offers a new draw", async () => {
    const { page } = browser;
    await page.goto(`/modules/${MODULE}`);
    await page.getByRole("button", { name: "Refaire le quiz" }).click();
    await page.locator("[data-question-id]").first().waitFor();
    const ids = await page.locator("[data-question-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-question-id")!));
    await answerQuiz(page, MODULE, ids.slice(0, 3));
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.waitForURL(/tentative=/);
    const total = ids.length;
    expect(await page.getByTestId("score").textContent()).toContain(`${total - 3} bonnes réponses sur ${total}`);
    expect(await page.locator('[data-result="incorrect"]').count()).toBe(3);
    expect(await page.getByText("Réponse attendue :").count()).toBe(3);
    // The best score stays.
    expect(await page.getByText("Meilleur score : 100").count()).toBe(1);
  });

  it("the tutor sees her mentee's progress on /tutorat", async () => {
    const tutor = await launch();
    try {
      await signIn(tutor.page, "tuteur@pivot.demo");
      await tutor.page.getByRole("link", { name: "Tutorat", exact: true }).click();
      await tutor.page.waitForURL(/\/tutorat$/);
      const mentee = tutor.page.locator('[data-mentee="Camille Martin"]');
      await expect.poll(() => mentee.textContent()).toMatch(/terminé, meilleur score 100\s%/);
      await screenshot(tutor.page, "08-tutorat");
    } finally {
      await tutor.close();
    }
  });
});

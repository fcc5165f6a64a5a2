// A module's body travels once: the document carries it in its HTML only (not again in the page's data),
// the browser keeps it when the page comes alive, and a navigation in the browser brings the next body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, signIn } from "../helpers/browser";

describe("a module's body", () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1366, height: 900 } });
    await signIn(browser.page, "nouvelle.recrue@pivot.demo");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is sent once in the document, stays after hydration, and changes with a navigation in the browser", async () => {
    const { page, consoleErrors } = browser;
    const response = await page.goto("/modules/identitovigilance");
    const html = await response!.text();
    const body = page.locator("[data-corps]");
    const firstHeading = (await body.locator("h2").first().textContent())!;
    expect(firstHeading.length).toBeGreaterThan(10);
    // The heading's text is in the body's HTML, and nowhere else in the document (not in the page's data).
    // Compared on its longest run without characters that HTML or the data would escape.
    const plain = firstHeading.split(/['’"&<>\\]/).sort((a, b) => b.length - a.length)[0]!;
    expect(plain.length).toBeGreaterThan(10);
    expect(html.split(plain).length - 1).toBe(1);

    // Once the page has come alive (a glossary word opens its definition), the body is still there.
    const term = body.locator("[data-terme]").first();
    await term.focus();
    await page.locator(`[id="${await term.getAttribute("aria-describedby")}"]`).waitFor({ state: "visible" });
    expect(await body.locator("h2").first().textContent()).toBe(firstHeading);

    // Next module, without reloading the document: its own body, whose words come alive too.
    const previousKey = await body.getAttribute("data-corps");
    await page.locator('a[rel="next"]').click();
    await page.waitForURL((url) => url.pathname !== "/modules/identitovigilance");
    await expect.poll(() => body.getAttribute("data-corps")).not.toBe(previousKey);
    expect(await body.locator("h2").count()).toBeGreaterThan(1);
    expect(await body.locator("h2").first().textContent()).not.toBe(firstHeading);
    const nextTerm = body.locator("[data-terme]").first();
    await nextTerm.focus();
    await page.locator(`[id="${await nextTerm.getAttribute("aria-describedby")}"]`).waitFor({ state: "visible" });

    // Back: the first body again.
    await page.goBack();
    await expect.poll(() => body.getAttribute("data-corps")).toBe(previousKey);
    expect(await body.locator("h2").first().textContent()).toBe(firstHeading);
    expect(consoleErrors).toEqual([]);
  });
});

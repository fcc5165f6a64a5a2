// On a touch phone: a glossary word opens its definition on a tap without leaving the module; a long fiche
// has a jump menu. Search forgives « coeur » and a typo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "../helpers/browser";

describe("on a touch phone", () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 390, height: 844 }, touch: true });
    await signIn(browser.page, "nouvelle.recrue@pivot.demo");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a tap on a glossary word opens its definition, with a link to the glossary; the module stays open; Fermer and Escape close it", async () => {
    const { page } = browser;
    await page.goto("/modules/identitovigilance");
    const term = page.locator('main [data-terme="rniv"]').first();
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    const popover = page.locator("[data-glossary-popover]").filter({ has: page.getByText("Voir dans le glossaire") }).locator("visible=true");
    await popover.waitFor();
    expect(new URL(page.url()).pathname).toBe("/modules/identitovigilance");
    expect(await popover.textContent()).toMatch(/RNIV/);
    const box = await popover.boundingBox();
    expect(box!.y + box!.height).toBeGreaterThan(844 - 5); // a sheet at the bottom of the screen
    await screenshot(page, "34-definition-tap-390");
    await popover.getByRole("button", { name: "Fermer" }).tap();
    await popover.waitFor({ state: "hidden" });
    await term.tap();
    await popover.waitFor();
    await page.keyboard.press("Escape");
    await popover.waitFor({ state: "hidden" });
    // Its link leads to the glossary entry, on the page of its letter.
    await term.tap();
    await popover.getByRole("link", { name: "Voir dans le glossaire" }).tap();
    await page.waitForURL((url) => url.pathname === "/glossaire" && url.searchParams.get("lettre") === "R" && url.hash === "#rniv");
    await page.locator("#rniv").waitFor();
    expect(browser.consoleErrors).toEqual([]);
  });

  it("a long fiche has a jump menu to each of its sections", async () => {
    const { page } = browser;
    await page.goto("/fiches-reflexes/cardiologie");
    const menu = page.getByRole("navigation", { name: "Aller à une section de la fiche" });
    await menu.getByRole("link", { name: "Pièges à éviter" }).tap();
    await page.waitForURL((url) => url.hash === "#pieges-a-eviter");
    const heading = page.getByRole("heading", { level: 2, name: "Pièges à éviter" });
    expect(await heading.evaluate((h) => h.id)).toBe("pieges-a-eviter");
    await expect.poll(async () => (await heading.boundingBox())!.y).toBeLessThan(844);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe("search that forgives", () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1366, height: 900 } });
    await signIn(browser.page, "nouvelle.recrue@pivot.demo");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("« coeur » finds « cœur », highlighted as written", async () => {
    const { page } = browser;
    await page.goto("/recherche?q=coeur");
    const hit = page.locator("main mark").first();
    await hit.waitFor();
    expect((await hit.textContent())!.toLowerCase()).toBe("cœur");
    // One search field on the page: the header's is not repeated above the page's own.
    expect(await page.getByRole("search").count()).toBe(1);
    await screenshot(page, "35-recherche-coeur-1366");
  });

  it("a typo still finds the module, and says which word it searched", async () => {
    const { page } = browser;
    await page.goto("/recherche?q=identitovigilence");
    await page.getByText(/le mot le plus proche, «\s*identitovigilance\s*»/).waitFor();
    await page.locator('[data-result-kind="module"]').getByRole("link", { name: /Identitovigilance/ }).first().waitFor();
  });

  it("suggests as she types in the header: arrows choose, Enter opens, Escape closes and keeps the text", async () => {
    const { page, consoleErrors } = browser;
    await page.goto("/");
    const box = page.getByRole("combobox", { name: /Rechercher/ }).locator("visible=true");
    await page.locator("input[data-enhanced]").locator("visible=true").waitFor(); // suggestions need JavaScript
    await box.click();
    await box.pressSequentially("identito");
    const list = page.getByRole("listbox", { name: "Suggestions" }).locator("visible=true");
    await list.waitFor();
    const options = list.getByRole("option");
    expect(await options.first().textContent()).toMatch(/Identitovigilance.*Module/);
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    await screenshot(page, "38-suggestions-1366");

    await box.press("Escape");
    await list.waitFor({ state: "hidden" });
    expect(await box.inputValue()).toBe("identito");

    await box.press("ArrowDown"); // opens the list again
    await list.waitFor();
    await box.press("ArrowDown"); // first suggestion
    const first = options.first();
    await expect.poll(() => first.getAttribute("aria-selected")).toBe("true");
    expect(await box.getAttribute("aria-activedescendant")).toBe(await first.getAttribute("id"));
    await box.press("Enter");
    await page.waitForURL((url) => url.pathname === "/modules/identitovigilance");
    expect(consoleErrors).toEqual([]);
  });

  it("without a suggestion chosen, Enter runs the full search", async () => {
    const { page } = browser;
    await page.goto("/");
    const box = page.getByRole("combobox", { name: /Rechercher/ }).locator("visible=true");
    await box.fill("coeur");
    await box.press("Enter");
    await page.waitForURL((url) => url.pathname === "/recherche" && url.searchParams.get("q") === "coeur");
  });
});

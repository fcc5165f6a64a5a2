// Brings the glossary words of a server-rendered body to life (see ./terme.tsx): one set of listeners on
// the body, whatever the number of words. Each word's definition opens on mouse hover, on keyboard focus,
// or pinned by a tap or a click; Escape, a tap elsewhere and « Fermer » close it.

type Open = "hover" | "focus" | "pinned";

export function enhanceTerms(root: HTMLElement): () => void {
  let current: { wrapper: HTMLElement; mode: Open } | null = null;

  const parts = (wrapper: HTMLElement) => ({
    trigger: wrapper.querySelector<HTMLAnchorElement>("a[data-terme]")!,
    popover: wrapper.querySelector<HTMLElement>("[data-glossary-popover]")!,
  });
  const show = (wrapper: HTMLElement, mode: Open) => {
    if (current && current.wrapper !== wrapper) hide();
    const { trigger, popover } = parts(wrapper);
    popover.classList.replace("hidden", "block");
    trigger.setAttribute("aria-expanded", "true");
    current = { wrapper, mode };
  };
  function hide(refocus = false) {
    if (!current) return;
    const { trigger, popover } = parts(current.wrapper);
    popover.classList.replace("block", "hidden");
    trigger.setAttribute("aria-expanded", "false");
    if (refocus) trigger.focus({ preventScroll: true });
    current = null;
  }
  const wrapperOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>("[data-terme-wrapper]") : null);

  const onClick = (e: MouseEvent) => {
    const target = e.target as Element;
    const wrapper = wrapperOf(target);
    if (!wrapper || !root.contains(wrapper)) return;
    if (target.closest("[data-terme-close]")) return hide(true);
    if (!target.closest("a[data-terme]")) return; // the glossary link inside the definition works as a link
    // A tap or a click opens (or closes) the definition; Ctrl/⌘/Shift-click still opens the glossary.
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    if (current?.wrapper === wrapper && current.mode === "pinned") hide();
    else show(wrapper, "pinned");
  };
  const onPointerOver = (e: PointerEvent) => {
    const wrapper = wrapperOf(e.target);
    if (e.pointerType !== "mouse" || !wrapper || current?.wrapper === wrapper) return;
    if (!current || current.mode === "hover") show(wrapper, "hover");
  };
  const onPointerOut = (e: PointerEvent) => {
    const wrapper = wrapperOf(e.target);
    if (e.pointerType !== "mouse" || !wrapper || current?.wrapper !== wrapper || current.mode !== "hover") return;
    if (!wrapper.contains(e.relatedTarget as Node | null)) hide();
  };
  const onFocusIn = (e: FocusEvent) => {
    const wrapper = wrapperOf(e.target);
    if (wrapper && (e.target as Element).matches("a[data-terme]") && current?.wrapper !== wrapper) show(wrapper, "focus");
  };
  const onFocusOut = (e: FocusEvent) => {
    // Moving the focus into the definition (its link, its button) keeps it open.
    if (current?.mode === "focus" && !current.wrapper.contains(e.relatedTarget as Node | null)) hide();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && current) hide(current.wrapper.contains(document.activeElement));
  };
  const onPointerDown = (e: PointerEvent) => {
    if (current && !current.wrapper.contains(e.target as Node)) hide();
  };

  root.addEventListener("click", onClick);
  root.addEventListener("pointerover", onPointerOver);
  root.addEventListener("pointerout", onPointerOut);
  root.addEventListener("focusin", onFocusIn);
  root.addEventListener("focusout", onFocusOut);
  document.addEventListener("keydown", onKey);
  document.addEventListener("pointerdown", onPointerDown);
  root.setAttribute("data-terms-enhanced", "");
  return () => {
    hide();
    root.removeEventListener("click", onClick);
    root.removeEventListener("pointerover", onPointerOver);
    root.removeEventListener("pointerout", onPointerOut);
    root.removeEventListener("focusin", onFocusIn);
    root.removeEventListener("focusout", onFocusOut);
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("pointerdown", onPointerDown);
    root.removeAttribute("data-terms-enhanced");
  };
}

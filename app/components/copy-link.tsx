// A link to hand over (an invitation): shown read-only, selected on focus, with « Copier le lien » once the
// page runs JavaScript (without it, she selects and copies the text herself).
import { useEffect, useState } from "react";

export function CopyLink({ id, label, value }: { id: string; label: string; value: string }) {
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState<"" | "ok" | "echec">("");
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          className="field-input min-w-0 flex-1 font-mono text-sm"
          onFocus={(e) => e.currentTarget.select()}
          data-invitation-link
        />
        {canCopy ? (
          <button
            type="button"
            className="btn-secondary"
            onClick={() =>
              navigator.clipboard.writeText(value).then(
                () => setCopied("ok"),
                () => setCopied("echec"),
              )
            }
          >
            Copier le lien
          </button>
        ) : null}
      </div>
      <p role="status" className="text-sm font-semibold text-emerald-800">
        {copied === "ok"
          ? "Lien copié : collez-le dans votre message."
          : copied === "echec"
            ? "La copie n'a pas fonctionné : sélectionnez le lien et copiez-le (Ctrl+C)."
            : ""}
      </p>
    </div>
  );
}

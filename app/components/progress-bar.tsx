export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="font-semibold">{value} %</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuenow={value}
        aria-valuemin={0}
        aria-valuemax={100}
        className="mt-1 h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}

export function StatusBadge({ state, label }: { state: string; label: string }) {
  const styles: Record<string, string> = {
    non_commence: "bg-slate-100 text-slate-800 border-slate-300",
    en_cours: "bg-amber-50 text-amber-900 border-amber-300",
    lu: "bg-sky-50 text-sky-900 border-sky-300",
    acquis: "bg-violet-50 text-violet-900 border-violet-400",
    termine: "bg-emerald-50 text-emerald-900 border-emerald-400",
  };
  return <span className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-semibold ${styles[state] ?? styles.non_commence}`}>{label}</span>;
}

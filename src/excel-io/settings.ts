/**
 * The column mapping chosen in the pane, remembered in the workbook (Office document settings are
 * saved inside the file, so the next person who opens it gets the same mapping).
 * Stored: plan id → { input id → header text }; header texts, not letters, so moving a column keeps it.
 */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

const KEY = "dvcThidua.mapping";

/** The document's settings, or null outside an Office host. */
export function officeSettings(): SettingsLike | null {
  if (typeof Office === "undefined") return null;
  return (Office.context?.document?.settings as unknown as SettingsLike) ?? null;
}

export function loadMapping(settings: SettingsLike | null, planId: string): Record<string, string> {
  const all = settings?.get(KEY);
  if (!all || typeof all !== "object") return {};
  const m = (all as Record<string, unknown>)[planId];
  if (!m || typeof m !== "object") return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m as Record<string, unknown>)) if (typeof v === "string") out[k] = v;
  return out;
}

export function saveMapping(settings: SettingsLike | null, planId: string, overrides: Record<string, string>): Promise<void> {
  if (!settings) return Promise.resolve();
  const all = (settings.get(KEY) as Record<string, Record<string, string>> | null) ?? {};
  settings.set(KEY, { ...all, [planId]: overrides });
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) => (String(r.status).toLowerCase() === "failed" ? reject(new Error(r.error?.message ?? "saveAsync failed")) : resolve())),
  );
}

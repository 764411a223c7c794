import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Divider,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatNumberVi, type Level } from "../engine";
import { getPlan, listPlans } from "../plans";
import { AWARD_REASON_HEADER, columnLetter, mapColumns, NOTES_NAMED, type Problem } from "../workbook";
import { listTables, selectCell } from "../excel-io/read";
import { loadMapping, saveMapping, type SettingsLike } from "../excel-io/settings";
import { WorkflowError, type ExcelRunner, type SourceSpec } from "../excel-io/types";
import { MappingWorkflowError, NotesWorkflowError, PlanSheetWorkflowError, previewMapping, runJob, type JobStep, type MappingPreview } from "../workflow/job";
import { readPlanSheets, writePlanSheet } from "../excel-io/plan-sheets";
import { planSheetModel, readPlanSheet, templatePlan } from "../workbook";
import type { Plan } from "../engine";
import { skippedLines, withheldGroups, type JobSummary } from "../workflow/summary";
import { stringsFor, type Lang } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "480px",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: 0 },
  // a native <select> is as wide as its longest option (plan titles are long): keep it to the pane's width
  full: { width: "100%", minWidth: 0, maxWidth: "100%" },
  selectEl: { width: "100%", textOverflow: "ellipsis" },
  nowrap: { whiteSpace: "nowrap", flexShrink: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  mapping: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  counts: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalM, rowGap: "2px" },
  number: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  problem: { display: "flex", flexDirection: "column" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  run: ExcelRunner;
  settings: SettingsLike | null;
  lang: Lang;
  /** today, for the date picker (iator-32); injectable for tests */
  today?: Date;
}

type Preview = MappingPreview;

/** The override that names a column: its header when no other column has it, else its letter. */
function overrideFor(preview: Preview, index: number): string {
  const h = preview.headers[index];
  const same = preview.headers.filter((x) => x.trim().toLowerCase() === h.trim().toLowerCase()).length;
  return h.trim() && same === 1 ? h : columnLetter(preview.firstCol + index);
}

type Failure = { title: string; message: string; where?: string; hint?: string; cells?: { sheet: string; cell: string; message: string }[] };

/** The picker's value for a plan sheet of the workbook (a built-in plan's value is its id). */
const SHEET_PREFIX = "sheet:";

function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const MAX_PROBLEMS_SHOWN = 50;
/** reasons for no award listed in the pane, and the units named under each; the results sheet has them all */
const MAX_WITHHELD_SHOWN = 30;
const MAX_UNITS_NAMED = 5;

export function App({ run, settings, lang, today = new Date() }: AppProps) {
  const s = stringsFor(lang);
  const styles = useStyles();
  const plans = React.useMemo(() => listPlans(), []);
  const [planKey, setPlanKey] = React.useState(plans.find((p) => p.id === "hg-165-2023")?.id ?? plans[0].id);
  const [planSheets, setPlanSheets] = React.useState<{ name: string; plan: Plan | null }[]>([]);
  const [notice, setNotice] = React.useState<string | null>(null);
  const planSheet = planKey.startsWith(SHEET_PREFIX) ? planKey.slice(SHEET_PREFIX.length) : undefined;
  // a plan sheet with problems is still listed (to show them); until it reads, the form shows the built-in default's fields
  const plan = (planSheet ? planSheets.find((p) => p.name === planSheet)?.plan : null) ?? (planSheet ? plans[0] : getPlan(planKey));
  const planId = plan.id;
  const [level, setLevel] = React.useState<Level | "">("");
  const [tables, setTables] = React.useState<string[]>([]);
  const [sourceKey, setSourceKey] = React.useState("selection");
  const [last, setLast] = React.useState<Extract<SourceSpec, { kind: "region" }> | null>(null);
  const [date, setDate] = React.useState(isoDate(today));
  const [formulas, setFormulas] = React.useState(false);
  const [overrides, setOverrides] = React.useState<Record<string, string>>(() => loadMapping(settings, planId));
  const [preview, setPreview] = React.useState<Preview | null>(null);
  const [step, setStep] = React.useState<JobStep | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);
  /** the old results sheet holds the user's notes: the Rank waits for the user's word */
  const [notes, setNotes] = React.useState<{ sheet: string; cells: string[] } | null>(null);
  const [summary, setSummary] = React.useState<(JobSummary & { chartOmitted: boolean; textNotes?: string[] }) | null>(null);

  const isTargets = plan.kind === "targets";
  const needsDate = plan.inputs.some((d) => d.id === "date");
  const busy = step !== null && step !== "done";

  // the workbook's tables, listed again whenever the picker is opened (a table may have been added since)
  const refreshTables = React.useCallback(() => {
    listTables(run).then(setTables, () => setTables([]));
  }, [run]);
  React.useEffect(refreshTables, [refreshTables]);
  // the workbook's plan sheets, listed again whenever the plan picker is opened
  const refreshPlanSheets = React.useCallback(() => {
    readPlanSheets(run).then(
      (xs) => setPlanSheets(xs.map((x) => ({ name: x.name, plan: readPlanSheet(x.grid, x.name).plan }))),
      () => setPlanSheets([]),
    );
  }, [run]);
  React.useEffect(refreshPlanSheets, [refreshPlanSheets]);

  const source = (): SourceSpec => {
    if (sourceKey === "last" && last) return last;
    if (sourceKey.startsWith("table:")) return { kind: "table", name: sourceKey.slice(6) };
    return { kind: "selection" };
  };

  const fail = (e: unknown) => {
    // not a failure but a question: replacing the old results sheet would lose the user's notes
    if (e instanceof NotesWorkflowError) {
      setNotes({ sheet: e.sheet, cells: e.cells });
      return;
    }
    // the columns could not be used as mapped: show them, with the doubtful ones marked
    if (e instanceof MappingWorkflowError) {
      setPreview(e.preview);
      remember(e.preview.source);
    }
    if (e instanceof WorkflowError) {
      setFailure({
        title: s.failed,
        message: e.message,
        where: e.where ? s.where(e.where.sheet, e.where.row, e.where.column) : undefined,
        hint: e.hint,
        cells: e instanceof PlanSheetWorkflowError ? e.problems.map((p) => ({ sheet: e.sheet, ...p })) : undefined,
      });
    } else {
      setFailure({ title: s.unexpected, message: e instanceof Error ? e.message : String(e), hint: s.unexpectedHint });
    }
  };

  const remember = (spec: SourceSpec) => {
    if (spec.kind === "region") {
      setLast(spec);
      setSourceKey("last");
    }
  };

  const onPlan = (id: string) => {
    setPlanKey(id);
    setNotice(null);
    setLevel("");
    setOverrides(loadMapping(settings, id));
    setPreview(null);
    setSummary(null);
    setFailure(null);
  };

  const onReadTable = async () => {
    setFailure(null);
    try {
      const p = await previewMapping(run, { planId, source: source(), overrides, level: level || undefined });
      setPreview(p);
      remember(p.source);
    } catch (e) {
      fail(e);
    }
  };

  const onMap = (input: string, index: string) => {
    if (!preview) return;
    const next = { ...overrides, [input]: overrideFor(preview, Number(index)) };
    setOverrides(next);
    setPreview({ ...preview, mapping: mapColumns(plan, preview.view, next, 0, { level: level || undefined }) });
  };

  const onRun = async (chosen: Record<string, string> = overrides, replaceNotes = false) => {
    setFailure(null);
    setSummary(null);
    setNotes(null);
    try {
      const result = await runJob(
        run,
        { planId, planSheet, source: source(), level: level || undefined, overrides: chosen, date: needsDate ? date : undefined, formulas, replaceNotes },
        setStep,
      );
      setSummary({ ...result.summary, chartOmitted: result.chartOmitted, textNotes: result.textNotes });
      remember(result.source);
      if (Object.keys(chosen).length) await saveMapping(settings, planId, chosen).catch(() => undefined);
    } catch (e) {
      setStep(null);
      fail(e);
    }
  };

  // one click when the guesses are right: the doubtful columns become the user's own choice
  const onConfirm = () => {
    if (!preview) return;
    const next = { ...overrides };
    for (const d of preview.mapping.doubts) {
      const e = preview.mapping.report.find((r) => r.input === d.input);
      if (e?.column !== null && e?.column !== undefined) next[d.input] = overrideFor(preview, e.column - preview.firstCol);
    }
    setOverrides(next);
    setPreview({ ...preview, mapping: mapColumns(plan, preview.view, next, 0, { level: level || undefined }) });
    void onRun(next);
  };
  const doubts = preview?.mapping.doubts.length ?? 0;

  // a new plan sheet: a copy of the built-in plan chosen, or the empty template
  const onNewPlan = async () => {
    setFailure(null);
    setNotice(null);
    try {
      const from = planSheet ? templatePlan() : getPlan(planKey);
      const written = await writePlanSheet(run, (name) => planSheetModel(from, name));
      setNotice(s.newPlanWritten(written.name) + (written.notesSkipped ? " " + s.newPlanNoNotes : ""));
      refreshPlanSheets();
    } catch (e) {
      fail(e);
    }
  };

  const onProblem = (p: Problem) => {
    selectCell(run, p.sheet, `${p.column}${p.row}`).catch(fail);
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{s.title}</Title3>
        <Caption1 className={styles.muted}>{s.subtitle}</Caption1>
      </header>

      <Field label={s.plan} className={styles.full}>
        <Select className={styles.full} select={{ className: styles.selectEl, onFocus: refreshPlanSheets }} value={planKey} onChange={(_e, d) => onPlan(d.value)} disabled={busy}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} — {lang === "vi" ? p.title : p.titleEn}
            </option>
          ))}
          {planSheets.map((p) => (
            <option key={SHEET_PREFIX + p.name} value={SHEET_PREFIX + p.name}>
              {s.planSheet(p.name)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button className={styles.nowrap} onClick={() => void onNewPlan()} disabled={busy}>
          {s.newPlan}
        </Button>
        <Caption1 className={styles.muted}>{planSheet ? s.newPlanEmpty : s.newPlanFrom(planKey)}</Caption1>
      </div>
      {notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      <Field label={s.level} className={styles.full}>
        <Select className={styles.full} select={{ className: styles.selectEl }} value={level} onChange={(_e, d) => setLevel(d.value as Level | "")} disabled={busy}>
          <option value="">{s.levelAuto}</option>
          {plan.levels.map((l) => (
            <option key={l} value={l}>
              {s.levels[l]}
            </option>
          ))}
        </Select>
      </Field>

      <div className={styles.row}>
        <Field label={s.source} className={styles.grow}>
          <Select className={styles.full} select={{ className: styles.selectEl, onFocus: refreshTables }} value={sourceKey} onChange={(_e, d) => (setSourceKey(d.value), setPreview(null))} disabled={busy}>
            <option value="selection">{s.sourceSelection}</option>
            {last && <option value="last">{s.sourceLast(`${last.sheet}!${last.cell}`)}</option>}
            {tables.map((t) => (
              <option key={t} value={`table:${t}`}>
                {s.sourceTable(t)}
              </option>
            ))}
          </Select>
        </Field>
        <Button className={styles.nowrap} onClick={onReadTable} disabled={busy}>
          {s.readTable}
        </Button>
      </div>

      {needsDate && (
        <Field label={s.date} hint={s.dateHint}>
          <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} disabled={busy} />
        </Field>
      )}

      {preview && (
        <section className={styles.mapping} aria-label={s.mapping}>
          <Subtitle2 as="h2">{s.mapping}</Subtitle2>
          <Caption1 className={styles.muted}>{s.mappingHint(preview.address, preview.headerRow)}</Caption1>
          {doubts > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{s.mappingDoubts(doubts)}</MessageBarBody>
            </MessageBar>
          )}
          {preview.mapping.report.map((r) => (
            <Field
              key={r.input}
              label={r.required ? `${r.label} (${s.required})` : r.label}
              size="small"
              validationState={r.required && r.column === null ? "error" : r.doubtful ? "warning" : "none"}
              validationMessage={r.doubtful ? s.doubtful : r.note}
            >
              <Select
                className={styles.full}
                select={{ className: styles.selectEl }}
                size="small"
                value={r.column === null ? "" : String(r.column - preview.firstCol)}
                onChange={(_e, d) => onMap(r.input, d.value)}
                disabled={busy}
              >
                {r.column === null && <option value="">{s.notMapped}</option>}
                {preview.headers.map((h, i) =>
                  h ? (
                    <option key={i} value={String(i)}>
                      {columnLetter(preview.firstCol + i)} — {h}
                    </option>
                  ) : null,
                )}
              </Select>
            </Field>
          ))}
          {doubts > 0 && (
            <Button appearance="primary" onClick={onConfirm} disabled={busy}>
              {isTargets ? s.confirmAndCheck : s.confirmAndRank}
            </Button>
          )}
        </section>
      )}

      <Checkbox checked={formulas} onChange={(_e, d) => setFormulas(Boolean(d.checked))} label={s.formulas} disabled={busy} />

      <div className={styles.actions}>
        <Button appearance={doubts > 0 ? "secondary" : "primary"} onClick={() => void onRun()} disabled={busy}>
          {isTargets ? s.check : s.rank}
        </Button>
      </div>

      {step && step !== "done" && <ProgressBar value={progressValue(step)} thickness="large" aria-label={s.steps[step]} />}
      {step && busy && <Caption1>{s.steps[step]}</Caption1>}

      {notes && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.notesTitle}</MessageBarTitle>
            {s.notesFound(notes.sheet, s.notesCells(notes.cells, NOTES_NAMED))}
            <div>{s.notesHint}</div>
            <div className={styles.actions}>
              <Link as="button" onClick={() => selectCell(run, notes.sheet, notes.cells[0]).catch(fail)}>
                {s.showNote(notes.cells[0])}
              </Link>
              <Button appearance="primary" onClick={() => void onRun(overrides, true)} disabled={busy}>
                {isTargets ? s.replaceNotesAndCheck : s.replaceNotesAndRank}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}

      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{failure.title}</MessageBarTitle>
            {failure.message}
            {failure.where && <div>{failure.where}</div>}
            {failure.hint && <div>{failure.hint}</div>}
            {failure.cells && (
              <ul aria-label={s.planProblemsTitle}>
                {failure.cells.slice(0, MAX_PROBLEMS_SHOWN).map((c) => (
                  <li key={c.cell + c.message}>
                    <Link onClick={() => selectCell(run, c.sheet, c.cell).catch(fail)}>{c.cell}</Link>: {c.message}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {summary && <Summary summary={summary} lang={lang} onProblem={onProblem} />}
    </main>
  );
}

function progressValue(step: JobStep): number {
  return { read: 0.15, score: 0.45, check: 0.7, write: 0.85, done: 1 }[step];
}

export function Summary({ summary, lang, onProblem }: { summary: JobSummary & { chartOmitted: boolean; textNotes?: string[] }; lang: Lang; onProblem: (p: Problem) => void }) {
  const s = stringsFor(lang);
  const styles = useStyles();
  const ref = React.useRef<HTMLElement>(null);
  // the pane is narrow: bring the outcome into view under the form
  React.useEffect(() => {
    // block body: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup
    ref.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [summary]);
  const levels = (["tinh", "huyen", "xa"] as Level[]).filter((l) => summary.top.some((t) => t.level === l));
  const shown = summary.problems.slice(0, MAX_PROBLEMS_SHOWN);
  const withheld = React.useMemo(() => withheldGroups(summary.withheld, lang), [summary, lang]);
  return (
    <section ref={ref} className={styles.section} aria-label={s.outcome}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>{s.done(summary.sheets, summary.syncs)}</MessageBarBody>
      </MessageBar>

      <div className={styles.counts} role="table" aria-label={s.counts.scored}>
        {(Object.keys(summary.counts) as (keyof typeof summary.counts)[]).map((k) => (
          <div role="row" key={k} style={{ display: "contents" }}>
            <Text role="cell">{s.counts[k]}</Text>
            <Text role="cell" weight="semibold" className={styles.number}>
              {summary.counts[k]}
            </Text>
          </div>
        ))}
      </div>
      {summary.targets && <Text>{s.targets(summary.targets.met, summary.targets.notMet)}</Text>}
      {summary.tiers?.map((t) => <Text key={t.level}>{s.tierCounts(s.tierLevels[t.level], t.tiers, t.none, t.noActivity)}</Text>)}

      {levels.map((l) => (
        <div key={l} className={styles.section}>
          <Subtitle2 as="h2">
            {s.top} — {s.levels[l]}
          </Subtitle2>
          <ol className={styles.list}>
            {summary.top
              .filter((t) => t.level === l)
              .map((t) => (
                <li key={t.key}>
                  <Text weight="semibold">{t.key}</Text>{" "}
                  <Text>
                    {t.total !== null ? `${formatNumberVi(t.total)} ${s.points}` : ""}
                    {t.award ? ` · ${t.award}` : ` · ${s.rankLabel(t.rank)}`}
                  </Text>
                </li>
              ))}
          </ol>
        </div>
      ))}
      {summary.chartOmitted && <Caption1>{s.chartOmitted}</Caption1>}
      {summary.textNotes?.map((t, i) => <Caption1 key={i}>{t}</Caption1>)}

      {withheld.length > 0 && (
        // the question officials are asked most: why a unit did not get the award
        <>
          <Divider />
          <Subtitle2 as="h2">{s.withheld(summary.withheld.length)}</Subtitle2>
          <ul className={styles.list} aria-label={s.withheld(summary.withheld.length)}>
            {withheld.slice(0, MAX_WITHHELD_SHOWN).map((g, i) => (
              <li key={i} className={styles.problem}>
                <Text weight="semibold">{s.withheldUnits(g.units.slice(0, MAX_UNITS_NAMED), g.units.length - MAX_UNITS_NAMED)}</Text>
                <Caption1>{g.text}</Caption1>
              </li>
            ))}
          </ul>
          {withheld.length > MAX_WITHHELD_SHOWN && <Caption1>{s.moreWithheld(withheld.length - MAX_WITHHELD_SHOWN, AWARD_REASON_HEADER)}</Caption1>}
        </>
      )}

      <Divider />
      <Subtitle2 as="h2">{s.problems(summary.problems.length)}</Subtitle2>
      {summary.problems.length === 0 && <Caption1>{s.noProblems}</Caption1>}
      <ul className={styles.list} aria-label={s.problems(summary.problems.length)}>
        {shown.map((p, i) => (
          <li key={i} className={styles.problem}>
            <Link as="button" onClick={() => onProblem(p)}>
              {s.problemAt(p.row, p.column)}
              {p.unit ? ` — ${p.unit}` : ""}
            </Link>
            <Caption1>{p.message}</Caption1>
          </li>
        ))}
      </ul>
      {summary.problems.length > shown.length && <Caption1>{s.moreProblems(summary.problems.length - shown.length)}</Caption1>}
      {summary.skipped.length > 0 && (
        // which rows were left out and why: a row under a blank line may be a unit the official meant to score
        <>
          <Caption1 className={styles.muted}>{s.skipped(summary.skipped.length)}</Caption1>
          <ul className={styles.list} aria-label={s.skipped(summary.skipped.length)}>
            {skippedLines(summary).map((line, i) => (
              <li key={i}>
                <Caption1 className={styles.muted}>{line}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

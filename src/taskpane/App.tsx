import * as React from "react";
import { Body1, Caption1, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { listPlans } from "../plans";

/** One plan as the pane lists it. */
export interface PlanSummary {
  id: string;
  title: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function App({ plans = listPlans() }: { plans?: PlanSummary[] }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">DVC Thi đua</Title2>
      <Body1>Chấm điểm và xếp hạng phong trào thi đua về dịch vụ công trực tuyến.</Body1>
      <Body1>Các kế hoạch thi đua:</Body1>
      <ul className={styles.list} aria-label="Kế hoạch thi đua">
        {plans.map((p) => (
          <li key={p.id}>
            <Body1>{p.title}</Body1> <Caption1>({p.id})</Caption1>
          </li>
        ))}
      </ul>
      <Caption1>Hàm Excel: =DVC.HG_SCORE(…), =DVC.LS_TARGET(…)</Caption1>
    </main>
  );
}

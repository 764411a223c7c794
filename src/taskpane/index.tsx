import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { officeExcel } from "../excel-io/types";
import { officeSettings } from "../excel-io/settings";
import { langOf } from "./strings";

function render() {
  const container = document.getElementById("root");
  if (!container) return;
  const lang = langOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : null);
  document.documentElement.lang = lang;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App run={officeExcel} settings={officeSettings()} lang={lang} />
    </FluentProvider>,
  );
}

// Outside an Office host (a plain browser) office.js may be absent; the pane still renders.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => render());
} else {
  render();
}

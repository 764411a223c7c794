import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

function render() {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

// Outside an Office host (a plain browser) office.js may be absent; the pane still renders.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => render());
} else {
  render();
}

/**
 * A stand-in for office.js in a plain browser page. It is served in place of the CDN script
 * (see browser.ts) and records what the add-in does, for the test to read back with page.evaluate:
 *
 *   window.__cf        { [id]: function }   every CustomFunctions.associate(id, fn) call
 *   window.__cfOrder   string[]             the ids in the order they were associated
 *   window.__excel     { runs, syncs, workbook, calls }
 *                      Excel.run(cb) calls cb(context) with context.workbook = __excel.workbook and
 *                      context.sync() counting into __excel.syncs. A test that needs a workbook sets
 *                      window.__excel = { workbook: {...} } with page.addInitScript before the page loads;
 *                      the stub keeps it.
 *   window.__office    { readyCalls, addinCalls }
 *
 * It is plain browser JavaScript in a string so that no test transform touches it.
 */

export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export interface OfficeStubOptions {
  host?: string;
  platform?: string;
  displayLanguage?: string;
}

/** Shape of what the stub records, for typing page.evaluate results. */
export interface StubRecords {
  cfIds: string[];
  excelRuns: number;
  excelSyncs: number;
}

export function officeStubScript(options: OfficeStubOptions = {}): string {
  const info = { host: options.host ?? "Excel", platform: options.platform ?? "PC" };
  return `(function () {
  "use strict";
  var info = ${JSON.stringify(info)};
  var displayLanguage = ${JSON.stringify(options.displayLanguage ?? "vi-VN")};

  window.__office = { readyCalls: 0, addinCalls: [] };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline" },
    context: {
      displayLanguage: displayLanguage,
      requirements: { isSetSupported: function () { return true; } },
      document: {}
    },
    onReady: function (cb) {
      window.__office.readyCalls++;
      if (typeof cb === "function") cb(info);
      return Promise.resolve(info);
    },
    addin: {
      showAsTaskpane: function () { window.__office.addinCalls.push("showAsTaskpane"); return Promise.resolve(); },
      hide: function () { window.__office.addinCalls.push("hide"); return Promise.resolve(); },
      setStartupBehavior: function (b) { window.__office.addinCalls.push("setStartupBehavior:" + b); return Promise.resolve(); }
    }
  };

  window.__cf = {};
  window.__cfOrder = [];
  function CustomFunctionsError(code, message) {
    this.code = code || "#VALUE!";
    this.message = message;
    this.name = "CustomFunctions.Error";
  }
  CustomFunctionsError.prototype = Object.create(Error.prototype);
  window.CustomFunctions = {
    associate: function (id, fn) {
      if (typeof id === "object") {
        Object.keys(id).forEach(function (k) { window.CustomFunctions.associate(k, id[k]); });
        return;
      }
      window.__cf[id] = fn;
      window.__cfOrder.push(id);
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!",
      nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!"
    }
  };

  var excel = Object.assign({ runs: 0, syncs: 0, workbook: {}, calls: [] }, window.__excel || {});
  window.__excel = excel;
  window.Excel = {
    run: function (cb) {
      excel.runs++;
      var context = {
        workbook: excel.workbook,
        sync: function () { excel.syncs++; return Promise.resolve(); },
        trackedObjects: { add: function () {}, remove: function () {} }
      };
      return Promise.resolve().then(function () { return cb(context); });
    }
  };
})();
`;
}

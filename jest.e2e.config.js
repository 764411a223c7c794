/** Tests against real clients: the built task pane in Chromium, scored workbooks in LibreOffice. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", {}] },
  testTimeout: 120000,
};

/** Unit and integration tests (no browser, no LibreOffice). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: { "^.+\\.tsx?$": ["ts-jest", {}] },
  // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies Jest on Node 20 cannot load;
  // the mock only uses its OfficeApp enum.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
};

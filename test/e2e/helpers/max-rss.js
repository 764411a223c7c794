// Preloaded (node --require) into a command run by a test: prints the process's peak resident set
// size when it exits, so the test can check the memory a run took without /usr/bin/time.
process.on("exit", () => {
  process.stderr.write(`\nmaxRSS-kB ${process.resourceUsage().maxRSS}\n`);
});

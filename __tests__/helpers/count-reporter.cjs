// Writes jest's real pass/fail counts where .ci/run can print them as one plain line.
const {writeFileSync} = require('node:fs');

class CountReporter {
  onRunComplete(_contexts, results) {
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
    };
    writeFileSync(process.env.MF_JEST_COUNTS || '.jest-counts.json', JSON.stringify(counts));
  }
}

module.exports = CountReporter;

// The unit suite. Files named on the command line (`npx mocha test/unit/x.test.ts`) run alone: the whole suite
// takes minutes, and mocha would otherwise add every spec of the config to the ones named.
const named = process.argv.slice(2).some((arg) => /\.test\.ts$/.test(arg));
module.exports = {
  'node-option': ['import=tsx'],
  ...(named ? {} : { spec: ['test/unit/**/*.test.ts'] }),
  timeout: 20000,
  reporter: 'spec',
};

// Entry the extension host loads (bundled to out/integration/suite.cjs): runs the mocha suite and rejects on
// any failure, which the host turns into a non-zero exit code.
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // GROUNDWORK_IT_GREP runs only the matching tests (the extension host inherits the harness's environment).
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60000,
    color: false,
    reporter: 'spec',
    grep: process.env.GROUNDWORK_IT_GREP,
  });
  // Define describe/it before the test modules load; they are imported lazily for that reason.
  mocha.suite.emit('pre-require', globalThis, 'groundwork-integration', mocha);
  await import('./activation.test.js');
  await import('./diagnostics.test.js');
  await import('./hover.test.js');
  await import('./citations.test.js');
  await import('./quickFixes.test.js');
  await import('./commands.test.js');
  await import('./sourceChanges.test.js');
  await import('./projectConfig.test.js');
  await import('./report.test.js');
  await import('./corpusPassword.test.js');
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((failed) => {
      // The closing line CI reads, the same whichever host runs the suite.
      console.log(`integration: ${runner.stats?.passes ?? 0} passed, ${failed} failed`);
      resolve(failed);
    });
  });
  if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed`);
}

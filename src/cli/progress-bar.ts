// A one-line progress bar on standard error, redrawn at most five times a second, only on a terminal (a log or a
// pipe gets the summary alone). Hand-written: eight lines do not justify a dependency.
const WIDTH = 30;

export function progressBar(unit: string, started = Date.now()): (done: number, total: number) => void {
  if (!process.stderr.isTTY) return () => {};
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    const filled = total === 0 ? WIDTH : Math.round((WIDTH * done) / total);
    const rate = done / Math.max((now - started) / 1000, 0.001);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}, ${rate.toFixed(0)}/s`;
    process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  };
}

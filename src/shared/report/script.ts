// The report page's script, inlined (the page loads nothing). It orders rows (problems first, as an editor reads a
// report, or as in the draft) and filters them by verdict, problem type and a search;
// in the VS Code webview it also keeps those filters and the scroll position across updates and reloads
// (webview state), takes each update's new content from the extension, and turns clicks into messages: reveal the
// sentence, open the source. After each render it reports the rows it shows, which the extension's tests read.
// Plain ES2020 in a string: it runs in the browser, not in Node, and must not be touched by the bundler.
export const REPORT_SCRIPT = `(() => {
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const content = document.getElementById('content');
  const toolbar = document.querySelector('.toolbar');
  const verdictBoxes = [...toolbar.querySelectorAll('input[name=verdict]')];
  const codeSelect = toolbar.querySelector('select[name=code]');
  const orderSelect = toolbar.querySelector('select[name=order]');
  const RANK = { contradicted: 0, unsupported: 1, supported: 2 };
  const search = toolbar.querySelector('input[name=search]');
  const shown = toolbar.querySelector('.shown');
  let state = (vscode && vscode.getState()) || {};
  if (document.body.dataset.draft) state.draft = document.body.dataset.draft;

  function save(extra) {
    state = Object.assign({}, state, extra);
    if (vscode) vscode.setState(state);
  }
  function filters() {
    return { verdicts: verdictBoxes.filter((box) => box.checked).map((box) => box.value), code: codeSelect.value, order: orderSelect.value, search: search.value };
  }
  function restoreFilters() {
    if (!state.filters) return;
    for (const box of verdictBoxes) box.checked = state.filters.verdicts.includes(box.value);
    codeSelect.value = state.filters.code;
    orderSelect.value = state.filters.order || 'problems';
    search.value = state.filters.search;
  }
  const fold = (text) => text.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').replace(/[\\u2018\\u2019]/g, "'").replace(/[\\u201c\\u201d]/g, '"').toLowerCase();

  function sortRows(order) {
    for (const list of content.querySelectorAll('.rows')) {
      const rows = [...list.querySelectorAll(':scope > .row')];
      const index = (row) => Number(row.dataset.index);
      rows.sort((a, b) => (order === 'draft' ? 0 : RANK[a.dataset.verdict] - RANK[b.dataset.verdict]) || index(a) - index(b));
      for (const row of rows) list.appendChild(row);
    }
  }

  function apply() {
    const { verdicts, code, order, search: words } = filters();
    sortRows(order);
    const needle = fold(words.trim());
    const rows = [...content.querySelectorAll('.row')];
    let visible = 0;
    for (const row of rows) {
      const hide = !verdicts.includes(row.dataset.verdict)
        || (code !== '' && !row.dataset.codes.split(' ').includes(code))
        || (needle !== '' && !fold(row.textContent).includes(needle));
      row.classList.toggle('hidden', hide);
      if (!hide) visible++;
    }
    shown.textContent = visible + ' of ' + rows.length + ' shown';
    save({ filters: filters() });
    if (vscode) {
      vscode.postMessage({
        type: 'rendered',
        rows: rows.map((row) => ({
          verdict: row.dataset.verdict,
          codes: row.dataset.codes ? row.dataset.codes.split(' ') : [],
          text: row.querySelector('.draft-side .passage').textContent,
          marked: [...row.querySelectorAll('mark')].map((mark) => mark.textContent),
          hidden: row.classList.contains('hidden'),
        })),
        counts: Object.fromEntries([...content.querySelectorAll('.count')].map((count) => [count.dataset.verdict, Number(count.querySelector('b').textContent)])),
      });
    }
  }

  toolbar.addEventListener('change', apply);
  search.addEventListener('input', apply);

  if (vscode) {
    content.addEventListener('click', (event) => {
      const link = event.target.closest('a.open-source');
      if (link) {
        event.preventDefault();
        vscode.postMessage({ type: 'openSource', source: link.dataset.source, range: JSON.parse(link.dataset.range) });
        return;
      }
      if (event.target.closest('details')) return;
      const row = event.target.closest('.row');
      if (row) vscode.postMessage({ type: 'reveal', range: JSON.parse(row.dataset.range) });
      const section = event.target.closest('.section');
      if (section) {
        const position = { line: Number(section.dataset.line), character: 0 };
        vscode.postMessage({ type: 'reveal', range: { start: position, end: position } });
      }
    });
    content.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.classList.contains('row')) event.target.click();
    });
    let scrollTimer;
    window.addEventListener('scroll', () => {
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => save({ scrollY: window.scrollY }), 100);
    });
    window.addEventListener('message', (event) => {
      if (event.data && event.data.type === 'update') {
        const y = window.scrollY;
        content.innerHTML = event.data.html;
        apply();
        window.scrollTo(0, y);
      }
    });
  }

  restoreFilters();
  apply();
  if (state.scrollY) window.scrollTo(0, state.scrollY);
})();
`;

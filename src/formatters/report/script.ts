/**
 * The report's script: collapsible clusters and the excerpt dialog. It only reads the data embedded
 * in the page; it loads nothing.
 */

export const SCRIPT = `
(() => {
  document.documentElement.classList.add('js');
  const data = JSON.parse(document.getElementById('qda-data').textContent);
  for (const button of document.querySelectorAll('.heatmap th button[aria-controls]')) {
    const rows = () => document.querySelectorAll('tr.code[data-cluster="' + button.dataset.cluster + '"]');
    rows().forEach((r) => r.classList.add('hidden'));
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      rows().forEach((r) => r.classList.toggle('hidden', !open));
    });
  }
  const dialog = document.getElementById('excerpts');
  const title = document.getElementById('excerpts-title');
  const list = dialog.querySelector('ol');
  let opener = null;
  const show = (button) => {
    const column = Number(button.dataset.col);
    const codes = new Set(button.dataset.codes.split(' ').map(Number));
    // One item per segment; a segment behind several codes of a cluster shows the words of each.
    const seen = new Map();
    list.replaceChildren();
    for (const e of data.excerpts) {
      if (!codes.has(e.code) || (column >= 0 && !e.columns.includes(column))) continue;
      const words = seen.get(e.citation);
      if (words) {
        for (const word of e.matched || []) if (!words.includes(word)) words.push(word);
        continue;
      }
      seen.set(e.citation, (e.matched || []).slice());
      const li = document.createElement('li');
      const quote = document.createElement('blockquote');
      quote.textContent = (e.speaker ? e.speaker + ': ' : '') + e.text;
      const cite = document.createElement('cite');
      cite.textContent = e.citation;
      li.append(quote, cite);
      list.append(li);
    }
    for (const cite of list.querySelectorAll('cite')) {
      const words = seen.get(cite.textContent);
      if (!words.length) continue;
      const matched = document.createElement('span');
      matched.className = 'matched';
      matched.textContent = data.words.matched + ': ' + words.join(', ');
      cite.after(matched);
    }
    if (!list.children.length) {
      const li = document.createElement('li');
      li.textContent = data.words.none;
      list.append(li);
    }
    // The page keeps a bounded number of excerpts per cell (report/model.ts): a larger cell says how many it shows.
    const total = Number(button.textContent);
    const shown = seen.size < total ? data.words.shownOf.replace('{shown}', seen.size).replace('{total}', total) : String(seen.size);
    title.textContent = data.words.excerptsFor + ': ' + button.dataset.title + ' (' + shown + ')';
    opener = button;
    dialog.showModal();
  };
  for (const button of document.querySelectorAll('.heatmap td button')) button.addEventListener('click', () => show(button));
  dialog.querySelector('.close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => opener && opener.focus());
})();
`;

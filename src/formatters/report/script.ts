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
    const seen = new Set();
    list.replaceChildren();
    for (const e of data.excerpts) {
      if (!codes.has(e.code) || (column >= 0 && !e.columns.includes(column)) || seen.has(e.citation)) continue;
      seen.add(e.citation);
      const li = document.createElement('li');
      const quote = document.createElement('blockquote');
      quote.textContent = (e.speaker ? e.speaker + ': ' : '') + e.text;
      const cite = document.createElement('cite');
      cite.textContent = e.citation;
      li.append(quote, cite);
      list.append(li);
    }
    if (!list.children.length) {
      const li = document.createElement('li');
      li.textContent = data.words.none;
      list.append(li);
    }
    title.textContent = data.words.excerptsFor + ': ' + button.dataset.title + ' (' + seen.size + ')';
    opener = button;
    dialog.showModal();
  };
  for (const button of document.querySelectorAll('.heatmap td button')) button.addEventListener('click', () => show(button));
  dialog.querySelector('.close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => opener && opener.focus());
})();
`;

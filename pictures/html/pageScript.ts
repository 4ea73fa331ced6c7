/**
 * The one script of every generated page. For each `.timeline` it reads the timeline's data
 * (JSON in a `script.tl-data` element, never evaluated), and on a click on any element carrying
 * `data-step` selects that step: marks it in the lanes and the step list, and fills the step
 * panel and the queue view with that step's contents. Hovering a mark shows its arguments. All
 * text goes in through `textContent`, never as markup.
 */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var tip = document.createElement('div');
  tip.className = 'tooltip';
  document.body.appendChild(tip);
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function fillQueues(box, rows) {
    box.replaceChildren();
    if (rows.length === 0) { box.appendChild(el('div', 'empty', 'every queue is empty')); return; }
    var table = el('table');
    rows.forEach(function (r) {
      var tr = el('tr', 'queue-row');
      tr.appendChild(el('td', 'label', r.label));
      var td = el('td');
      if (r.items.length === 0) td.appendChild(el('span', 'empty', 'empty'));
      r.items.forEach(function (x) { td.appendChild(el('span', 'item', x)); });
      tr.appendChild(td);
      table.appendChild(tr);
    });
    box.appendChild(table);
  }
  function fillStep(box, s) {
    box.replaceChildren();
    box.appendChild(el('div', 'mono', s.label));
    var table = el('table');
    s.args.forEach(function (a) {
      var tr = el('tr');
      tr.appendChild(el('td', '', a[0]));
      tr.appendChild(el('td', 'mono', a[1]));
      table.appendChild(tr);
    });
    var out = el('tr');
    out.appendChild(el('td', '', 'outcome'));
    out.appendChild(el('td', 'mono', s.outcome));
    table.appendChild(out);
    s.changes.forEach(function (c) {
      var tr = el('tr');
      tr.appendChild(el('td', '', c[0]));
      tr.appendChild(el('td', 'mono', c[1] + ' \\u2192 ' + c[2]));
      table.appendChild(tr);
    });
    box.appendChild(table);
  }
  function tipText(s) {
    var lines = [s.label];
    s.args.forEach(function (a) { lines.push(a[0] + ' = ' + a[1]); });
    lines.push('outcome: ' + s.outcome);
    return lines.join('\\n');
  }
  document.querySelectorAll('.timeline').forEach(function (root) {
    var holder = root.querySelector('script.tl-data');
    if (!holder) return;
    var data = JSON.parse(holder.textContent || '{}');
    var stepBox = root.querySelector('.step-view');
    var queueBox = root.querySelector('.queue-view');
    var queueTitle = root.querySelector('.queue-title');
    function select(i) {
      var s = data.steps[i];
      if (!s) return;
      root.querySelectorAll('[data-step].selected').forEach(function (e) { e.classList.remove('selected'); });
      root.querySelectorAll('[data-step="' + i + '"]').forEach(function (e) { e.classList.add('selected'); });
      root.setAttribute('data-selected', String(i));
      if (stepBox) fillStep(stepBox, s);
      if (queueBox) fillQueues(queueBox, s.queues);
      if (queueTitle) queueTitle.textContent = 'Queues after step ' + s.index;
    }
    root.addEventListener('click', function (ev) {
      var t = ev.target instanceof Element ? ev.target.closest('[data-step]') : null;
      if (t && root.contains(t)) select(Number(t.getAttribute('data-step')));
    });
    root.addEventListener('mousemove', function (ev) {
      var t = ev.target instanceof Element ? ev.target.closest('.mark[data-step]') : null;
      if (!t) { tip.style.display = 'none'; return; }
      var s = data.steps[Number(t.getAttribute('data-step'))];
      if (!s) return;
      tip.textContent = tipText(s);
      tip.style.left = (ev.clientX + 14) + 'px';
      tip.style.top = (ev.clientY + 14) + 'px';
      tip.style.display = 'block';
    });
    root.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
    select(data.selected);
  });
})();
`;

/**
 * The report's only script: sort the flag table by a column and filter it by text and status. Plain ES5 that
 * needs nothing from the network; rows carry their sort keys in data-sort attributes.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('flag-table');
  if (!table) return;
  var tbody = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  var sortState = { col: -1, dir: 1 };

  function sortKey(row, col, numeric) {
    var cell = row.cells[col];
    var value = cell.getAttribute('data-sort');
    if (value === null) value = cell.textContent.trim();
    if (!numeric) return value.toLowerCase();
    var n = parseFloat(value);
    return isNaN(n) ? null : n;
  }

  function sortBy(col) {
    var numeric = headers[col].getAttribute('data-type') === 'number';
    sortState.dir = sortState.col === col ? -sortState.dir : 1;
    sortState.col = col;
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a, col, numeric);
      var y = sortKey(b, col, numeric);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sortState.dir;
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
    for (var i = 0; i < headers.length; i++) {
      headers[i].setAttribute('aria-sort', i === col ? (sortState.dir === 1 ? 'ascending' : 'descending') : 'none');
    }
  }

  Array.prototype.forEach.call(headers, function (th, col) {
    var button = th.querySelector('button');
    if (button) button.addEventListener('click', function () { sortBy(col); });
  });

  var text = document.getElementById('flag-filter');
  var status = document.getElementById('status-filter');
  var shown = document.getElementById('shown-count');
  function applyFilter() {
    var needle = text ? text.value.trim().toLowerCase() : '';
    var wanted = status ? status.value : '';
    var count = 0;
    Array.prototype.forEach.call(tbody.rows, function (row) {
      var match = (!wanted || row.getAttribute('data-status') === wanted) &&
        (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
      row.hidden = !match;
      if (match) count++;
    });
    if (shown) shown.textContent = String(count);
  }
  if (text) text.addEventListener('input', applyFilter);
  if (status) status.addEventListener('change', applyFilter);
})();
`;

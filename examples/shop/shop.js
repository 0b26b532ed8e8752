// Demo shop behaviour: carries the chosen quantity from page to page in the query string.
(function () {
  'use strict';

  var UNIT_PRICE = 24;
  var params = new URLSearchParams(location.search);
  var qty = Math.min(Math.max(parseInt(params.get('qty'), 10) || 1, 1), 4);
  var total = (qty * UNIT_PRICE).toFixed(2);

  document.querySelectorAll('[data-qty]').forEach(function (el) { el.textContent = String(qty); });
  document.querySelectorAll('[data-total]').forEach(function (el) { el.textContent = total; });
  document.querySelectorAll('a[data-keep-qty]').forEach(function (a) {
    var url = new URL(a.getAttribute('href'), location.href);
    url.searchParams.set('qty', String(qty));
    a.setAttribute('href', url.pathname.split('/').pop() + url.search);
  });
  document.querySelectorAll('input[name="qty"][type="hidden"]').forEach(function (input) { input.value = String(qty); });
  var qtySelect = document.querySelector('select[name="qty"]');
  if (qtySelect && params.has('qty')) qtySelect.value = String(qty);

  window.shop = { qty: qty, total: Number(total) };
})();

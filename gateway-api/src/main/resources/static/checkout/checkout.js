// PayRelay checkout page. Everything essential works without this script (the page is rendered on
// the server and refreshes itself); it adds live status (Server-Sent Events, else polling), a
// countdown, copy and print buttons and the "Pay with browser wallet" button (EIP-1193).
(function () {
  'use strict';

  var POLL_MS = 5000;
  var RECEIPT_POLL_MS = 2000;
  var RECEIPT_WAIT_MS = 10 * 60 * 1000;

  var body = document.body;
  var token = body.getAttribute('data-token');
  var initialState = body.getAttribute('data-state');
  var initialPayments = null;

  function $(id) { return document.getElementById(id); }

  function showJsOnly() {
    var nodes = document.querySelectorAll('.js-only');
    for (var i = 0; i < nodes.length; i++) { nodes[i].hidden = false; }
  }

  function setupCopy() {
    var buttons = document.querySelectorAll('button.copy');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (event) {
        var button = event.currentTarget;
        var text = button.getAttribute('data-copy');
        if (!navigator.clipboard) { return; }
        navigator.clipboard.writeText(text).then(function () {
          var label = button.textContent;
          button.textContent = 'Copied';
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    }
    var print = $('print');
    if (print) { print.addEventListener('click', function () { window.print(); }); }
  }

  function setupCountdown() {
    var expires = $('expires');
    var out = $('countdown');
    if (!expires || !out) { return; }
    var at = Date.parse(expires.getAttribute('datetime'));
    if (isNaN(at)) { return; }
    out.hidden = false;
    function tick() {
      var left = Math.max(0, Math.floor((at - Date.now()) / 1000));
      if (left === 0) { out.textContent = '(expired)'; return; }
      var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
      out.textContent = '(' + (h > 0 ? h + ' h ' : '') + m + ' min ' + (s < 10 ? '0' : '') + s + ' s left)';
      setTimeout(tick, 1000);
    }
    tick();
  }

  function render(status) {
    var line = $('status');
    line.textContent = status.label;
    line.className = 'status status-' + status.state;
    $('amount-paid').textContent = status.amountPaid;
    $('amount-due').textContent = status.amountDue;
    body.setAttribute('data-live-state', status.state);
    if (initialPayments === null) { initialPayments = status.payments; }
    if (status.state !== initialState || status.payments !== initialPayments) {
      $('status-change').hidden = false;
    }
    if (status.state !== 'open' && status.state !== 'partial') {
      // Nothing more to pay here: take the ways to pay away until the page is shown anew.
      var closed = document.querySelectorAll('section.pay article.option, #wallet-pay, #pay-title, #countdown');
      for (var i = 0; i < closed.length; i++) { closed[i].hidden = true; }
    }
  }

  function statusUrl(kind) { return '/pay/' + encodeURIComponent(token) + '/' + kind; }

  function poll() {
    fetch(statusUrl('status'), { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { if (s) { render(s); } })
      .catch(function () {})
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  function live() {
    if (!window.EventSource) { poll(); return; }
    var failures = 0;
    var source = new EventSource(statusUrl('events'));
    source.addEventListener('status', function (e) {
      failures = 0;
      render(JSON.parse(e.data));
    });
    source.onerror = function () {
      failures++;
      if (source.readyState === EventSource.CLOSED || failures > 3) {
        source.close();
        poll();
      }
    };
  }

  // ---- Pay with browser wallet (EIP-1193) ----

  function say(text, done) {
    var m = $('wallet-message');
    if (!m) { return; }
    m.textContent = text;
    if (done) { m.setAttribute('data-done', 'true'); } else { m.removeAttribute('data-done'); }
  }

  function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  function waitForReceipt(eth, hash) {
    var deadline = Date.now() + RECEIPT_WAIT_MS;
    function again() {
      return eth.request({ method: 'eth_getTransactionReceipt', params: [hash] }).then(function (receipt) {
        if (receipt) { return receipt; }
        if (Date.now() > deadline) { throw new Error('The transaction was not mined in time.'); }
        return sleep(RECEIPT_POLL_MS).then(again);
      });
    }
    return again();
  }

  function submitProof(hash) {
    return fetch(statusUrl('proof'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ txHash: hash })
    }).then(function (r) {
      return r.json().then(function (answer) { return answer.message || answer.detail || ''; });
    });
  }

  function pay(button) {
    var eth = window.ethereum;
    var chainId = button.getAttribute('data-chain-id');
    var calls = JSON.parse(button.getAttribute('data-calls'));
    var from;
    button.disabled = true;
    say('Connecting to your wallet…');
    eth.request({ method: 'eth_requestAccounts' })
      .then(function (accounts) {
        from = accounts[0];
        return eth.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: chainId }] })
          .catch(function (e) {
            if (e && e.code === 4902) {
              throw new Error('Your wallet does not know chain ' + parseInt(chainId, 16) + '. Add it in your wallet, then try again.');
            }
            throw e;
          });
      })
      .then(function () {
        var last = Promise.resolve(null);
        calls.forEach(function (call, i) {
          last = last.then(function () {
            say(call.step + ': please confirm in your wallet (step ' + (i + 1) + ' of ' + calls.length + ').');
            return eth.request({ method: 'eth_sendTransaction', params: [{ from: from, to: call.to, value: call.value, data: call.data }] });
          }).then(function (hash) {
            say('Sent ' + hash + '. Waiting for it to be mined…');
            return waitForReceipt(eth, hash).then(function (receipt) {
              if (receipt.status !== '0x1') { throw new Error('The transaction failed on the chain: ' + hash); }
              return hash;
            });
          });
        });
        return last;
      })
      .then(function (hash) { return submitProof(hash); })
      .then(function (message) { say(message || 'Payment sent.', true); })
      .catch(function (e) {
        say(e && e.code === 4001 ? 'You cancelled the payment in your wallet.' : (e && e.message) || 'The wallet reported an error.', true);
      })
      .then(function () { button.disabled = false; });
  }

  function setupWallet() {
    var button = $('wallet-pay');
    if (!button) { return; }
    var box = button.parentNode;
    function offer() {
      if (window.ethereum) {
        box.hidden = false;
        button.addEventListener('click', function () { pay(button); });
        return true;
      }
      return false;
    }
    box.hidden = true;
    if (!offer()) { setTimeout(offer, 500); }
  }

  showJsOnly();
  setupCopy();
  setupCountdown();
  setupWallet();
  if (initialState !== 'void') { live(); }
})();

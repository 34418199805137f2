// An incident's page, live: when the incident changes, the page is fetched again and its state, verdicts
// and history are swapped in; the observers and the decisions too when the state changed and nothing was
// typed in their forms (the notices of this page stay). The bot's answer to a command is announced.
(function () {
  const base = document.body.dataset.base || '/';
  const heading = document.getElementById('incident');
  if (!heading) return;
  const id = heading.dataset.id;
  function typed() {
    return [...document.querySelectorAll('#incident-actions input:not([type=hidden]), #incident-actions textarea')]
      .some(f => f.value.trim());
  }
  function swap(next, selector) {
    const now = document.querySelector(selector);
    const fresh = next.querySelector(selector);
    if (now && fresh) now.replaceWith(fresh);
  }
  function refresh() {
    fetch(base + 'incidents/' + encodeURIComponent(id), { credentials: 'same-origin' })
      .then(r => r.ok ? r.text() : Promise.reject(r.status))
      .then(html => {
        const next = new DOMParser().parseFromString(html, 'text/html');
        const nextHeading = next.getElementById('incident');
        if (!nextHeading) return;
        swap(next, '#incident-live');
        if (nextHeading.dataset.state !== heading.dataset.state && !typed()) {
          heading.dataset.state = nextHeading.dataset.state;
          swap(next, '#incident-actions');
        }
      })
      .catch(() => { /* the banner says what is wrong */ });
  }
  window.vigiaLive.on('incidents', refresh);
  window.vigiaLive.on('status', s => { if (s.status === 'ok') refresh(); });
  // the bot's answer to the command this page was sent back from
  window.vigiaLive.commandResult((answer, result) =>
    answer.commandType === 'correct' ? result.dataset.edited : result.dataset.done);
  window.vigiaLive.on('command', event => {
    if (event.incident === id) refresh();
  });
})();

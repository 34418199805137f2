// An incident's page, live: its state, verdicts and history are swapped in when the incident changes;
// if its state changed and nothing was typed in a form, the page reloads to show the actions that now
// apply. The bot's answer to a command on this incident is announced.
(function () {
  const base = document.body.dataset.base || '/';
  const heading = document.getElementById('incident');
  if (!heading) return;
  const id = heading.dataset.id;
  let shown = heading.dataset.state;
  function typed() {
    return [...document.querySelectorAll('main input[name=reason], main textarea')].some(f => f.value.trim());
  }
  function refresh() {
    fetch(base + 'incidents/' + encodeURIComponent(id) + '/live', { credentials: 'same-origin' })
      .then(r => r.ok ? r.text() : Promise.reject(r.status))
      .then(html => {
        const next = new DOMParser().parseFromString(html, 'text/html').getElementById('incident-live');
        const live = document.getElementById('incident-live');
        if (!next || !live) return;
        const state = next.querySelector('.state');
        live.replaceWith(next);
        const now = state ? [...state.classList].find(c => c.startsWith('state-')).substring(6) : shown;
        if (now !== shown) {
          shown = now;
          heading.dataset.state = now;
          if (!typed()) window.location.reload();
        }
      })
      .catch(() => { /* the banner says what is wrong */ });
  }
  window.vigiaLive.on('incidents', refresh);
  window.vigiaLive.on('status', s => { if (s.status === 'ok') refresh(); });
  window.vigiaLive.on('command', event => {
    if (event.incident !== id) return;
    const notices = document.getElementById('command-result');
    if (!notices) return;
    const done = event.type === 'command-done';
    notices.textContent = done
      ? (event.commandType === 'correct' ? notices.dataset.edited : notices.dataset.done)
      : notices.dataset.failed;
    notices.className = done ? 'notice' : 'error';
    refresh();
  });
})();

// Shows the bot's result on an incident's page: when the incident's state differs from the one shown,
// the page reloads. Server-sent events from the bot's stream trigger a check at once; a check every few
// seconds catches whatever happened between two connections.
(function () {
  const heading = document.getElementById('incident');
  if (!heading) {
    return;
  }
  const id = heading.dataset.id;
  const shown = heading.dataset.state;
  let reloading = false;
  function check() {
    if (reloading) {
      return;
    }
    fetch('../map/incident/' + encodeURIComponent(id), { credentials: 'same-origin' })
      .then(r => r.json())
      .then(now => {
        if (now.state && now.state !== shown && !reloading) {
          reloading = true;
          window.location.reload();
        }
      })
      .catch(() => { /* offline for a moment: the next check tries again */ });
  }
  if (window.EventSource) {
    const events = new EventSource('../events');
    events.addEventListener('incident', check);
    events.addEventListener('command', check);
  }
  setInterval(check, 2000);
})();

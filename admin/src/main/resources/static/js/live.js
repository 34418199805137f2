// Shows the bot's result on an incident's page: reloads when the bot reports a change of this incident.
(function () {
  const heading = document.getElementById('incident');
  if (!heading || !window.EventSource) {
    return;
  }
  const id = heading.dataset.id;
  const events = new EventSource('../events');
  const reload = (e) => {
    try {
      const data = JSON.parse(e.data);
      if (data.incident === id) {
        events.close();
        window.location.reload();
      }
    } catch (ignored) {
      // not an event about an incident
    }
  };
  // each reload shows the state as stored then; later changes (e.g. CONFIRMED, then PUBLISHED) reload again
  events.addEventListener('incident', reload);
  events.addEventListener('command', reload);
})();

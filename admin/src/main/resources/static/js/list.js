// The incidents list, live: swapped for the server's new rendering whenever something changed (a new
// scene, a new report, a state, a verdict), and every 30 s so that "12 min ago" stays true. A new scene
// is announced with a sound and a browser notification when the dispatcher turned them on (a practice scene
// of a drill is not).
(function () {
  const base = document.body.dataset.base || '/';
  const toggle = document.getElementById('alerts-toggle');
  const ids = () => new Set([...document.querySelectorAll('#incident-list tr[data-id]')].map(r => r.dataset.id));
  let known = ids();
  let alerts = localStorage.getItem('vigia-alerts') === 'on';

  function showToggle() {
    if (!toggle) return;
    toggle.setAttribute('aria-pressed', String(alerts));
    toggle.textContent = alerts ? toggle.dataset.on : toggle.dataset.off;
  }
  showToggle();
  if (toggle) {
    toggle.addEventListener('click', () => {
      alerts = !alerts;
      localStorage.setItem('vigia-alerts', alerts ? 'on' : 'off');
      if (alerts && window.Notification && Notification.permission === 'default') Notification.requestPermission();
      showToggle();
    });
  }

  function beep() {
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const tone = audio.createOscillator();
      tone.frequency.value = 880;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.25);
    } catch (e) { /* no sound available */ }
  }

  function announce(added) {
    document.body.dataset.newScenes = String(Number(document.body.dataset.newScenes || 0) + added.length);
    if (!alerts) return;
    beep();
    if (window.Notification && Notification.permission === 'granted') {
      new Notification(toggle.dataset.new);
    }
  }

  function refresh() {
    fetch(base + 'incidents/live', { credentials: 'same-origin' })
      .then(r => r.ok ? r.text() : Promise.reject(r.status))
      .then(html => {
        const list = document.getElementById('incident-list');
        const next = new DOMParser().parseFromString(html, 'text/html').getElementById('incident-list');
        if (!list || !next) return;
        list.replaceWith(next);
        const now = ids();
        // a practice scene is marked in the list, never announced: a dispatcher on duty must not take it for a raid
        const added = [...now].filter(id => !known.has(id))
          .filter(id => next.querySelector('tr[data-id="' + CSS.escape(id) + '"]').dataset.drill !== 'true');
        known = now;
        if (added.length) announce(added);
      })
      .catch(() => { /* the banner says what is wrong; the next change tries again */ });
  }
  window.vigiaLive.on('incidents', refresh);
  window.vigiaLive.on('status', s => { if (s.status === 'ok') refresh(); });
  setInterval(refresh, 30000);
})();

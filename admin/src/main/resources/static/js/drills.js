// The drills page. Draws the drill timeline (uPlot): for each practice scene, the minutes from its start to the
// first "I'm going", to the quorum and to the drill post; a step not reached is a gap. The same figures are in
// the table under it and in the CSV download. After the form started a drill, says what the bot answered; the
// report is fetched again when the bot answers and whenever a scene changes, so the drill shows once it runs.
(function () {
  const base = document.body.dataset.base || '/';
  let chart = null;

  function draw() {
    const element = document.getElementById('drill-timeline');
    if (!window.uPlot || !element) return;
    const list = name => (element.dataset[name] || '').split('|').filter((_, i, all) => all.length > 1 || all[0] !== '')
      .map(v => v === '' ? null : Number(v) / 60);
    const scenes = Number(element.dataset.scenes || 0);
    if (!scenes) return;
    const xs = Array.from({ length: scenes }, (_, i) => i + 1);
    // an absent attribute (no scene reached that step) or a gap is null: uPlot draws nothing there
    const pad = values => xs.map((_, i) => values[i] === undefined ? null : values[i]);
    const going = pad(list('going')), quorum = pad(list('quorum')), post = pad(list('post'));
    const labels = (element.dataset.series || '').split('|');
    const line = (label, stroke, dash) => ({ label: label, stroke: stroke, dash: dash, width: 2, points: { show: true, size: 7 }, spanGaps: false });
    if (chart) chart.destroy();
    chart = new uPlot({
      width: width(element),
      height: 240,
      scales: { x: { time: false, range: [0.5, xs.length + 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [
        { values: (u, ticks) => ticks.map(t => Number.isInteger(t) && t >= 1 && t <= xs.length ? String(t) : ''), stroke: '#1b1b1b' },
        { stroke: '#1b1b1b', values: (u, ticks) => ticks.map(t => t + ' min') }
      ],
      series: [{ label: element.dataset.x || '' }, line(labels[0], '#1f3a5f'), line(labels[1], '#8a4b00', [6, 3]), line(labels[2], '#1b6b3a', [2, 3])]
    }, [xs, going, quorum, post], element);
    element.dataset.drawn = String(xs.length);
  }

  function width(element) {
    return Math.max(280, Math.min(element.parentElement.clientWidth, 900));
  }

  function refresh() {
    fetch(base + 'drills', { credentials: 'same-origin' })
      .then(r => r.ok ? r.text() : Promise.reject(r.status))
      .then(html => {
        const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('drill-report');
        const now = document.getElementById('drill-report');
        if (!fresh || !now) return;
        if (chart) { chart.destroy(); chart = null; }
        now.replaceWith(fresh);
        draw();
      })
      .catch(() => { /* the banner says what is wrong */ });
  }

  draw();
  window.addEventListener('resize', () => {
    const element = document.getElementById('drill-timeline');
    if (chart && element) chart.setSize({ width: width(element), height: 240 });
  });
  if (window.vigiaLive) {
    window.vigiaLive.on('incidents', refresh);
    // the bot's answer to the drill just started; once it runs, its scenes appear
    window.vigiaLive.commandResult(null, refresh);
  }
})();

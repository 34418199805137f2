// Draws each figure of the stats page as a bar chart (uPlot); the same figures are in the tables beside
// them and in the CSV downloads.
(function () {
  if (!window.uPlot) return;
  // an hour "2026-03-01 14:00" is shown as "14:00"; a band or an outcome as it is
  const short = label => /^\d{4}-\d\d-\d\d \d\d:00$/.test(label) ? label.slice(-5) : label;
  document.querySelectorAll('.chart').forEach(element => {
    const labels = element.dataset.labels ? element.dataset.labels.split('|') : [];
    const values = element.dataset.values ? element.dataset.values.split('|').map(Number) : [];
    if (!labels.length) return;
    const xs = labels.map((_, i) => i);
    const width = Math.max(280, Math.min(element.parentElement.clientWidth, 900));
    const chart = new uPlot({
      width: width,
      height: 220,
      legend: { show: false },
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [
        { values: (u, ticks) => ticks.map(t => Number.isInteger(t) && labels[t] ? short(labels[t]) : ''), stroke: '#1b1b1b' },
        { stroke: '#1b1b1b' }
      ],
      series: [{}, { stroke: '#1f3a5f', fill: 'rgba(31,58,95,0.6)', width: 1, paths: uPlot.paths.bars({ size: [0.7, 60] }), points: { show: false } }]
    }, [xs, values], element);
    element.dataset.drawn = String(values.length);
    window.addEventListener('resize', () => chart.setSize({ width: Math.max(280, Math.min(element.parentElement.clientWidth, 900)), height: 220 }));
  });
})();

// Draws the neighborhoods of a checked upload before they are saved.
(function () {
  const element = document.getElementById('preview');
  if (!element || !window.L) {
    return;
  }
  const map = L.map(element);
  const layer = L.geoJSON(JSON.parse(element.dataset.geojson), {
    style: { color: '#2f855a', weight: 1, fillOpacity: 0.15 },
    onEachFeature: (f, l) => l.bindTooltip(f.properties.name)
  }).addTo(map);
  map.fitBounds(layer.getBounds());
  element.dataset.neighborhoods = String(layer.getLayers().length);
})();

// The incidents map: neighborhoods as polygons, incidents as markers coloured by state.
// Works offline: without a tile server setting it draws the polygons on a plain background.
(function () {
  const element = document.getElementById('map');
  if (!element || !window.L) {
    return;
  }
  const colours = { NEW: '#b7791f', DISPATCHED: '#d69e2e', CONFIRMED: '#c53030', PUBLISHED: '#9b2c2c' };
  const map = L.map(element, { zoomSnap: 0.25 });
  const incidents = L.layerGroup().addTo(map);
  let bounds = null;

  function refreshIncidents() {
    fetch('map/incidents.json', { credentials: 'same-origin' }).then(r => r.json()).then(list => {
      incidents.clearLayers();
      list.forEach(i => {
        L.circleMarker([i.lat, i.lon], { radius: 9, color: colours[i.state] || '#4a5568', fillOpacity: 0.8 })
          .bindTooltip(i.id + ' · ' + i.state + ' · ' + i.reports)
          .on('click', () => { window.location.href = 'incidents/' + i.id; })
          .addTo(incidents);
      });
      element.dataset.incidents = String(list.length);
    });
  }

  fetch('map/settings.json', { credentials: 'same-origin' }).then(r => r.json()).then(settings => {
    if (settings.tiles) {
      L.tileLayer(settings.tiles, { maxZoom: 18 }).addTo(map);
    }
    return fetch('map/neighborhoods.geojson', { credentials: 'same-origin' });
  }).then(r => r.json()).then(geojson => {
    const layer = L.geoJSON(geojson, {
      style: { color: '#1f3a5f', weight: 1, fillOpacity: 0.08 },
      onEachFeature: (f, l) => l.bindTooltip(f.properties.name)
    }).addTo(map);
    element.dataset.neighborhoods = String(geojson.features.length);
    bounds = layer.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds);
    } else {
      map.setView([39.5, -98.35], 4);
    }
    refreshIncidents();
  });

  // live updates from the bot's event stream
  if (window.EventSource) {
    const events = new EventSource('events');
    events.addEventListener('incident', () => refreshIncidents());
  }
  window.vigiaRefresh = refreshIncidents;
})();

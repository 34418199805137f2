// The maps: on the incidents page, neighborhoods, open incidents (coloured by state, with what, where,
// how many reports and how long ago; a click opens the scene) and on-duty observers; on an incident's
// page, the scene and the observers around it. The base map is the console's own PMTiles file when one is
// set (no request leaves the console), else an online tile server if one is set, else a plain background.
(function () {
  const base = document.body.dataset.base || '/';
  const overview = document.getElementById('map');
  const single = document.getElementById('incident-map');
  const element = overview || single;
  if (!element || !window.L) return;
  const colours = { NEW: '#8a4b00', DISPATCHED: '#8a4b00', CONFIRMED: '#b00020', PUBLISHED: '#7a1020' };
  // a practice scene (drill) is drawn apart: a dashed purple ring with a white fill, whatever its state
  const DRILL = '#5b2a86';
  const map = L.map(element, { zoomSnap: 0.25 });
  const get = path => fetch(base + path, { credentials: 'same-origin' }).then(r => r.ok ? r.json() : Promise.reject(r.status));
  const incidents = L.layerGroup().addTo(map);
  const observers = L.layerGroup().addTo(map);

  function refreshIncidents() {
    return get('map/incidents.json').then(list => {
      incidents.clearLayers();
      list.forEach(i => {
        const text = i.ref + ' · ' + i.label + ' · ' + (i.where ? i.where + ' · ' : '') + i.reports + ' · ' + i.ago;
        const style = i.drill
          ? { radius: 10, color: DRILL, weight: 3, dashArray: '4 3', fillColor: '#ffffff', fillOpacity: 0.6, className: 'drill-marker' }
          : { radius: 10, color: colours[i.state] || '#4a5568', weight: 3, fillOpacity: 0.7 };
        L.circleMarker([i.lat, i.lon], style)
          .bindTooltip(text)
          .on('click', () => { window.location.href = base + 'incidents/' + i.id; })
          .addTo(incidents);
      });
      element.dataset.incidents = String(list.length);
      element.dataset.drills = String(list.filter(i => i.drill).length);
      return list;
    });
  }

  function refreshObservers() {
    return get('map/observers.json').then(list => {
      observers.clearLayers();
      list.forEach(o => {
        L.circleMarker([o.lat, o.lon], { radius: 6, color: '#1f5f3a', weight: 2, fillColor: '#2f855a', fillOpacity: 0.9 })
          .bindTooltip(o.label)
          .addTo(observers);
      });
      element.dataset.observers = String(list.length);
    });
  }

  function baseMap(settings) {
    if (settings.pmtiles && window.protomapsL) {
      protomapsL.leafletLayer({ url: base + settings.pmtiles, flavor: 'light', lang: settings.lang || 'en' }).addTo(map);
      element.dataset.basemap = 'pmtiles';
    } else if (settings.tiles) {
      L.tileLayer(settings.tiles, { maxZoom: 18 }).addTo(map);
      element.dataset.basemap = 'tiles';
    }
  }

  get('map/settings.json').then(settings => {
    baseMap(settings);
    if (single) {
      map.setView([Number(single.dataset.lat), Number(single.dataset.lon)], 17);
      L.circleMarker([Number(single.dataset.lat), Number(single.dataset.lon)], { radius: 12, color: '#b00020', weight: 3, fillOpacity: 0.3 }).addTo(incidents);
      refreshObservers();
      return;
    }
    return get('map/neighborhoods.geojson').then(geojson => {
      const layer = L.geoJSON(geojson, {
        style: { color: '#1f3a5f', weight: 1, fillOpacity: 0.05 },
        onEachFeature: (f, l) => l.bindTooltip(f.properties.name)
      }).addTo(map);
      element.dataset.neighborhoods = String(geojson.features.length);
      return refreshIncidents().then(list => {
        const bounds = layer.getBounds();
        list.forEach(i => bounds.extend([i.lat, i.lon]));
        if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 16 });
        else map.setView([39.5, -98.35], 4);
        refreshObservers();
      });
    });
  }).catch(() => { /* the banner says what is wrong */ });

  if (window.vigiaLive) {
    window.vigiaLive.on('incidents', () => { if (overview) refreshIncidents(); });
    window.vigiaLive.on('observers', refreshObservers);
  }
})();

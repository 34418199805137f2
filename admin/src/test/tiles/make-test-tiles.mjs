// Builds admin/src/test/resources/tiles/west-oakland.pmtiles, the small base map of the console's browser
// tests, from real OpenStreetMap data: the West Oakland extract that Debian ships in python-osmnx-doc
// (examples/tests/input_data/West-Oakland.osm.bz2, © OpenStreetMap contributors, ODbL). It writes
// vector tiles in the Protomaps basemap layout that protomaps-leaflet draws ("earth", "roads" with
// kind and name) into a PMTiles v3 archive, zooms 12 to 15.
//
// Only for remaking the test file; a network's own map comes from `pmtiles extract` (README).
//   apt-get download python-osmnx-doc && dpkg -x python-osmnx-doc_*.deb x
//   bzcat x/usr/share/doc/python-osmnx-doc/examples/tests/input_data/West-Oakland.osm.bz2 > west-oakland.osm
//   npm install geojson-vt@3 vt-pbf@3
//   node make-test-tiles.mjs west-oakland.osm west-oakland.pmtiles
import fs from 'node:fs';
import geojsonvt from 'geojson-vt';
import vtpbf from 'vt-pbf';

const [input, output] = process.argv.slice(2);
const xml = fs.readFileSync(input, 'utf8');

const nodes = new Map();
for (const m of xml.matchAll(/<node id="(\d+)"[^>]*? lat="([-\d.]+)" lon="([-\d.]+)"/g)) {
  nodes.set(m[1], [Number(m[3]), Number(m[2])]);
}
const kinds = {
  motorway: 'highway', trunk: 'highway', primary: 'major_road', secondary: 'major_road', tertiary: 'major_road',
  residential: 'minor_road', unclassified: 'minor_road', living_street: 'minor_road', service: 'other',
  footway: 'path', cycleway: 'path', path: 'path', pedestrian: 'path', steps: 'path',
};
const roads = [];
for (const m of xml.matchAll(/<way [^>]*>([\s\S]*?)<\/way>/g)) {
  const body = m[1];
  const highway = /<tag k="highway" v="([^"]+)"/.exec(body);
  if (!highway || !kinds[highway[1]]) continue;
  const name = /<tag k="name" v="([^"]+)"/.exec(body);
  const coords = [...body.matchAll(/<nd ref="(\d+)"/g)].map(r => nodes.get(r[1])).filter(Boolean);
  if (coords.length < 2) continue;
  const props = { kind: kinds[highway[1]], kind_detail: highway[1] };
  if (name) props.name = name[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  roads.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } });
}
const b = /<bounds minlon="([-\d.]+)" minlat="([-\d.]+)" maxlon="([-\d.]+)" maxlat="([-\d.]+)"/.exec(xml).slice(1).map(Number);
const [minLon, minLat, maxLon, maxLat] = [b[0] - 0.01, b[1] - 0.01, b[2] + 0.01, b[3] + 0.01];
const earth = [{ type: 'Feature', properties: { kind: 'earth' }, geometry: { type: 'Polygon',
  coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]] } }];

const MIN_ZOOM = 12, MAX_ZOOM = 15;
const options = { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, indexMaxPoints: 0, tolerance: 1, extent: 4096, buffer: 64 };
const indexes = {
  earth: geojsonvt({ type: 'FeatureCollection', features: earth }, options),
  roads: geojsonvt({ type: 'FeatureCollection', features: roads }, options),
};

const tileX = (lon, z) => Math.floor((lon + 180) / 360 * 2 ** z);
const tileY = (lat, z) => Math.floor((1 - Math.log(Math.tan(lat * Math.PI / 180) + 1 / Math.cos(lat * Math.PI / 180)) / Math.PI) / 2 * 2 ** z);

// PMTiles v3 tile ids: tiles of all lower zooms first, then the Hilbert index within the zoom
function tileId(z, x, y) {
  let acc = 0;
  for (let t = 0; t < z; t++) acc += 4 ** t;
  const xy = [x, y];
  let d = 0;
  for (let s = 2 ** z / 2; s >= 1; s /= 2) {
    const rx = (xy[0] & s) > 0 ? 1 : 0;
    const ry = (xy[1] & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) { xy[0] = s - 1 - xy[0]; xy[1] = s - 1 - xy[1]; }
      xy.reverse();
    }
  }
  return acc + d;
}

const tiles = [];
for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
  for (let x = tileX(minLon, z); x <= tileX(maxLon, z); x++) {
    for (let y = tileY(maxLat, z); y <= tileY(minLat, z); y++) {
      const layers = {};
      for (const [name, index] of Object.entries(indexes)) {
        const tile = index.getTile(z, x, y);
        if (tile && tile.features.length) layers[name] = tile;
      }
      if (Object.keys(layers).length) {
        tiles.push({ id: tileId(z, x, y), data: Buffer.from(vtpbf.fromGeojsonVt(layers, { version: 2 })) });
      }
    }
  }
}
tiles.sort((a, b) => a.id - b.id);

function varint(out, n) {
  while (n >= 0x80) { out.push((n % 0x80) | 0x80); n = Math.floor(n / 0x80); }
  out.push(n);
}
const dir = [];
varint(dir, tiles.length);
let last = 0;
for (const t of tiles) { varint(dir, t.id - last); last = t.id; }
for (const t of tiles) varint(dir, 1);
for (const t of tiles) varint(dir, t.data.length);
let offset = 0;
for (const t of tiles) { varint(dir, offset + 1); t.offset = offset; offset += t.data.length; }
const root = Buffer.from(dir);
const metadata = Buffer.from(JSON.stringify({
  name: 'West Oakland (test extract)',
  attribution: '© OpenStreetMap contributors (ODbL)',
  vector_layers: [{ id: 'earth', fields: {} }, { id: 'roads', fields: { kind: 'String', kind_detail: 'String', name: 'String' } }],
}));
const data = Buffer.concat(tiles.map(t => t.data));

const header = Buffer.alloc(127);
header.write('PMTiles', 0, 'ascii');
header.writeUInt8(3, 7);
const u64 = (v, at) => header.writeBigUInt64LE(BigInt(v), at);
u64(127, 8); u64(root.length, 16);
u64(127 + root.length, 24); u64(metadata.length, 32);
u64(0, 40); u64(0, 48);
u64(127 + root.length + metadata.length, 56); u64(data.length, 64);
u64(tiles.length, 72); u64(tiles.length, 80); u64(tiles.length, 88);
header.writeUInt8(1, 96); // clustered
header.writeUInt8(1, 97); // directories not compressed
header.writeUInt8(1, 98); // tiles not compressed
header.writeUInt8(1, 99); // MVT
header.writeUInt8(MIN_ZOOM, 100);
header.writeUInt8(MAX_ZOOM, 101);
const e7 = v => Math.round(v * 1e7);
header.writeInt32LE(e7(minLon), 102); header.writeInt32LE(e7(minLat), 106);
header.writeInt32LE(e7(maxLon), 110); header.writeInt32LE(e7(maxLat), 114);
header.writeUInt8(15, 118);
header.writeInt32LE(e7((minLon + maxLon) / 2), 119); header.writeInt32LE(e7((minLat + maxLat) / 2), 123);

fs.writeFileSync(output, Buffer.concat([header, root, metadata, data]));
console.log(`${output}: ${tiles.length} tiles, ${roads.length} roads, ${127 + root.length + metadata.length + data.length} bytes`);

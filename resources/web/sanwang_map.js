/* The console's map page: cases (clustered with supercluster), heatmap, outlines,
 * devices; data arrives as JSON from the loopback server, live changes through
 * SanwangMap.updateCases; clicks go back to the console through the QWebChannel bridge.
 * Every stored point is WGS-84; on a GCJ-02 basemap points are converted as they are
 * drawn and clicks as they are read (toView / fromView).
 */
(function () {
  'use strict';

  var S = (window.SanwangMap = {});
  var GROUP_COLOURS = ['#2f7ed8', '#f28f2c', '#e6c229', '#8c8c8c', '#2e9e55', '#b07aa1'];
  var OVERDUE = 1, URGENT = 2, SUPERVISED = 4;
  var REINDEX_DELAY_MS = 4000;
  // The overlays the operator can tick, as the console names them.
  var OVERLAYS = ['cases', 'heat', 'communities', 'grids', 'cameras', 'terminals', 'campaign'];

  // Every vector shares the map's one canvas (preferCanvas): a second canvas on top
  // would swallow the clicks meant for the markers underneath.
  var map = null, settings = null, bridge = null;
  var texts = {};
  var crs = 'wgs84';
  var cases = new Map();      // id -> [id, lon, lat, group, flags]
  var overlay = new Map();    // changed since the index was built: drawn on their own
  var gone = new Set();       // removed since the index was built
  var drawn = new Map();      // id -> its marker on the clustered layer, as drawn now
  var index = null;
  var reindexTimer = null;
  var street = [];            // street rings, for the "outside the street" count
  var layers = {};
  var baseLayers = {};
  var notices = {};
  var picking = false;
  var highlight = null;
  var stats = { drawnPoints: 0, drawnClusters: 0, clusteredCases: 0, loadMs: null,
    shownMs: null, lastUpdateMs: null, lastShownMs: null, ready: false, outside: 0, tileErrors: 0, tileLoads: 0 };

  // -- coordinates ------------------------------------------------------------------------

  var A = 6378245.0, EE = 0.00669342162296594323;
  function outOfChina(lon, lat) {
    return !(lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271);
  }
  function shiftLat(x, y) {
    var r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
    r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
    return r;
  }
  function shiftLon(x, y) {
    var r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
    r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
    return r;
  }
  function wgsToGcj(lon, lat) {
    if (outOfChina(lon, lat)) return [lon, lat];
    var dLat = shiftLat(lon - 105, lat - 35), dLon = shiftLon(lon - 105, lat - 35);
    var rad = lat / 180 * Math.PI, magic = 1 - EE * Math.sin(rad) * Math.sin(rad);
    var sq = Math.sqrt(magic);
    dLat = (dLat * 180) / ((A * (1 - EE)) / (magic * sq) * Math.PI);
    dLon = (dLon * 180) / (A / sq * Math.cos(rad) * Math.PI);
    return [lon + dLon, lat + dLat];
  }
  function gcjToWgs(lon, lat) {
    var x = lon, y = lat;
    for (var i = 0; i < 30; i++) {
      var f = wgsToGcj(x, y), dx = lon - f[0], dy = lat - f[1];
      x += dx; y += dy;
      if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) break;
    }
    return [x, y];
  }
  function toView(lon, lat) {  // WGS-84 -> [lat, lng] on the current basemap
    if (crs === 'gcj02') { var g = wgsToGcj(lon, lat); return [g[1], g[0]]; }
    return [lat, lon];
  }
  function fromView(latlng) {  // a clicked point -> [lon, lat] in WGS-84
    if (crs === 'gcj02') return gcjToWgs(latlng.lng, latlng.lat);
    return [latlng.lng, latlng.lat];
  }
  S.toView = toView;

  // -- start --------------------------------------------------------------------------------

  S.start = function (leafletMap, config) {
    map = leafletMap;
    settings = config;
    texts = config.texts || {};
    if (!map.options.maxZoom) map.setMaxZoom(19);  // folium leaves it to the tile layers
    L.control.scale({ imperial: false }).addTo(map);
    // Plain text: the default prefix carries a flag and a link that leaves the machine.
    if (map.attributionControl) map.attributionControl.setPrefix('Leaflet');
    var ringPane = map.createPane('swHighlight');
    ringPane.style.zIndex = 650;
    ringPane.style.pointerEvents = 'none';
    layers.cases = L.layerGroup().addTo(map);
    layers.casePoints = L.layerGroup().addTo(layers.cases);
    layers.caseChanges = L.layerGroup().addTo(layers.cases);
    layers.heat = L.heatLayer([], { radius: 22, blur: 18, maxZoom: 17 });
    layers.heat.on('add', function () {  // under the markers, not over them
      var c = layers.heat._canvas;
      if (c && c.parentNode) c.parentNode.insertBefore(c, c.parentNode.firstChild);
    });
    layers.communities = L.layerGroup().addTo(map);
    layers.grids = L.layerGroup().addTo(map);
    layers.cameras = L.layerGroup();
    layers.terminals = L.layerGroup();
    layers.campaign = L.layerGroup();
    restoreOverlays(config.layers || {});
    S.noticeBox = L.DomUtil.create('div', 'sw-notices', map.getContainer());
    buildBasemaps(config.basemaps || [], config.basemap || '');
    buildLegend();
    map.on('moveend', drawCases);
    map.on('zoomend', gridLabels);
    map.on('click', mapClicked);
    map.on('contextmenu', function (e) {
      var p = fromView(e.latlng);
      if (bridge) bridge.contextPoint(p[0], p[1]);
      S.lastContext = p;
    });
    gridLabels();
    if (config.bridge && window.QWebChannel && window.qt) {
      new QWebChannel(qt.webChannelTransport, function (channel) {
        bridge = channel.objects.bridge;
        bridge.pageReady();
      });
    }
    S.started = true;
  };

  // The overlays shown or hidden as the operator left them (kept by the console).
  function restoreOverlays(shown) {
    OVERLAYS.forEach(function (key) {
      if (shown[key] === true && !map.hasLayer(layers[key])) layers[key].addTo(map);
      if (shown[key] === false && map.hasLayer(layers[key])) map.removeLayer(layers[key]);
    });
  }

  function overlayKey(layer) {
    for (var i = 0; i < OVERLAYS.length; i++) if (layers[OVERLAYS[i]] === layer) return OVERLAYS[i];
    return null;
  }

  function buildBasemaps(list, chosen) {
    var first = null, remembered = null;
    list.forEach(function (b) {
      var layer;
      if (b.key === 'plain') {
        layer = L.layerGroup();
      } else {
        layer = L.tileLayer(b.url, {
          subdomains: b.subdomains || 'abc', maxZoom: 19, maxNativeZoom: b.maxZoom || 18,
          minNativeZoom: b.minZoom || 0, attribution: b.attribution || '',
          bounds: b.bounds ? L.latLngBounds(b.bounds) : undefined,
        });
        watchTiles(layer, b);
      }
      layer.swBasemap = b;
      if (b.available === false) {  // not offered; the notice says why
        if (b.reason) notice('basemap-' + b.key, b.reason);
        return;
      }
      baseLayers[b.name] = layer;
      if (!first) first = layer;
      if (b.key === chosen) remembered = layer;
    });
    layers.control = L.control.layers(baseLayers, overlayNames(), { collapsed: false });
    layers.control.addTo(map);
    map.on('baselayerchange', function (e) { useBasemap(e.layer); });
    first = remembered || first;
    if (first) { first.addTo(map); useBasemap(first); }
    // Only what the operator changes from here on is reported (not the start above, and
    // not a remembered basemap that is missing today).
    map.on('baselayerchange', function (e) {
      if (bridge) bridge.basemapChosen(e.layer.swBasemap.key);
    });
    map.on('overlayadd overlayremove', function (e) {
      var key = overlayKey(e.layer);
      if (key && bridge) bridge.layerToggled(key, e.type === 'overlayadd');
    });
  }

  function overlayNames() {
    var o = {};
    o[texts.cases || 'Cases'] = layers.cases;
    o[texts.heat || 'Heatmap'] = layers.heat;
    o[texts.communities || 'Communities'] = layers.communities;
    o[texts.grids || 'Grids'] = layers.grids;
    o[texts.cameras || 'Cameras'] = layers.cameras;
    o[texts.terminals || 'Field terminals'] = layers.terminals;
    o[texts.campaign || 'Campaign items'] = layers.campaign;
    return o;
  }

  function watchTiles(layer, b) {
    var errors = 0, loads = 0;
    layer.on('tileload', function () { loads++; stats.tileLoads++; });
    layer.on('tileerror', function () {
      errors++; stats.tileErrors++;
      if (b.key === 'offline') {
        notice('tiles-missing', texts.tilesMissing || 'Some offline tiles are missing.');
      } else if (errors >= 3 && loads === 0) {
        notice('online-down', texts.onlineDown || 'The online map does not answer.');
        map.getContainer().classList.add('sw-plain');
      }
    });
  }

  function useBasemap(layer) {
    var b = layer.swBasemap || {};
    var container = map.getContainer();
    container.classList.toggle('sw-plain', b.key === 'plain');
    var next = b.crs === 'gcj02' ? 'gcj02' : 'wgs84';
    S.basemap = b.key;
    if (next !== crs) {
      var centre = fromView(map.getCenter());
      crs = next;
      map.setView(toView(centre[0], centre[1]), map.getZoom(), { animate: false });
      redrawAll();
    }
    clearNotice('online-down');
  }

  function buildLegend() {
    var legend = L.control({ position: 'bottomright' });
    legend.onAdd = function () {
      var div = L.DomUtil.create('div', 'sw-legend');
      var names = texts.groups || [];
      var html = '';
      for (var i = 0; i < GROUP_COLOURS.length; i++) {
        html += '<div><i style="background:' + GROUP_COLOURS[i] + '"></i>' +
          escapeHtml(names[i] || String(i)) + '</div>';
      }
      html += '<div><i class="sw-overdue"></i>' + escapeHtml(texts.overdue || 'Overdue') + '</div>';
      div.innerHTML = html;
      return div;
    };
    legend.addTo(map);
  }

  // -- notices --------------------------------------------------------------------------------

  function notice(key, text) {
    notices[key] = text;
    renderNotices();
  }
  function clearNotice(key) {
    if (key in notices) { delete notices[key]; renderNotices(); }
  }
  function renderNotices() {
    if (!S.noticeBox) return;
    S.noticeBox.innerHTML = Object.keys(notices).map(function (k) {
      return '<div>' + escapeHtml(notices[k]) + '</div>';
    }).join('');
  }
  S.notice = notice;
  S.clearNotice = clearNotice;

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // -- cases ------------------------------------------------------------------------------------

  S.loadCases = function (url) {
    var started = performance.now();
    stats.shownMs = null;
    return fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      cases = new Map();
      var rows = data.rows;
      for (var i = 0; i < rows.length; i++) cases.set(rows[i][0], rows[i]);
      rebuildIndex();
      stats.loadMs = performance.now() - started;
      stats.ready = true;
      requestAnimationFrame(function () { stats.shownMs = performance.now() - started; });
      countOutside();
      return rows.length;
    }).catch(function (error) {
      notice('cases', (texts.casesFailed || 'Cases could not be loaded: ') + error);
      throw error;
    });
  };

  function feature(rec) {
    var v = toView(rec[1], rec[2]);
    return { type: 'Feature', properties: { i: rec[0], g: rec[3], f: rec[4] },
      geometry: { type: 'Point', coordinates: [v[1], v[0]] } };
  }

  function rebuildIndex() {
    if (reindexTimer) { clearTimeout(reindexTimer); reindexTimer = null; }
    var features = new Array(cases.size), n = 0;
    cases.forEach(function (rec) { features[n++] = feature(rec); });
    index = new Supercluster({
      radius: 60, maxZoom: 16, minPoints: 3,
      map: function (p) { return { o: p.f & OVERDUE ? 1 : 0 }; },
      reduce: function (acc, p) { acc.o += p.o; },
    });
    index.load(features);
    overlay.clear();
    gone.clear();
    layers.caseChanges.clearLayers();
    drawCases();
  }

  function caseMarker(rec) {
    var overdue = rec[4] & OVERDUE;
    var m = L.circleMarker(toView(rec[1], rec[2]), {
      radius: rec[4] & URGENT ? 8 : 6, weight: overdue ? 3 : 1.5,
      color: overdue ? '#d7191c' : '#ffffff', fillColor: GROUP_COLOURS[rec[3]] || '#555',
      fillOpacity: 0.95, bubblingMouseEvents: false,
    });
    m.swCase = rec[0];
    m.on('click', function () { caseClicked(rec[0]); });
    return m;
  }

  function drawCases() {
    if (!index || !map) return;
    var b = map.getBounds().pad(0.2);
    var zoom = Math.round(map.getZoom());
    var found = index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    var group = layers.casePoints;
    group.clearLayers();
    drawn.clear();
    var points = 0, clusters = 0, total = 0;
    for (var i = 0; i < found.length; i++) {
      var f = found[i], p = f.properties, c = f.geometry.coordinates;
      if (p.cluster) {
        clusters++; total += p.point_count;
        group.addLayer(clusterMarker(f.id, p, c));
      } else {
        total++;
        if (overlay.has(p.i) || gone.has(p.i)) continue;
        points++;
        var marker = caseMarker(cases.get(p.i));
        drawn.set(p.i, marker);
        group.addLayer(marker);
      }
    }
    stats.drawnPoints = points;
    stats.drawnClusters = clusters;
    stats.clusteredCases = total;
    if (highlight && S.selected != null) placeHighlight(S.selected);
  }

  function clusterMarker(id, p, c) {
    var n = p.point_count;
    var size = n < 100 ? 34 : n < 1000 ? 42 : 52;
    var cls = 'sw-cluster' + (p.o > 0 ? ' sw-cluster-overdue' : '');
    var icon = L.divIcon({ html: '<div><span>' + p.point_count_abbreviated + '</span></div>',
      className: cls, iconSize: L.point(size, size) });
    var m = L.marker([c[1], c[0]], { icon: icon });
    m.on('click', function () {
      var z = Math.min(index.getClusterExpansionZoom(id), 18);
      map.setView([c[1], c[0]], z);
    });
    return m;
  }

  function hideDrawn(rows, removed) {
    var group = layers.casePoints;
    rows.forEach(function (rec) { dropMarker(group, rec[0]); });
    removed.forEach(function (id) { dropMarker(group, id); });
  }

  function dropMarker(group, id) {
    var marker = drawn.get(id);
    if (marker) { group.removeLayer(marker); drawn.delete(id); stats.drawnPoints--; }
  }

  function drawChanges() {
    var group = layers.caseChanges;
    group.clearLayers();
    overlay.forEach(function (rec) { group.addLayer(caseMarker(rec)); });
  }

  // Changed cases are drawn at once on their own layer, and hidden from the clustered
  // one; the cluster index (slow to build for many cases) is rebuilt once changes settle.
  S.updateCases = function (data) {
    var started = performance.now();
    (data.rows || []).forEach(function (rec) {
      cases.set(rec[0], rec); overlay.set(rec[0], rec); gone.delete(rec[0]);
    });
    (data.removed || []).forEach(function (id) {
      if (cases.delete(id)) gone.add(id);
      overlay.delete(id);
    });
    if (data.rows && data.rows.length || data.removed && data.removed.length) {
      hideDrawn(data.rows || [], data.removed || []);
      drawChanges();
      if (reindexTimer) clearTimeout(reindexTimer);
      reindexTimer = setTimeout(rebuildIndex, REINDEX_DELAY_MS);
    }
    stats.lastUpdateMs = performance.now() - started;
    // The canvas paints on the next animation frame: that is when the change is seen.
    stats.lastShownMs = null;
    requestAnimationFrame(function () { stats.lastShownMs = performance.now() - started; });
    return stats.lastUpdateMs;
  };

  function caseClicked(id) {
    S.selectCase(id, false);
    if (bridge) bridge.caseClicked(id);
  }

  S.selectCase = function (id, centre) {
    var rec = cases.get(id);
    S.selected = rec ? id : null;
    if (!rec) { if (highlight) { map.removeLayer(highlight); highlight = null; } return false; }
    if (centre !== false) {
      map.setView(toView(rec[1], rec[2]), Math.max(map.getZoom(), 17), { animate: false });
    }
    placeHighlight(id);
    return true;
  };

  function placeHighlight(id) {
    var rec = cases.get(id);
    if (!rec) return;
    var at = toView(rec[1], rec[2]);
    if (!highlight) {
      highlight = L.circleMarker(at, { pane: 'swHighlight', radius: 15, weight: 4,
        color: '#00c8ff', fill: false, interactive: false }).addTo(map);
    } else {
      highlight.setLatLng(at);
    }
  }

  S.setPicking = function (on) {
    picking = !!on;
    map.getContainer().classList.toggle('sw-picking', picking);
  };

  function mapClicked(e) {
    if (!picking) return;
    var p = fromView(e.latlng);
    if (S.pin) map.removeLayer(S.pin);
    S.pin = L.circleMarker(e.latlng, { radius: 7, color: '#000', weight: 2,
      fillColor: '#fff', fillOpacity: 1, interactive: false }).addTo(map);
    if (bridge) bridge.pointPicked(p[0], p[1]);
    S.lastPicked = p;
  }

  // -- outlines, devices, heatmap ----------------------------------------------------------

  var outlineData = null, deviceData = null, heatData = null;

  S.loadBoundaries = function (url) {
    return fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      outlineData = data;
      street = data.street.map(function (s) { return s.ring; });
      drawOutlines();
      countOutside();
      return data.communities.length;
    });
  };

  function ring(points) {
    return points.map(function (p) { return toView(p[0], p[1]); });
  }

  function drawOutlines() {
    if (!outlineData) return;
    layers.communities.clearLayers();
    layers.grids.clearLayers();
    outlineData.street.forEach(function (s) {
      L.polygon(ring(s.ring), { className: 'sw-street', weight: 3, color: '#963c3c',
        fill: false, interactive: false }).addTo(layers.communities);
    });
    outlineData.communities.forEach(function (c) {
      L.polygon(ring(c.ring), { className: 'sw-community', weight: 2, color: '#5a6ea0',
        fillOpacity: 0.06, interactive: false })
        .bindTooltip(escapeHtml(c.name), { permanent: true, direction: 'center',
          className: 'sw-label' })
        .addTo(layers.communities);
    });
    outlineData.grids.forEach(function (g) {
      L.polygon(ring(g.ring), { weight: 1, color: '#8a8aa0', fill: false, interactive: false,
        dashArray: '3 3' })
        .bindTooltip(escapeHtml(g.code.slice(-3)), { permanent: true, direction: 'center',
          className: 'sw-grid-label' })
        .addTo(layers.grids);
    });
  }

  function gridLabels() {
    if (map) map.getContainer().classList.toggle('sw-grid-labels', map.getZoom() >= 17);
  }

  S.loadDevices = function (url) {
    return fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      deviceData = data;
      drawDevices();
      return data.cameras.length;
    });
  };

  function drawDevices() {
    if (!deviceData) return;
    layers.cameras.clearLayers();
    layers.terminals.clearLayers();
    layers.campaign.clearLayers();
    deviceData.cameras.forEach(function (c) {
      L.circleMarker(toView(c[1], c[2]), { radius: 5, weight: 1.5,
        color: '#ffffff', fillColor: c[3] ? '#19b35a' : '#3c3c46', fillOpacity: 1,
        bubblingMouseEvents: false })
        .bindTooltip(escapeHtml(c[4] + ' · ' + (c[3] ? texts.online : texts.offline)))
        .on('click', function () { if (bridge) bridge.cameraClicked(c[0]); })
        .addTo(layers.cameras);
    });
    deviceData.terminals.forEach(function (t) {
      L.circleMarker(toView(t[1], t[2]), { radius: 5, weight: 2,
        color: t[3] ? '#6a3d9a' : '#9a9a9a', fillColor: '#fff', fillOpacity: 1 })
        .bindTooltip(escapeHtml(t[4] + ' · ' + (t[3] ? texts.online : texts.offline) +
          (t[5] ? ' · ' + texts.approx : '')))
        .addTo(layers.terminals);
    });
    deviceData.campaign_items.forEach(function (c) {
      L.circleMarker(toView(c[1], c[2]), { radius: 4, weight: 1,
        color: '#333', fillColor: c[3] ? '#2e9e55' : '#e08214', fillOpacity: 0.9 })
        .bindTooltip(escapeHtml(c[4] || String(c[0])))
        .addTo(layers.campaign);
    });
  }

  S.loadHeat = function (url) {
    return fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      heatData = data.points;
      drawHeat();
      return heatData.length;
    });
  };

  function drawHeat() {
    if (!heatData) return;
    // A year of cases would paint the whole street red at an intensity cap of 1.
    layers.heat.setOptions({ max: Math.max(1, heatData.length / 1500) });
    layers.heat.setLatLngs(heatData.map(function (p) { return toView(p[1], p[0]); }));
  }

  function redrawAll() {
    if (index) rebuildIndex();
    drawOutlines();
    drawDevices();
    drawHeat();
    if (S.selected != null) placeHighlight(S.selected);
  }

  S.fitStreet = function () {
    if (!outlineData || !outlineData.street.length) return false;
    var bounds = L.latLngBounds(ring(outlineData.street[0].ring));
    map.fitBounds(bounds, { animate: false, padding: [10, 10] });
    return true;
  };

  S.showCamera = function (id) {
    if (!deviceData) return false;
    var found = deviceData.cameras.filter(function (c) { return c[0] === id; })[0];
    if (!found) return false;
    if (!map.hasLayer(layers.cameras)) map.addLayer(layers.cameras);
    map.setView(toView(found[1], found[2]), Math.max(map.getZoom(), 17), { animate: false });
    return true;
  };

  // -- points outside the street -----------------------------------------------------------

  function inside(lon, lat, poly) {
    var inRing = false;
    for (var i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      var xi = poly[i][0], yi = poly[i][1], xj = poly[j][0], yj = poly[j][1];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
        inRing = !inRing;
      }
    }
    return inRing;
  }

  function countOutside() {
    if (!street.length || !cases.size) return;
    var outside = 0;
    cases.forEach(function (rec) {
      for (var k = 0; k < street.length; k++) if (inside(rec[1], rec[2], street[k])) return;
      outside++;
    });
    stats.outside = outside;
    if (outside > 0) {
      notice('outside', (texts.outside || '%1 cases lie outside the street.')
        .replace('%1', String(outside)));
    } else {
      clearNotice('outside');
    }
  }

  // -- read back (tests, benchmarks) ---------------------------------------------------------

  S.stats = function () {
    var out = Object.assign({}, stats, { cases: cases.size, changes: overlay.size,
      selected: S.selected == null ? null : S.selected, basemap: S.basemap, crs: crs,
      notices: Object.keys(notices), zoom: map ? map.getZoom() : null,
      center: map ? [map.getCenter().lat, map.getCenter().lng] : null,
      highlight: highlight ? [highlight.getLatLng().lat, highlight.getLatLng().lng] : null });
    return JSON.stringify(out);
  };

  S.chooseBasemap = function (key) {
    var names = Object.keys(baseLayers);
    for (var i = 0; i < names.length; i++) {
      var layer = baseLayers[names[i]];
      if (layer.swBasemap.key !== key) continue;
      names.forEach(function (n) { if (map.hasLayer(baseLayers[n])) map.removeLayer(baseLayers[n]); });
      layer.addTo(map);
      useBasemap(layer);
      return true;
    }
    return false;
  };

  S.showLayer = function (name, on) {  // as ticking it in the legend does
    var layer = layers[name];
    if (!layer) return false;
    if (on && !map.hasLayer(layer)) map.addLayer(layer);
    if (!on && map.hasLayer(layer)) map.removeLayer(layer);
    return true;
  };

  S.shownLayers = function () {  // {overlay key: shown}
    var out = {};
    OVERLAYS.forEach(function (key) { out[key] = map.hasLayer(layers[key]); });
    return JSON.stringify(out);
  };

  S.containerPoint = function (lon, lat) {  // where a WGS-84 point is in the view, in px
    var p = map.latLngToContainerPoint(toView(lon, lat));
    return JSON.stringify([p.x, p.y]);
  };

  S.outlines = function () {
    return JSON.stringify({ communities: layers.communities.getLayers().length,
      grids: layers.grids.getLayers().length });
  };

  S.drawnCases = function () {  // [[id, lat, lng], ...] of the unclustered case markers
    var out = [];
    [layers.casePoints, layers.caseChanges].forEach(function (g) {
      g.eachLayer(function (m) {
        if (m.swCase != null) out.push([m.swCase, m.getLatLng().lat, m.getLatLng().lng]);
      });
    });
    return JSON.stringify(out);
  };
})();

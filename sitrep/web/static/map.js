// The map page: an offline basemap from world-atlas (TopoJSON) with town names from the gazetteer as
// you zoom, event markers coloured by type (clusters take the colour of their commonest type) and sized
// by fatalities, country and region points drawn as dashed rings. Popups are built with textContent so
// no text from an article is ever parsed as HTML; colours are set through the DOM, never inline markup.
(function () {
  "use strict";
  var element = document.getElementById("map");
  var status = document.getElementById("map-status");
  var colours = JSON.parse(element.dataset.colours || "{}");
  var query = JSON.parse(element.dataset.query || "{}");
  // Without tiles the map has no zoom range of its own, and marker clustering needs one.
  var map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([30, 20], 2);
  element.leafletMap = map;  // for the page tests, which zoom and pan it
  // Basemap under town names under event markers.
  map.createPane("basemap").style.zIndex = 250;
  map.createPane("labels").style.zIndex = 350;
  map.getPane("labels").style.pointerEvents = "none";

  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 18 }).addTo(map);
  }

  // A ring whose points jump across the antimeridian (179° to -179°) is drawn by Leaflet as a band
  // across the whole map. Each ring is made continuous (longitudes may pass ±180), and a polygon that
  // then reaches past the edge is drawn once more shifted by 360°, so both sides of the edge show it.
  function unwrap(ring) {
    var out = [[ring[0][0], ring[0][1]]];
    for (var i = 1; i < ring.length; i++) {
      var lon = ring[i][0];
      var previous = out[i - 1][0];
      while (lon - previous > 180) { lon -= 360; }
      while (lon - previous < -180) { lon += 360; }
      out.push([lon, ring[i][1]]);
    }
    return out;
  }
  function shifted(polygon, by) {
    return polygon.map(function (ring) {
      return ring.map(function (point) { return [point[0] + by, point[1]]; });
    });
  }
  function splitPolygon(polygon) {
    var outer = unwrap(polygon[0]);
    var span = Math.abs(outer[outer.length - 1][0] - outer[0][0]);
    if (span > 180) { return [polygon]; }  // a ring around a pole (Antarctica) is drawn as given
    var rings = [outer].concat(polygon.slice(1).map(function (hole) {
      var unwrapped = unwrap(hole);
      var offset = Math.round((outer[0][0] - unwrapped[0][0]) / 360) * 360;
      return unwrapped.map(function (point) { return [point[0] + offset, point[1]]; });
    }));
    var lons = outer.map(function (point) { return point[0]; });
    var west = Math.min.apply(null, lons);
    var east = Math.max.apply(null, lons);
    var drawn = [rings];
    if (east > 180) { drawn.push(shifted(rings, -360)); }
    if (west < -180) { drawn.push(shifted(rings, 360)); }
    return drawn;
  }
  function splitFeature(feature) {
    var geometry = feature.geometry;
    if (!geometry) { return feature; }
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] :
      geometry.type === "MultiPolygon" ? geometry.coordinates : null;
    if (!polygons) { return feature; }
    var parts = [];
    polygons.forEach(function (polygon) { parts = parts.concat(splitPolygon(polygon)); });
    return { type: "Feature", properties: feature.properties,
      geometry: { type: "MultiPolygon", coordinates: parts } };
  }

  fetch("/vendor/world-atlas/countries-50m.json")
    .then(function (response) { return response.json(); })
    .then(function (topology) {
      var countries = topojson.feature(topology, topology.objects.countries);
      countries.features = countries.features.map(splitFeature);
      L.geoJSON(countries, {
        className: "country", interactive: false, pane: "basemap",
        style: { color: "#9e9e9e", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 }
      }).addTo(map).bringToBack();
      element.dataset.basemap = "true";
    })
    .catch(function () { status.textContent = "Basemap not available (run npm ci)."; });

  // Town names from the gazetteer: the most populous towns inside the view, more as you zoom in.
  var labels = L.layerGroup().addTo(map);
  var labelRequest = 0;
  function showLabels() {
    var zoom = map.getZoom();
    var request = ++labelRequest;
    if (zoom < 4) { labels.clearLayers(); element.dataset.labels = "0"; return; }
    var b = map.getBounds();
    var west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
    var south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
    var limit = Math.min(200, zoom * zoom * 2);
    fetch("/api/labels?bbox=" + [west, south, east, north].map(function (v) { return v.toFixed(4); }).join(",") +
          "&limit=" + limit)
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (request !== labelRequest) { return; }
        labels.clearLayers();
        // Largest towns first; a town whose name would overlap one already placed is left out.
        var placed = [];
        body.items.forEach(function (town) {
          var at = map.latLngToContainerPoint([town.latitude, town.longitude]);
          var width = 7 * town.name.length + 8;
          var clash = placed.some(function (box) {
            return at.x < box.x + box.width && box.x < at.x + width && Math.abs(at.y - box.y) < 16;
          });
          if (clash) { return; }
          placed.push({ x: at.x, y: at.y, width: width });
          var text = document.createElement("span");
          text.textContent = town.name;
          labels.addLayer(L.marker([town.latitude, town.longitude], {
            interactive: false, keyboard: false, pane: "labels",
            icon: L.divIcon({ className: "town-label", html: text, iconSize: null, iconAnchor: [-4, 8] })
          }));
        });
        element.dataset.labels = String(placed.length);
      })
      .catch(function () { element.dataset.labels = "error"; });
  }
  map.on("moveend", showLabels);

  function line(box, className, text) {
    var div = document.createElement("div");
    div.className = className;
    div.textContent = text;
    box.appendChild(div);
  }

  function popup(event) {
    var box = document.createElement("div");
    box.className = "event-popup";
    line(box, "popup-type", event.type + (event.acled_event_type ? " · " + event.acled_event_type : "") +
      (event.date ? " · " + event.date : ""));
    var where = event.place ? event.place : "";
    if (event.geo_precision >= 2) { where += " (country or region point)"; }
    if (where) { line(box, "popup-place", where); }
    if (event.sentence) { line(box, "popup-sentence", "“" + event.sentence.trim() + "”"); }
    if (event.fatalities !== null && event.fatalities !== undefined) {
      var high = event.fatalities_high;
      line(box, "popup-killed", (high !== null && high !== undefined && high !== event.fatalities ?
        event.fatalities + "–" + high : event.fatalities) + " killed");
    }
    var link = document.createElement("a");
    if (event.linked) {  // a merged event: one marker however many articles report it
      line(box, "popup-sources", event.reports + (event.reports === 1 ? " report, " : " reports, ") +
        event.independent_sources + " independent");
      link.href = "/events/" + encodeURIComponent(event.id);
      link.textContent = "Reports and evidence";
    } else {
      link.href = "/events/" + encodeURIComponent(event.article_id) + "/" + encodeURIComponent(event.id);
      link.textContent = "Event and evidence";
    }
    box.appendChild(link);
    return box;
  }

  // Marker radius grows with the square root of the toll, so area is proportional to deaths.
  function radius(event) {
    var killed = event.fatalities;
    if (killed === null || killed === undefined || killed <= 0) { return 5; }
    return Math.min(26, 6 + 2.5 * Math.sqrt(killed));
  }

  // A cluster is a disc in the colour of its commonest type, its size growing with its count.
  function clusterIcon(cluster) {
    var counts = {};
    var best = null;
    cluster.getAllChildMarkers().forEach(function (marker) {
      var type = marker.options.eventType;
      counts[type] = (counts[type] || 0) + 1;
      if (best === null || counts[type] > counts[best]) { best = type; }
    });
    var count = cluster.getChildCount();
    var size = Math.round(26 + 6 * Math.log(count) / Math.LN2);
    var disc = document.createElement("div");
    disc.className = "type-cluster";
    disc.style.backgroundColor = colours[best] || "#888888";
    disc.style.width = disc.style.height = size + "px";
    disc.style.lineHeight = size + "px";
    disc.style.margin = "0";
    disc.dataset.type = best;
    disc.textContent = String(count);
    return L.divIcon({ html: disc, className: "marker-cluster type-cluster-icon", iconSize: L.point(size, size) });
  }

  var cluster = L.markerClusterGroup({ maxClusterRadius: 40, iconCreateFunction: clusterIcon });
  map.addLayer(cluster);
  var shown = 0;
  var maxEvents = 5000;

  function marker(event) {
    var area = event.geo_precision >= 2;
    var made = L.circleMarker([event.latitude, event.longitude], {
      radius: radius(event), color: area ? "#263238" : "#333", weight: area ? 2 : 1,
      dashArray: area ? "4 3" : null, fillColor: colours[event.type] || "#888888",
      fillOpacity: area ? 0.35 : 0.9, eventType: event.type, fatalities: event.fatalities,
      className: "event-marker event-" + event.type + (event.linked ? " linked-event" : "") +
        (area ? " area-point" : " town-point")
    });
    made.bindPopup(function () { return popup(event); }, { maxWidth: 360 });
    return made;
  }

  function load(offset) {
    var params = new URLSearchParams(query);
    params.set("located", "true");
    params.set("limit", "500");
    params.set("offset", String(offset));
    return fetch("/api/events?" + params.toString())
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (page) {
        cluster.addLayers(page.items.map(marker));
        shown += page.items.length;
        status.textContent = shown + " located events" + (page.items.length && page.items[0].linked ? " (merged across reports)" : "");
        element.dataset.markers = String(shown);
        if (page.next_offset !== null && shown < maxEvents) { return load(page.next_offset); }
        if (shown > 0) { map.fitBounds(cluster.getBounds(), { maxZoom: 7, padding: [20, 20], animate: false }); }
        element.dataset.loaded = "true";
        showLabels();
      })
      .catch(function (error) {
        status.textContent = "Could not load events: " + error.message;
        element.dataset.loaded = "error";
      });
  }
  load(0);
})();

// The map page: an offline basemap from world-atlas (TopoJSON), event markers clustered and coloured by
// type, each popup built with textContent so no text from an article is ever parsed as HTML.
(function () {
  "use strict";
  var element = document.getElementById("map");
  var status = document.getElementById("map-status");
  var colours = JSON.parse(element.dataset.colours || "{}");
  var query = JSON.parse(element.dataset.query || "{}");
  // Without tiles the map has no zoom range of its own, and marker clustering needs one.
  var map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([30, 20], 2);

  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 18 }).addTo(map);
  }

  fetch("/vendor/world-atlas/countries-50m.json")
    .then(function (response) { return response.json(); })
    .then(function (topology) {
      var countries = topojson.feature(topology, topology.objects.countries);
      L.geoJSON(countries, {
        className: "country", interactive: false,
        style: { color: "#9e9e9e", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 }
      }).addTo(map).bringToBack();
    })
    .catch(function () { status.textContent = "Basemap not available (run npm ci)."; });

  function popup(event) {
    var box = document.createElement("div");
    var type = document.createElement("div");
    type.className = "popup-type";
    type.textContent = event.type + (event.date ? " · " + event.date : "");
    box.appendChild(type);
    var what = document.createElement("div");
    var parts = [event.actor1, event.trigger, event.actor2].filter(Boolean);
    what.textContent = parts.join(" ") + (event.place ? " — " + event.place : "");
    box.appendChild(what);
    if (event.fatalities !== null && event.fatalities !== undefined) {
      var killed = document.createElement("div");
      var high = event.fatalities_high;
      killed.textContent = (high !== null && high !== undefined && high !== event.fatalities ?
        event.fatalities + "–" + high : event.fatalities) + " killed";
      box.appendChild(killed);
    }
    var link = document.createElement("a");
    if (event.linked) {  // a merged event: one marker however many articles report it
      var reports = document.createElement("div");
      reports.className = "popup-sources";
      reports.textContent = event.reports + (event.reports === 1 ? " report, " : " reports, ") +
        event.independent_sources + " independent";
      box.appendChild(reports);
      link.href = "/events/" + encodeURIComponent(event.id);
      link.textContent = "Reports and evidence";
    } else {
      link.href = "/events/" + encodeURIComponent(event.article_id) + "/" + encodeURIComponent(event.id);
      link.textContent = "Event and evidence";
    }
    box.appendChild(link);
    return box;
  }

  var cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
  map.addLayer(cluster);
  var shown = 0;
  var maxEvents = 5000;

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
        var markers = page.items.map(function (event) {
          var colour = colours[event.type] || "#888888";
          var marker = L.circleMarker([event.latitude, event.longitude], {
            radius: 7, color: "#333", weight: 1, fillColor: colour, fillOpacity: 0.9,
            className: "event-marker event-" + event.type + (event.linked ? " linked-event" : "")
          });
          marker.bindPopup(function () { return popup(event); });
          return marker;
        });
        cluster.addLayers(markers);
        shown += markers.length;
        status.textContent = shown + " located events" + (page.items.length && page.items[0].linked ? " (merged across reports)" : "");
        element.dataset.markers = String(shown);
        if (page.next_offset !== null && shown < maxEvents) { return load(page.next_offset); }
        if (shown > 0) { map.fitBounds(cluster.getBounds(), { maxZoom: 7, padding: [20, 20] }); }
        element.dataset.loaded = "true";
      })
      .catch(function (error) {
        status.textContent = "Could not load events: " + error.message;
        element.dataset.loaded = "error";
      });
  }
  load(0);
})();

import StsimEngine

/// `timeline --html FILE`: one self-contained page (no network assets: the style, the picture
/// and the script are all inline) with the SVG's lanes, a tooltip with each span's and event's
/// text, and zoom: the wheel over the chart zooms around the pointer, dragging pans, the
/// buttons zoom in, out and back to the whole.
public enum TimelineHTML {
    public static func render(_ t: Timeline) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(TimelineSVG.xml(TimelineSVG.title(t)))</title>\n"
        out += "<style>\n\(style)</style>\n</head>\n<body>\n"
        out += "<div class=\"controls\"><button id=\"zoom-in\">zoom in</button> "
        out += "<button id=\"zoom-out\">zoom out</button> <button id=\"zoom-all\">whole</button> "
        out += "<span id=\"window\"></span></div>\n"
        out += "<div class=\"chart\">\n" + TimelineSVG.render(t) + "</div>\n"
        out += "<div id=\"tooltip\" role=\"tooltip\"></div>\n"
        out += "<script>\n\(script)</script>\n</body>\n</html>\n"
        return out
    }

    static let style = """
        body { font-family: "DejaVu Sans", sans-serif; margin: 12px; background: #ffffff; color: #222222; }
        .controls { margin-bottom: 8px; }
        .chart { overflow-x: auto; }
        svg.timeline { user-select: none; cursor: grab; }
        svg.timeline .span:hover, svg.timeline .mark:hover, svg.timeline .event:hover { opacity: 0.7; }
        #tooltip { position: fixed; display: none; pointer-events: none; background: #222222; color: #ffffff;
          padding: 4px 8px; border-radius: 4px; font: 12px "DejaVu Sans Mono", monospace; white-space: pre; }

        """

    /// Lays every dated element out again for the window [v0, v1] (milliseconds of virtual time)
    /// and redraws the axis; the tooltip shows the `<title>` of what is under the pointer.
    static let script = """
        (function () {
          const svg = document.querySelector("svg.timeline");
          const since = +svg.dataset.since, until = +svg.dataset.until;
          const x0 = +svg.dataset.chartX, width = +svg.dataset.chartWidth;
          let v0 = since, v1 = Math.max(until, since + 1);
          const xs = t => x0 + (t - v0) / (v1 - v0) * width;
          const clock = ms => [3600000, 60000, 1000].map((u, i) =>
            String(Math.floor(ms / u) % (i ? 60 : 100000)).padStart(2, "0")).join(":");
          const steps = [1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000, 900000,
            1800000, 3600000, 7200000, 21600000, 43200000, 86400000];
          function layout() {
            svg.querySelectorAll("[data-t0]").forEach(e => {
              const a = xs(+e.dataset.t0), b = xs(+e.dataset.t1);
              e.setAttribute("x", a); e.setAttribute("width", Math.max(0.5, b - a));
            });
            svg.querySelectorAll("[data-t]").forEach(e => {
              const x = xs(+e.dataset.t);
              if (e.tagName === "rect") { e.setAttribute("x", x); return; }
              const line = e.querySelector("line"), path = e.querySelector("path");
              line.setAttribute("x1", x); line.setAttribute("x2", x);
              const y = path.getAttribute("d").split(" ")[2];
              path.setAttribute("d", "M " + x + " " + y + " l -6 -10 l 12 0 z");
            });
            const axis = svg.querySelector("g.axis");
            const first = axis.querySelector("line");
            const y1 = first ? first.getAttribute("y1") : 44, y2 = first ? first.getAttribute("y2") : 60;
            axis.replaceChildren();
            const spacing = steps.find(s => s >= (v1 - v0) / 8) || 86400000;
            for (let t = Math.ceil(v0 / spacing) * spacing; t <= v1; t += spacing) {
              const line = document.createElementNS(svg.namespaceURI, "line");
              line.setAttribute("x1", xs(t)); line.setAttribute("x2", xs(t));
              line.setAttribute("y1", y1); line.setAttribute("y2", y2); line.setAttribute("stroke", "#dddddd");
              const text = document.createElementNS(svg.namespaceURI, "text");
              text.setAttribute("x", xs(t)); text.setAttribute("y", y1 - 4);
              text.setAttribute("text-anchor", "middle"); text.setAttribute("fill", "#555555");
              text.textContent = clock(t);
              axis.append(line, text);
            }
            document.getElementById("window").textContent = clock(v0) + " to " + clock(v1);
          }
          function zoom(factor, at) {
            const span = Math.max(50, (v1 - v0) * factor);
            v0 = Math.max(since, at - (at - v0) * span / (v1 - v0));
            v1 = Math.min(Math.max(until, since + 1), v0 + span);
            layout();
          }
          const centre = () => (v0 + v1) / 2;
          document.getElementById("zoom-in").onclick = () => zoom(0.5, centre());
          document.getElementById("zoom-out").onclick = () => zoom(2, centre());
          document.getElementById("zoom-all").onclick = () => { v0 = since; v1 = Math.max(until, since + 1); layout(); };
          const timeAt = ev => {
            const p = svg.getBoundingClientRect();
            return v0 + (ev.clientX - p.left - x0) / width * (v1 - v0);
          };
          svg.addEventListener("wheel", ev => { ev.preventDefault(); zoom(ev.deltaY < 0 ? 0.8 : 1.25, timeAt(ev)); });
          let drag = null;
          svg.addEventListener("mousedown", ev => { drag = { x: ev.clientX, v0: v0, v1: v1 }; });
          window.addEventListener("mouseup", () => { drag = null; });
          const tip = document.getElementById("tooltip");
          svg.addEventListener("mousemove", ev => {
            if (drag) {
              const shift = (drag.x - ev.clientX) / width * (drag.v1 - drag.v0);
              const s = Math.min(Math.max(since, drag.v0 + shift), Math.max(until, since + 1) - (drag.v1 - drag.v0));
              v0 = s; v1 = s + (drag.v1 - drag.v0); layout();
            }
            const owner = ev.target.closest("[data-t0], [data-t]");
            const title = owner && owner.querySelector("title");
            if (!title) { tip.style.display = "none"; return; }
            tip.textContent = title.textContent;
            tip.style.left = (ev.clientX + 12) + "px"; tip.style.top = (ev.clientY + 12) + "px";
            tip.style.display = "block";
          });
          svg.addEventListener("mouseleave", () => { tip.style.display = "none"; });
          layout();
        })();

        """
}

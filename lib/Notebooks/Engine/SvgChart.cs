using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notebooks.Engine;

/// <summary>
/// Draws a Plotly figure (its JSON: data, layout) as a static SVG, so that viewers that run no scripts (GitHub,
/// nbviewer, Jupyter Notebook, nbconvert, untrusted notebooks) show the chart. It covers what this repository's
/// charts use: bar traces (vertical and horizontal; grouped, stacked or overlaid; text labels), scatter traces
/// (lines, markers, bubble sizes, marker text), heatmaps with a colour bar, subplot grids with their titles, axis
/// titles, fixed ranges and category axes, and a legend. No browser, no network, no randomness: the same figure
/// gives the same bytes. Anything else in a figure is left out of the image (the interactive chart still has it).
/// </summary>
public static class SvgChart
{
    private static readonly string[] Colorway = ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF", "#FECB52"];

    private static readonly (double At, string Colour)[] Viridis =
        [(0, "#440154"), (0.111, "#482878"), (0.222, "#3e4989"), (0.333, "#31688e"), (0.444, "#26828e"), (0.556, "#1f9e89"), (0.667, "#35b779"), (0.778, "#6ece58"), (0.889, "#b5de2b"), (1, "#fde725")];

    private const double CharWidth = 6.6; // average width of a 12 px sans-serif character, for laying out labels

    private sealed record Axis(string Name, bool Categorical, List<string> Categories, double Min, double Max, string? Title);

    public static string Render(JsonObject figure)
    {
        var layout = figure["layout"] as JsonObject ?? [];
        var traces = (figure["data"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var width = Number(layout["width"]) ?? 700;
        var height = Number(layout["height"]) ?? 450;
        var margin = layout["margin"] as JsonObject ?? [];
        var (ml, mr, mt, mb) = (Number(margin["l"]) ?? 80, Number(margin["r"]) ?? 80, Number(margin["t"]) ?? 100, Number(margin["b"]) ?? 80);

        // Room for category labels on the left, as plotly's automargin would make it.
        var yLabels = traces.Where(t => IsHorizontalBar(t) || Str(t["type"]) == "heatmap").SelectMany(t => Values(t["y"]).Select(Label)).ToList();
        if (yLabels.Count > 0) ml = Math.Max(ml, Math.Min(width / 3, yLabels.Max(l => l.Length) * CharWidth + (Str(layout["yaxis"]?["title"]?["text"]) is null ? 16 : 34)));
        // Room on the right for the labels printed beside horizontal bars, so that none is cut off.
        var barLabels = traces.Where(IsHorizontalBar).SelectMany(t => Values(t["text"]).Select(Label)).ToList();
        if (barLabels.Count > 0 && (layout["grid"] is null)) mr = Math.Max(mr, Math.Min(width / 4, barLabels.Max(l => l.Length) * CharWidth * 10 / 12 + 8));
        var legendItems = traces.Select((t, i) => (Trace: t, Index: i)).Where(x => ShowsInLegend(x.Trace, traces.Count, layout)).ToList();
        var legendHeight = legendItems.Count > 0 ? 24 : 0;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height + legendHeight)}\" viewBox=\"0 0 {F(width)} {F(height + legendHeight)}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        if (Str(layout["title"]?["text"]) is { } title)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(width * (Number(layout["title"]?["x"]) ?? 0.5))}\" y=\"{F(mt / 2)}\" font-size=\"15\" fill=\"#2a3f5f\">{Esc(title)}</text>");

        var plotWidth = width - ml - mr;
        var plotHeight = height - mt - mb;
        var grid = layout["grid"] as JsonObject;
        var (rows, columns) = ((int)(Number(grid?["rows"]) ?? 1), (int)(Number(grid?["columns"]) ?? 1));
        var (xgap, ygap) = (Number(grid?["xgap"]) ?? 0.1, Number(grid?["ygap"]) ?? 0.3);
        // As plotly lays out a grid: a step of 1 / (n − gap) per cell, of which the plot takes (1 − gap).
        var (stepX, stepY) = (columns > 1 ? 1 / (columns - xgap) : 1, rows > 1 ? 1 / (rows - ygap) : 1);
        var (cellWidth, cellHeight) = (columns > 1 ? stepX * (1 - xgap) : 1, rows > 1 ? stepY * (1 - ygap) : 1);
        var groups = traces.GroupBy(t => (X: Str(t["xaxis"]) ?? "x", Y: Str(t["yaxis"]) ?? "y")).ToList();
        foreach (var group in groups)
        {
            var index = AxisIndex(group.Key.X);
            var (row, column) = ((index - 1) / columns, (index - 1) % columns);
            var x0 = ml + plotWidth * column * stepX;
            var w = plotWidth * cellWidth;
            var y0 = mt + plotHeight * row * stepY;
            var h = plotHeight * cellHeight;
            DrawSubplot(svg, [.. group], layout, AxisKey("xaxis", group.Key.X), AxisKey("yaxis", group.Key.Y), x0, y0, w, h, traces);
        }
        foreach (var annotation in (layout["annotations"] as JsonArray ?? []).OfType<JsonObject>().Where(a => Str(a["xref"]) == "paper" && Str(a["yref"]) == "paper"))
        {
            var ax = ml + plotWidth * (Number(annotation["x"]) ?? 0);
            var ay = mt + plotHeight * (1 - (Number(annotation["y"]) ?? 0)) - 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(ax)}\" y=\"{F(ay)}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#2a3f5f\">{Esc(Str(annotation["text"]) ?? "")}</text>");
        }
        if (legendItems.Count > 0)
        {
            var lx = ml;
            var ly = height + legendHeight - 10;
            foreach (var (trace, i) in legendItems)
            {
                var name = Str(trace["name"]) ?? $"trace {i}";
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(lx)}\" y=\"{F(ly - 10)}\" width=\"12\" height=\"12\" fill=\"{Esc(Colour(trace, i))}\"/><text x=\"{F(lx + 16)}\" y=\"{F(ly)}\" fill=\"#2a3f5f\">{Esc(name)}</text>");
                lx += 30 + name.Length * CharWidth;
            }
        }
        return svg.Append("</svg>").ToString();
    }

    private static void DrawSubplot(StringBuilder svg, List<JsonObject> traces, JsonObject layout, string xKey, string yKey, double x0, double y0, double w, double h, List<JsonObject> all)
    {
        var (xRef, yRef) = ("x" + (xKey.Length > 5 ? xKey[5..] : ""), "y" + (yKey.Length > 5 ? yKey[5..] : ""));
        var xAxisLayout = layout[xKey] as JsonObject ?? [];
        var yAxisLayout = layout[yKey] as JsonObject ?? [];
        var barMode = Str(layout["barmode"]) ?? "group";
        var bars = traces.Where(t => Str(t["type"]) == "bar").ToList();
        var heatmap = traces.FirstOrDefault(t => Str(t["type"]) == "heatmap");

        // Values along each axis, with stacked bars summed per category.
        IEnumerable<double> Extent(bool alongX)
        {
            foreach (var t in traces)
            {
                var type = Str(t["type"]);
                if (type == "heatmap") continue;
                var horizontal = IsHorizontalBar(t);
                var valuesAlong = alongX ? (type == "bar" && !horizontal ? null : t["x"]) : (type == "bar" && horizontal ? null : t["y"]);
                if (valuesAlong is null) continue;
                foreach (var v in Values(valuesAlong)) if (Num(v) is { } d) yield return d;
                if (type == "bar") yield return 0;
            }
            if (barMode == "stack")
            {
                var sums = new Dictionary<string, double>();
                foreach (var t in bars.Where(b => IsHorizontalBar(b) == alongX))
                {
                    var cats = Values(alongX ? t["y"] : t["x"]).Select(Label).ToList();
                    var vals = Values(alongX ? t["x"] : t["y"]).Select(v => Num(v) ?? 0).ToList();
                    for (var i = 0; i < Math.Min(cats.Count, vals.Count); i++) sums[cats[i]] = sums.GetValueOrDefault(cats[i]) + vals[i];
                }
                foreach (var s in sums.Values) yield return s;
            }
        }

        Axis Build(string name, JsonObject axisLayout, bool alongX)
        {
            var raw = traces.SelectMany(t => Values(alongX ? t["x"] : t["y"])).ToList();
            var categorical = Str(axisLayout["type"]) == "category" || heatmap is not null || raw.Any(v => v?.GetValueKind() == JsonValueKind.String);
            var titleText = Str(axisLayout["title"]?["text"]);
            if (categorical) return new Axis(name, true, [.. raw.Select(Label).Distinct()], 0, 0, titleText);
            var extent = Extent(alongX).ToList();
            var (min, max) = extent.Count == 0 ? (0.0, 1.0) : (extent.Min(), extent.Max());
            if (axisLayout["range"] is JsonArray range && range.Count == 2 && Num(range[0]) is { } r0 && Num(range[1]) is { } r1) (min, max) = (r0, r1);
            else if (extent.Count == 0) { } // nothing to show: the frame only
            else if (min == max) (min, max) = (min - 1, max + 1);
            else
            {
                var pad = (max - min) * 0.05;
                (min, max) = (min < 0 || min - pad >= 0 || traces.All(t => Str(t["type"]) != "bar") ? min - pad : 0, max + pad);
                if (traces.Any(t => Str(t["type"]) == "bar") && extent.Count > 0 && extent.Min() >= 0) min = 0;
            }
            return new Axis(name, false, [], min, max, titleText);
        }

        var xAxis = Build(xKey, xAxisLayout, alongX: true);
        var yAxis = Build(yKey, yAxisLayout, alongX: false);
        var yReversed = Str(yAxisLayout["autorange"]) == "reversed";
        var everyLabel = (X: Number(xAxisLayout["dtick"]) == 1, Y: Number(yAxisLayout["dtick"]) == 1);
        double Px(double v) => x0 + (v - xAxis.Min) / (xAxis.Max - xAxis.Min) * w;
        double Py(double v) => y0 + h - (v - yAxis.Min) / (yAxis.Max - yAxis.Min) * h;
        // Category positions: index i (fractions allowed, −0.5 is the edge before the first) to pixels.
        double BandX(double i) => x0 + w * (i + 0.5) / Math.Max(1, xAxis.Categories.Count);
        // plotly puts the first category at the bottom, or at the top when the axis is reversed
        double BandY(double i) => yReversed ? y0 + h * (i + 0.5) / Math.Max(1, yAxis.Categories.Count) : y0 + h - h * (i + 0.5) / Math.Max(1, yAxis.Categories.Count);
        double Bx(JsonNode? v) => xAxis.Categorical ? BandX(xAxis.Categories.IndexOf(Label(v))) : Px(Num(v) ?? 0);
        double By(JsonNode? v) => yAxis.Categorical ? BandY(yAxis.Categories.IndexOf(Label(v))) : Py(Num(v) ?? 0);

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x0)}\" y=\"{F(y0)}\" width=\"{F(w)}\" height=\"{F(h)}\" fill=\"#e5ecf6\"/>");
        DrawAxis(svg, xAxis, horizontal: true, x0, y0, w, h, Px, BandX, everyLabel.X);
        DrawAxis(svg, yAxis, horizontal: false, x0, y0, w, h, Py, BandY, everyLabel.Y);

        if (heatmap is not null) DrawHeatmap(svg, heatmap, xAxis, yAxis, x0, y0, w, h, yReversed);

        // Bars: each category's band is shared by the grouped traces; stacked traces pile up.
        var stackBase = new Dictionary<string, double>();
        var barIndex = 0;
        foreach (var bar in bars)
        {
            var horizontal = IsHorizontalBar(bar);
            var categories = Values(horizontal ? bar["y"] : bar["x"]);
            var values = Values(horizontal ? bar["x"] : bar["y"]);
            var texts = Values(bar["text"]);
            var colour = Colour(bar, all.IndexOf(bar));
            var colours = Values(bar["marker"]?["color"]); // one colour per bar, where the chart colours by value
            var slots = barMode == "group" ? bars.Count : 1;
            var slot = barMode == "group" ? barIndex : 0;
            var band = (horizontal ? h / Math.Max(1, yAxis.Categories.Count) : w / Math.Max(1, xAxis.Categories.Count)) * 0.8;
            var thickness = band / slots;
            for (var i = 0; i < Math.Min(categories.Count, values.Count); i++)
            {
                if (Num(values[i]) is not { } value || double.IsNaN(value)) continue;
                var key = Label(categories[i]);
                var start = barMode == "stack" ? stackBase.GetValueOrDefault(key) : 0;
                if (barMode == "stack") stackBase[key] = start + value;
                var centre = horizontal ? By(categories[i]) : Bx(categories[i]);
                var offset = -band / 2 + slot * thickness;
                var label = i < texts.Count ? Label(texts[i]) : null;
                if (horizontal)
                {
                    var (a, b) = (Px(start), Px(start + value));
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(Math.Min(a, b))}\" y=\"{F(centre + offset)}\" width=\"{F(Math.Abs(b - a))}\" height=\"{F(thickness)}\" fill=\"{Esc(i < colours.Count ? Str(colours[i]) ?? colour : colour)}\"/>");
                    if (label is { Length: > 0 } && barMode != "stack")
                        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Math.Max(a, b) + 3)}\" y=\"{F(centre + offset + thickness / 2 + 4)}\" font-size=\"10\" fill=\"#2a3f5f\">{Esc(label)}</text>");
                }
                else
                {
                    var (a, b) = (Py(start), Py(start + value));
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(centre + offset)}\" y=\"{F(Math.Min(a, b))}\" width=\"{F(thickness)}\" height=\"{F(Math.Abs(b - a))}\" fill=\"{Esc(i < colours.Count ? Str(colours[i]) ?? colour : colour)}\"/>");
                    if (label is { Length: > 0 } && barMode != "stack")
                        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(centre + offset + thickness / 2)}\" y=\"{F(Math.Min(a, b) - 3)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#2a3f5f\">{Esc(label)}</text>");
                }
            }
            barIndex++;
        }

        foreach (var scatter in traces.Where(t => Str(t["type"]) == "scatter"))
        {
            var xs = Values(scatter["x"]);
            var ys = Values(scatter["y"]);
            var mode = Str(scatter["mode"]) ?? "lines+markers";
            var colour = Str(scatter["line"]?["color"]) ?? Colour(scatter, all.IndexOf(scatter));
            var points = Enumerable.Range(0, Math.Min(xs.Count, ys.Count)).Where(i => Num(ys[i]) is not null || yAxis.Categorical).Select(i => (X: Bx(xs[i]), Y: By(ys[i]), I: i)).ToList();
            if (mode.Contains("lines", StringComparison.Ordinal) && points.Count > 1)
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{Esc(colour)}\" stroke-width=\"2\" points=\"{string.Join(" ", points.Select(p => $"{F(p.X)},{F(p.Y)}"))}\"/>");
            if (mode.Contains("markers", StringComparison.Ordinal))
            {
                var sizes = Values(scatter["marker"]?["size"]);
                var single = Number(scatter["marker"]?["size"]);
                var fill = Str(scatter["marker"]?["color"]) ?? colour;
                foreach (var p in points)
                {
                    var size = p.I < sizes.Count ? Num(sizes[p.I]) ?? 6 : single ?? 6;
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"{F(size / 2)}\" fill=\"{Esc(fill)}\"/>");
                }
            }
            if (mode.Contains("text", StringComparison.Ordinal))
            {
                var texts = Values(scatter["text"]);
                foreach (var p in points.Where(p => p.I < texts.Count))
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(p.X)}\" y=\"{F(p.Y - 6)}\" text-anchor=\"middle\" fill=\"#2a3f5f\">{Esc(Label(texts[p.I]))}</text>");
            }
        }
        double? ToX(JsonNode? v, bool domain) => Num(v) is not { } d ? null : domain ? x0 + d * w : xAxis.Categorical ? BandX(d) : Px(d);
        double? ToY(JsonNode? v, bool domain) => Num(v) is not { } d ? null : domain ? y0 + h - d * h : yAxis.Categorical ? BandY(d) : Py(d);
        DrawShapes(svg, layout, xRef, yRef, ToX, ToY);
    }

    /// <summary>Line shapes (a marked value, a boundary) whose axes are this subplot's: data values, "paper" or "… domain".</summary>
    private static void DrawShapes(StringBuilder svg, JsonObject layout, string xRef, string yRef, Func<JsonNode?, bool, double?> toX, Func<JsonNode?, bool, double?> toY)
    {
        foreach (var shape in (layout["shapes"] as JsonArray ?? []).OfType<JsonObject>().Where(s => Str(s["type"]) == "line"))
        {
            var (xr, yr) = (Str(shape["xref"]) ?? "x", Str(shape["yref"]) ?? "y");
            var xMatches = xr == xRef || xr == xRef + " domain" || xr == "paper";
            var yMatches = yr == yRef || yr == yRef + " domain" || yr == "paper";
            if (!xMatches || !yMatches || xr == "paper" && yr == "paper") continue;
            var (xDomain, yDomain) = (xr != xRef, yr != yRef);
            if (toX(shape["x0"], xDomain) is not { } ax || toX(shape["x1"], xDomain) is not { } bx || toY(shape["y0"], yDomain) is not { } ay || toY(shape["y1"], yDomain) is not { } by) continue;
            var colour = Str(shape["line"]?["color"]) ?? "#444444";
            var dash = Str(shape["line"]?["dash"]) == "dash" ? " stroke-dasharray=\"6,4\"" : "";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(ax)}\" y1=\"{F(ay)}\" x2=\"{F(bx)}\" y2=\"{F(by)}\" stroke=\"{Esc(colour)}\" stroke-width=\"{F(Number(shape["line"]?["width"]) ?? 1)}\"{dash}/>");
        }
    }

    private static void DrawAxis(StringBuilder svg, Axis axis, bool horizontal, double x0, double y0, double w, double h, Func<double, double> position, Func<double, double> band, bool everyLabel)
    {
        var ticks = axis.Categorical
            ? axis.Categories.Select((c, i) => (Label: c, At: band(i))).ToList()
            : NiceTicks(axis.Min, axis.Max).Select(t => (Label: N(t), At: position(t))).ToList();
        // Too many category labels to print them all: every n-th one, as plotly does.
        var step = axis.Categorical && !everyLabel ? Math.Max(1, (int)Math.Ceiling(ticks.Count / ((horizontal ? w : h) / (horizontal ? 60.0 : 14.0)))) : 1;
        for (var i = 0; i < ticks.Count; i += step)
        {
            var (label, at) = ticks[i];
            if (horizontal)
            {
                if (!axis.Categorical) svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(at)}\" y1=\"{F(y0)}\" x2=\"{F(at)}\" y2=\"{F(y0 + h)}\" stroke=\"#ffffff\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(at)}\" y=\"{F(y0 + h + 15)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#2a3f5f\">{Esc(label)}</text>");
            }
            else
            {
                if (!axis.Categorical) svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x0)}\" y1=\"{F(at)}\" x2=\"{F(x0 + w)}\" y2=\"{F(at)}\" stroke=\"#ffffff\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x0 - 5)}\" y=\"{F(at + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#2a3f5f\">{Esc(label)}</text>");
            }
        }
        if (axis.Title is { } title)
        {
            if (horizontal)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x0 + w / 2)}\" y=\"{F(y0 + h + 32)}\" text-anchor=\"middle\" fill=\"#2a3f5f\">{Esc(title)}</text>");
            else
            {
                // Left of the longest tick label, so that the title never runs over the labels.
                var labelWidth = ticks.Count == 0 ? 0 : ticks.Max(t => t.Label.Length) * CharWidth * 11 / 12;
                svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({F(Math.Max(12, x0 - labelWidth - 16))},{F(y0 + h / 2)}) rotate(-90)\" text-anchor=\"middle\" fill=\"#2a3f5f\">{Esc(title)}</text>");
            }
        }
    }

    private static void DrawHeatmap(StringBuilder svg, JsonObject trace, Axis xAxis, Axis yAxis, double x0, double y0, double w, double h, bool reversed)
    {
        var z = Values(trace["z"]).Select(row => Values(row).Select(v => Num(v) ?? double.NaN).ToList()).ToList();
        var all = z.SelectMany(r => r).Where(v => !double.IsNaN(v)).ToList();
        if (all.Count == 0) return;
        var (min, max) = (Number(trace["zmin"]) ?? all.Min(), Number(trace["zmax"]) ?? all.Max());
        var cw = w / Math.Max(1, xAxis.Categories.Count);
        var ch = h / Math.Max(1, yAxis.Categories.Count);
        for (var r = 0; r < z.Count; r++)
            for (var c = 0; c < z[r].Count; c++)
            {
                if (double.IsNaN(z[r][c])) continue;
                var t = max > min ? (z[r][c] - min) / (max - min) : 0;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x0 + c * cw)}\" y=\"{F(reversed ? y0 + r * ch : y0 + h - (r + 1) * ch)}\" width=\"{F(cw + 0.5)}\" height=\"{F(ch + 0.5)}\" fill=\"{Scale(t)}\"/>");
            }
        // Colour bar: the scale from min (bottom) to max (top).
        var bx = x0 + w + 12;
        for (var i = 0; i < 20; i++)
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(bx)}\" y=\"{F(y0 + h - (i + 1) * h / 20)}\" width=\"10\" height=\"{F(h / 20 + 0.5)}\" fill=\"{Scale(i / 19.0)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(bx + 13)}\" y=\"{F(y0 + h)}\" font-size=\"10\" fill=\"#2a3f5f\">{N(min)}</text><text x=\"{F(bx + 13)}\" y=\"{F(y0 + 9)}\" font-size=\"10\" fill=\"#2a3f5f\">{N(max)}</text>");
    }

    private static string Scale(double t)
    {
        t = Math.Clamp(t, 0, 1);
        for (var i = 1; i < Viridis.Length; i++)
        {
            if (t > Viridis[i].At) continue;
            var (a, b) = (Viridis[i - 1], Viridis[i]);
            var f = (t - a.At) / (b.At - a.At);
            int Channel(string hex, int at) => Convert.ToInt32(hex.Substring(at, 2), 16);
            var rgb = Enumerable.Range(0, 3).Select(k => (int)Math.Round(Channel(a.Colour, 1 + 2 * k) + f * (Channel(b.Colour, 1 + 2 * k) - Channel(a.Colour, 1 + 2 * k))));
            return "#" + string.Concat(rgb.Select(v => v.ToString("x2", CultureInfo.InvariantCulture)));
        }
        return Viridis[^1].Colour;
    }

    /// <summary>Ticks at 1, 2 or 5 times a power of ten, about six of them.</summary>
    private static IEnumerable<double> NiceTicks(double min, double max)
    {
        var raw = (max - min) / 6;
        if (raw <= 0 || double.IsNaN(raw)) yield break;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        for (var t = Math.Ceiling(min / step) * step; t <= max + step * 1e-9; t += step)
            yield return Math.Abs(t) < step * 1e-9 ? 0 : t;
    }

    private static bool IsHorizontalBar(JsonObject trace) => Str(trace["type"]) == "bar" && Str(trace["orientation"]) == "h";

    private static bool ShowsInLegend(JsonObject trace, int traces, JsonObject layout) =>
        layout["showlegend"]?.GetValueKind() != JsonValueKind.False && trace["showlegend"]?.GetValueKind() != JsonValueKind.False
        && Str(trace["type"]) != "heatmap" && traces > 1 && Str(trace["name"]) is { Length: > 0 };

    private static string Colour(JsonObject trace, int index) =>
        Str(trace["marker"]?["color"]) ?? Str(trace["line"]?["color"]) ?? Colorway[Math.Max(0, index) % Colorway.Length];

    private static int AxisIndex(string reference) => reference.Length > 1 && int.TryParse(reference[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 1;

    private static string AxisKey(string prefix, string reference) => AxisIndex(reference) == 1 ? prefix : prefix + AxisIndex(reference).ToString(CultureInfo.InvariantCulture);

    private static List<JsonNode?> Values(JsonNode? node) => node is JsonArray array ? [.. array] : [];

    private static string? Str(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static double? Number(JsonNode? node) => node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<double>() : null;

    private static double? Num(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<double>(),
        JsonValueKind.String when double.TryParse(node.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string Label(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => N(node.GetValue<double>()),
        null => "",
        _ => node.ToJsonString(),
    };

    private static string N(double v) => Math.Abs(v) >= 1000 ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Esc(string text) => System.Security.SecurityElement.Escape(text);
}

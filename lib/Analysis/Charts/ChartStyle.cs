using Plotly.NET;

namespace Analysis;

/// <summary>
/// The repository's chart look in one place. Plotly.NET's layout is a dynamic object: setting plotly.js
/// attributes by name reaches every option without Plotly.NET's F#-style optional arguments.
/// </summary>
public static class ChartStyle
{
    public const int Width = 820;

    public static GenericChart Style(this GenericChart chart, string title, string? xTitle = null, string? yTitle = null,
        int height = 420, Action<Layout>? configure = null)
    {
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title, ["x"] = 0.02 });
        layout.SetProperty("width", Width);
        layout.SetProperty("height", height);
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.2 });
        layout.SetProperty("margin", new Dictionary<string, object> { ["l"] = 90, ["r"] = 20, ["t"] = 60, ["b"] = 60 });
        if (xTitle is not null) layout.SetProperty("xaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = xTitle } });
        if (yTitle is not null) layout.SetProperty("yaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = yTitle } });
        configure?.Invoke(layout);
        return GenericChart.addLayout(layout, chart);
    }
}

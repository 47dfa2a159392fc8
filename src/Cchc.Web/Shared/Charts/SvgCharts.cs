using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Cchc.Web.Shared.Charts;

/// <summary>One point of a chart: its label ("03/2025", a unit's name) and value; null is "no data" (a gap, never 0).</summary>
public sealed record ChartPoint(string Label, double? Value, string? Text = null);

/// <summary>
/// Small charts written as inline SVG on the server: no script, readable in print (black outlines and text,
/// not colour alone), each with a &lt;title&gt; and an aria-label so that a screen reader says what it shows.
/// </summary>
public static class SvgCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static string N(double v) => Math.Round(v, 2).ToString(Inv);
    /// <summary>Escapes only what markup needs, so Vietnamese letters stay readable in the SVG source.</summary>
    private static string E(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
    private static string V(double? v, string unit) => v is { } x ? x.ToString("#,##0.##", Vi) + unit : "không có số liệu";

    private static string Summary(IReadOnlyList<ChartPoint> points, string unit) =>
        string.Join("; ", points.Select(p => $"{p.Label}: {p.Text ?? V(p.Value, unit)}"));

    /// <summary>A trend line, <paramref name="width"/>×<paramref name="height"/> pixels; gaps where a month has no data.</summary>
    public static IHtmlContent Sparkline(IReadOnlyList<ChartPoint> points, string title, string unit = "%", double? max = null, int width = 120, int height = 28)
    {
        var label = $"{title}. {Summary(points, unit)}";
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart sparkline\" role=\"img\" aria-label=\"{E(label)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(Inv, $"<title>{E(label)}</title>");
        var values = points.Select(p => p.Value).ToList();
        var top = max ?? Math.Max(1, values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max());
        const double pad = 2;
        double X(int i) => points.Count <= 1 ? width / 2.0 : pad + i * (width - 2 * pad) / (points.Count - 1);
        double Y(double v) => height - pad - Math.Clamp(v / top, 0, 1) * (height - 2 * pad);
        sb.Append(Inv, $"<line x1=\"0\" y1=\"{height - 0.5}\" x2=\"{width}\" y2=\"{height - 0.5}\" stroke=\"#999\" stroke-width=\"1\"/>");
        var path = new StringBuilder();
        var pen = false;
        for (var i = 0; i < points.Count; i++)
        {
            if (values[i] is not { } v) { pen = false; continue; }
            path.Append(pen ? " L" : " M").Append(N(X(i))).Append(' ').Append(N(Y(v)));
            pen = true;
        }
        if (path.Length > 0) sb.Append(Inv, $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/>");
        for (var i = 0; i < points.Count; i++)
            if (values[i] is { } v)
                sb.Append(Inv, $"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(v))}\" r=\"1.8\" fill=\"currentColor\"><title>{E(points[i].Label)}: {E(points[i].Text ?? V(v, unit))}</title></circle>");
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Horizontal bars, one row per point with its label and value written out (a ranking).</summary>
    public static IHtmlContent HorizontalBars(IReadOnlyList<ChartPoint> points, string title, string unit = "%", double? max = null, int width = 640)
    {
        const int row = 22, labelWidth = 260, valueWidth = 90;
        var height = Math.Max(row, points.Count * row) + 4;
        var label = $"{title}. {Summary(points, unit)}";
        var top = max ?? Math.Max(1, points.Where(p => p.Value is not null).Select(p => p.Value!.Value).DefaultIfEmpty(1).Max());
        var barSpace = width - labelWidth - valueWidth;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart bars\" role=\"img\" aria-label=\"{E(label)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">");
        sb.Append(Inv, $"<title>{E(label)}</title>");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var y = 2 + i * row;
            var name = p.Label.Length > 40 ? p.Label[..39] + "…" : p.Label;
            sb.Append(Inv, $"<text x=\"0\" y=\"{y + 15}\" fill=\"currentColor\">{E(name)}</text>");
            var w = p.Value is { } v ? Math.Clamp(v / top, 0, 1) * barSpace : 0;
            sb.Append(Inv, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{N(w)}\" height=\"{row - 8}\" fill=\"#4a78a8\" stroke=\"#000\" stroke-width=\"0.5\"><title>{E(p.Label)}: {E(p.Text ?? V(p.Value, unit))}</title></rect>");
            sb.Append(Inv, $"<text x=\"{labelWidth + barSpace + 6}\" y=\"{y + 15}\" fill=\"currentColor\">{E(p.Text ?? V(p.Value, unit))}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Monthly columns with the month under each and the value above it (a month without data shows "–").</summary>
    public static IHtmlContent MonthlyBars(IReadOnlyList<ChartPoint> points, string title, string unit = "%", double? max = null, int height = 160)
    {
        const int col = 44, axis = 18, head = 16;
        var width = Math.Max(col, points.Count * col);
        var label = $"{title}. {Summary(points, unit)}";
        var top = max ?? Math.Max(1, points.Where(p => p.Value is not null).Select(p => p.Value!.Value).DefaultIfEmpty(1).Max());
        var plot = height - axis - head;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart monthly\" role=\"img\" aria-label=\"{E(label)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"10\">");
        sb.Append(Inv, $"<title>{E(label)}</title>");
        sb.Append(Inv, $"<line x1=\"0\" y1=\"{head + plot + 0.5}\" x2=\"{width}\" y2=\"{head + plot + 0.5}\" stroke=\"#000\" stroke-width=\"1\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var x = i * col;
            var h = p.Value is { } v ? Math.Clamp(v / top, 0, 1) * plot : 0;
            if (p.Value is not null)
                sb.Append(Inv, $"<rect x=\"{x + 8}\" y=\"{N(head + plot - h)}\" width=\"{col - 16}\" height=\"{N(h)}\" fill=\"#4a78a8\" stroke=\"#000\" stroke-width=\"0.5\"><title>{E(p.Label)}: {E(p.Text ?? V(p.Value, unit))}</title></rect>");
            var shown = p.Value is { } val ? val.ToString("0.#", Vi) : "–";
            sb.Append(Inv, $"<text x=\"{x + col / 2}\" y=\"{N(head + plot - h - 3)}\" text-anchor=\"middle\" fill=\"currentColor\">{E(shown)}</text>");
            sb.Append(Inv, $"<text x=\"{x + col / 2}\" y=\"{height - 4}\" text-anchor=\"middle\" fill=\"currentColor\">{E(p.Label)}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}

using System.Globalization;
using Cchc.Core.Indicators;
using Cchc.Web.Features.Account;

namespace Cchc.Web.Features.Indicators;

/// <summary>One indicator of the overview; <paramref name="Filtered"/>: a field / procedure filter is set and acts on this indicator.</summary>
public sealed record OverviewLine(
    IndicatorDefinition Definition, bool Available, IndicatorFigure? Figure, IReadOnlyList<TargetLine> Targets,
    IReadOnlyList<(string Month, double? Value)> Trend, bool Filtered = false)
{
    public IndicatorValue? Value => Figure?.Value;
}

public sealed record IndicatorOverview(IndicatorScope Scope, IReadOnlyList<OverviewLine> Lines, IReadOnlyList<ChildUnit> Children, bool IsDemo)
{
    public IEnumerable<OverviewLine> Computed => Lines.Where(l => l.Available && l.Definition.IsComputed);
    public IEnumerable<OverviewLine> Entered => Lines.Where(l => l.Available && !l.Definition.IsComputed);
    public IEnumerable<OverviewLine> Pending => Lines.Where(l => !l.Available);
}

/// <summary>A ranked unit; <paramref name="Linked"/>: the reader may open its own overview (it is in their subtree today).</summary>
public sealed record RankingRow(UnitRef Unit, IndicatorFigure Figure, int? Rank, bool Linked = true);

public sealed record IndicatorRanking(IndicatorDefinition Definition, IReadOnlyList<RankingRow> Rows);

/// <summary>
/// What the overview page, its exports and the API read: one code path over <see cref="IndicatorEngine"/>,
/// so that they show the same figures.
/// </summary>
public sealed class IndicatorReports(IndicatorEngine engine, TargetStatuses targets, Data.CchcDb db)
{
    /// <summary>The overview, or null when the unit is unknown or not visible to the caller.</summary>
    public async Task<IndicatorOverview?> OverviewAsync(CurrentUser user, IndicatorQuery query, bool withTrend, CancellationToken ct)
    {
        var scope = await engine.ScopeAsync(user, query, ct);
        if (scope is null) return null;
        var figures = await engine.ComputeAsync(scope, null, ct);
        var targetLines = await targets.ForScopeAsync(scope, ct);
        var trend = withTrend ? await TrendAsync(scope, ct) : null;
        var lines = IndicatorCatalogue.All.Select(d => new OverviewLine(d, engine.SourceOf(d.Code) is not null, figures.GetValueOrDefault(d.Code),
            targetLines.Where(t => t.Code == d.Code).ToList(),
            trend?.Select(m => (m.Label, m.Figures.GetValueOrDefault(d.Code)?.Value.Value)).ToList() ?? [],
            !scope.Filter.IsEmpty && FilterOptions.AppliesTo(d))).ToList();
        var isDemo = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Units, u => u.Id == scope.Unit.Id && u.IsDemo, ct);
        return new IndicatorOverview(scope, lines, await engine.ChildrenAsync(scope, ct), isDemo);
    }

    /// <summary>The child units (with their subtrees, as the tree was in the period) ranked by one indicator, best first; no data last.</summary>
    public async Task<IndicatorRanking?> RankingAsync(IndicatorScope scope, string code, CancellationToken ct)
    {
        var definition = IndicatorCatalogue.Find(code);
        if (definition is null || engine.SourceOf(code) is null) return null;
        var rows = new List<(ChildUnit Child, IndicatorFigure Figure)>();
        foreach (var child in await engine.ChildrenAsync(scope, ct))
            rows.Add((child, await engine.ComputeOneAsync(scope.ForChild(child.Unit), code, ct) ?? new IndicatorFigure(IndicatorValue.Of(code, null))));
        var lowerBetter = definition.Direction == IndicatorDirection.LowerIsBetter;
        var ordered = rows.OrderBy(r => r.Figure.Value.Value is null)
            .ThenBy(r => lowerBetter ? r.Figure.Value.Value : -r.Figure.Value.Value)
            .ThenBy(r => r.Child.Unit.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), true)).ToList();
        var result = new List<RankingRow>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var v = ordered[i].Figure.Value.Value;
            // Equal values share a rank ("1, 1, 3").
            int? rank = v is null ? null : i > 0 && ordered[i - 1].Figure.Value.Value is { } prev && Math.Round(prev, 2) == Math.Round(v.Value, 2) ? result[i - 1].Rank : i + 1;
            result.Add(new RankingRow(ordered[i].Child.Unit, ordered[i].Figure, rank, ordered[i].Child.Visible));
        }
        return new IndicatorRanking(definition, result);
    }

    /// <summary>
    /// One computation per month: the months of the period, or, for a period of one month, the twelve months
    /// ending with it. A month's value counts what falls in that month (tasks due then, entries for it).
    /// </summary>
    private async Task<IReadOnlyList<(string Label, IReadOnlyDictionary<string, IndicatorFigure> Figures)>> TrendAsync(IndicatorScope scope, CancellationToken ct)
    {
        var months = scope.Period.Months();
        if (months.Count == 1)
            months = ReportingPeriod.Range(scope.Period.From.AddMonths(-11), scope.Period.To).Months();
        var list = new List<(string, IReadOnlyDictionary<string, IndicatorFigure>)>();
        foreach (var m in months.TakeLast(24))
            list.Add(($"{m.From.Month:00}/{m.From.Year}", await engine.ComputeAsync(scope.WithPeriod(m), null, ct)));
        return list;
    }
}

public static class IndicatorText
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(double v) => v.ToString("#,##0.##", Vi);

    /// <summary>"75 %", "12 phút", "2 lần"; "Chưa có số liệu" when there is nothing to measure.</summary>
    public static string Value(double? v, IndicatorKind kind) => v is not { } x ? "Chưa có số liệu" : kind switch
    {
        IndicatorKind.Rate => $"{Number(x)}%",
        IndicatorKind.Minutes => $"{Number(x)} phút",
        IndicatorKind.Count => $"{Number(x)} lần",
        IndicatorKind.Rank => $"hạng {Number(x)}",
        _ => $"{Number(x)} điểm",
    };

    public static string Figure(IndicatorValue v)
    {
        var kind = IndicatorCatalogue.Find(v.Code)?.Kind ?? IndicatorKind.Rate;
        var text = Value(v.Value, kind);
        return v.Numerator is { } n && v.Denominator is { } d && kind != IndicatorKind.Count ? $"{text} ({Number(n)}/{Number(d)})" : text;
    }

    public static string Status(TargetStatus s) => Plans.PlanText.Status(s);

    /// <summary>The CSS class of the traffic light; the text always says the status too.</summary>
    public static string StatusClass(TargetStatus s) => s switch
    {
        TargetStatus.Met => "light-met",
        TargetStatus.OnTrack => "light-ontrack",
        TargetStatus.AtRisk => "light-atrisk",
        TargetStatus.Missed => "light-missed",
        _ => "light-nodata",
    };

    public static string Source(IndicatorSource s) => s switch
    {
        IndicatorSource.Dossiers => "hồ sơ",
        IndicatorSource.Procedures => "danh mục TTHC",
        IndicatorSource.ProceduresAndDossiers => "danh mục TTHC và hồ sơ",
        IndicatorSource.Ratings => "đánh giá của người dân",
        IndicatorSource.Petitions => "phản ánh, kiến nghị",
        IndicatorSource.QueueTickets => "số thứ tự tại Bộ phận Một cửa",
        IndicatorSource.Tasks => "nhiệm vụ kế hoạch",
        IndicatorSource.Reports => "báo cáo định kỳ",
        IndicatorSource.Plans => "kế hoạch đơn vị cấp dưới",
        IndicatorSource.Inspections => "kiểm tra CCHC",
        IndicatorSource.Scoring => "chấm điểm Chỉ số CCHC",
        _ => "số liệu nhập có kiểm chứng",
    };
}

using System.Globalization;
using Cchc.Core.Common;
using Cchc.Core.Indicators;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// The filters the indicator pages share (query string): unit (code; empty = the reader's unit), scope
/// ("subtree" or "unit"), period kind (Month, Quarter, Half, Year, Range) with year and number, or from/to
/// (dd/MM/yyyy or yyyy-MM-dd) for a range; field (lĩnh vực) and procedure (its code) for the indicators
/// computed from procedures and dossiers. The default is this year, the unit with its subtree, no filter.
/// </summary>
public abstract class IndicatorPageModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public PeriodKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }

    public bool Subtree => Scope != "unit";
    public ReportingPeriod? Period { get; private set; }

    protected CurrentUser Reader => HttpContext.GetCurrentUser() ?? throw new InvalidOperationException("No current user.");

    /// <summary>Reads the period; on a mistake adds a Vietnamese error and falls back to this year.</summary>
    protected ReportingPeriod ReadPeriod(DateOnly today)
    {
        var kind = Kind ?? PeriodKind.Year;
        var year = Year ?? today.Year;
        try
        {
            if (kind == PeriodKind.Range)
            {
                if (!VnTime.TryParseDate(From, out var f)) throw new RuleViolation("Ngày bắt đầu không hợp lệ (dd/mm/yyyy).", nameof(From));
                if (!VnTime.TryParseDate(To, out var t)) throw new RuleViolation("Ngày kết thúc không hợp lệ (dd/mm/yyyy).", nameof(To));
                Period = PeriodInput.Recognise(f, t);
            }
            else Period = ReportingPeriod.Of(kind, year, Number ?? DefaultNumber(kind, today));
        }
        catch (RuleViolation e)
        {
            ModelState.AddModelError(e.Field ?? "", e.Message);
            Period = ReportingPeriod.Year(today.Year);
        }
        return Period;
    }

    /// <summary>
    /// Reads the field / procedure filter against the reader's catalogue; on a mistake adds the Vietnamese error
    /// (keys Field, Procedure) and drops the filter, so that the figures shown are plainly unfiltered.
    /// </summary>
    protected IndicatorFilter ReadFilter(FilterOptions options)
    {
        var (filter, errors) = options.Check(Field, Procedure);
        foreach (var (key, messages) in errors)
            foreach (var m in messages) ModelState.AddModelError(key == "field" ? nameof(Field) : nameof(Procedure), m);
        (Field, Procedure) = (filter.Field, filter.ProcedureCode);
        return filter;
    }

    private static int DefaultNumber(PeriodKind kind, DateOnly today) => kind switch
    {
        PeriodKind.Month => today.Month,
        PeriodKind.Quarter => (today.Month - 1) / 3 + 1,
        PeriodKind.Half => today.Month <= 6 ? 1 : 2,
        _ => 1,
    };

    /// <summary>The current filters as a query string, with some values replaced (null removes one).</summary>
    public string Query(params (string Key, string? Value)[] replace)
    {
        var p = Period;
        var pairs = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["unit"] = Unit,
            ["scope"] = Subtree ? null : "unit",
            ["kind"] = p?.Kind.ToString(),
            ["year"] = p is null || p.Kind == PeriodKind.Range ? null : p.From.Year.ToString(CultureInfo.InvariantCulture),
            ["number"] = p is null || p.Kind is PeriodKind.Range or PeriodKind.Year ? null : p.Number.ToString(CultureInfo.InvariantCulture),
            ["from"] = p?.Kind == PeriodKind.Range ? IndicatorsApi.Iso(p.From) : null,
            ["to"] = p?.Kind == PeriodKind.Range ? IndicatorsApi.Iso(p.To) : null,
            ["field"] = Field,
            ["procedure"] = Procedure,
        };
        foreach (var (k, v) in replace) pairs[k] = v;
        return string.Join("&", pairs.Where(x => !string.IsNullOrEmpty(x.Value)).Select(x => $"{x.Key}={Uri.EscapeDataString(x.Value!)}"));
    }

    public static string KindName(PeriodKind k) => k switch
    {
        PeriodKind.Month => "Tháng",
        PeriodKind.Quarter => "Quý",
        PeriodKind.Half => "6 tháng",
        PeriodKind.Year => "Năm",
        _ => "Khoảng ngày",
    };
}

/// <summary>
/// The overview and its printed forms (print view, PDF, .xlsx): the same filters load the same overview and
/// ranking (docs/indicators.md "Pages").
/// </summary>
public abstract class DashboardPageModel(IndicatorReports reports, IndicatorEngine engine, IndicatorFilterOptions filterOptions) : IndicatorPageModel
{
    /// <summary>The indicator the child units are ranked by.</summary>
    [BindProperty(SupportsGet = true)] public string? Rank { get; set; }

    public IndicatorOverview? Overview { get; private set; }
    public IndicatorRanking? Ranking { get; private set; }
    public DateOnly Today { get; private set; }
    public FilterOptions Options { get; private set; } = new([], []);

    /// <summary>The filter in words ("lĩnh vực …; thủ tục …"), null without one.</summary>
    public string? FilterText => Overview is null ? null : Options.Describe(Overview.Scope.Filter);

    /// <summary>False when the unit is unknown or outside the reader's subtree (404).</summary>
    protected async Task<bool> LoadAsync(bool withTrend, CancellationToken ct)
    {
        Today = engine.Today;
        var period = ReadPeriod(Today);
        Options = await filterOptions.ForAsync(Reader, ct);
        var filter = ReadFilter(Options);
        Overview = await reports.OverviewAsync(Reader, new IndicatorQuery(Unit, Subtree, period, filter.Field, filter.ProcedureCode), withTrend, ct);
        if (Overview is null) return false;
        var rank = IndicatorCatalogue.Find(Rank)?.Code is { } c && engine.SourceOf(c) is not null ? c : IndicatorCodes.TaskCompletionRate;
        Rank = rank;
        if (Overview.Children.Count > 0) Ranking = await reports.RankingAsync(Overview.Scope, rank, ct);
        return true;
    }

    /// <summary>
    /// A file asked with a wrong period or filter is not written (it would hold other figures than asked): the
    /// page answers 400 with the Vietnamese messages instead.
    /// </summary>
    protected IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

using Cchc.Core.Indicators;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Indicators;

/// <summary>The drill-down of one value: the figure, and the records that keep it from its best (late tasks, procedures lacking a criterion, entries with evidence).</summary>
public sealed class RecordsModel(IndicatorEngine engine, IndicatorFilterOptions filterOptions) : IndicatorPageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public IndicatorDefinition? Definition { get; private set; }
    public IndicatorScope? View { get; private set; }
    public IndicatorFigure? Figure { get; private set; }
    public IReadOnlyList<IndicatorRecord> Records { get; private set; } = [];

    /// <summary>The filter in words, null without one.</summary>
    public string? FilterText { get; private set; }

    /// <summary>Whether the filter acts on this indicator (procedures and dossiers only).</summary>
    public bool Filtered => FilterText is not null && Definition is not null && FilterOptions.AppliesTo(Definition);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Definition = IndicatorCatalogue.Find(Code);
        if (Definition is null || engine.SourceOf(Definition.Code) is null) return NotFound();
        var period = ReadPeriod(engine.Today);
        var options = await filterOptions.ForAsync(Reader, ct);
        var filter = ReadFilter(options);
        View = await engine.ScopeAsync(Reader, new IndicatorQuery(Unit, Subtree, period, filter.Field, filter.ProcedureCode), ct);
        if (View is null) return NotFound();
        FilterText = options.Describe(View.Filter);
        Figure = await engine.ComputeOneAsync(View, Definition.Code, ct);
        Records = await engine.RecordsAsync(View, Definition.Code, ct);
        return Page();
    }
}

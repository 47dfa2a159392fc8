using Cchc.Core.Indicators;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Indicators;

/// <summary>The drill-down of one value: the figure, and the records that keep it from its best (late tasks, procedures lacking a criterion, entries with evidence).</summary>
public sealed class RecordsModel(IndicatorEngine engine) : IndicatorPageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public IndicatorDefinition? Definition { get; private set; }
    public IndicatorScope? View { get; private set; }
    public IndicatorFigure? Figure { get; private set; }
    public IReadOnlyList<IndicatorRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Definition = IndicatorCatalogue.Find(Code);
        if (Definition is null || engine.SourceOf(Definition.Code) is null) return NotFound();
        var period = ReadPeriod(engine.Today);
        View = await engine.ScopeAsync(Reader, new IndicatorQuery(Unit, Subtree, period), ct);
        if (View is null) return NotFound();
        Figure = await engine.ComputeOneAsync(View, Definition.Code, ct);
        Records = await engine.RecordsAsync(View, Definition.Code, ct);
        return Page();
    }
}

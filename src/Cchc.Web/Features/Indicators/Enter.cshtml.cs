using System.ComponentModel.DataAnnotations;
using Cchc.Core.Access;
using Cchc.Core.Indicators;
using Cchc.Web.Features.Files;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Indicators;

public sealed class EntryForm
{
    [Required(ErrorMessage = "Chọn đơn vị.")] public string? UnitCode { get; set; }
    [Required(ErrorMessage = "Chọn chỉ số.")] public string? Code { get; set; }
    public PeriodKind PeriodKind { get; set; } = PeriodKind.Quarter;
    [Range(2000, 2100, ErrorMessage = "Năm phải từ 2000 đến 2100.")] public int PeriodYear { get; set; }
    [Range(1, 12, ErrorMessage = "Số kỳ phải từ 1 đến 12.")] public int PeriodNumber { get; set; } = 1;
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public double? Value { get; set; }
    [Required(ErrorMessage = "Ghi rõ tài liệu kiểm chứng (số, ngày văn bản, nguồn số liệu).")]
    [StringLength(IndicatorEntry.MaxNoteLength, ErrorMessage = "Ghi chú tối đa 2000 ký tự.")]
    public string? Note { get; set; }
    public int? Version { get; set; }
}

/// <summary>Entry of the indicators the system cannot observe, with their evidence (unit admins, leaders, specialists of the unit or above it).</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.UnitAdmin + "," + Roles.Leader + "," + Roles.Specialist)]
[RequestFormLimits(MultipartBodyLengthLimit = FileRules.MaxRequestBytes)]
public sealed class EnterModel(EnterIndicator enter, IndicatorEngine engine, Units.UnitTree tree) : IndicatorPageModel
{
    [BindProperty] public EntryForm Input { get; set; } = new();

    public IReadOnlyList<Units.UnitRow> UnitChoices { get; private set; } = [];
    public IReadOnlyList<IndicatorDefinition> Codes { get; } = IndicatorCatalogue.All.Where(d => !d.IsComputed).ToList();
    public IReadOnlyList<(IndicatorEntry Entry, string UnitName, FileAttachment? File)> Entries { get; private set; } = [];
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = engine.Today;
        var unit = await engine.ResolveUnitAsync(Reader, Unit, ct);
        if (unit is null) return NotFound();
        Input.UnitCode = unit.Code;
        Input.PeriodYear = today.Year;
        Input.PeriodNumber = (today.Month - 1) / 3 + 1;
        await LoadAsync(today.Year, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? evidence, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var ok = await ModelState.TryAsync(async () =>
            {
                var period = ReportingPeriod.Of(Input.PeriodKind, Input.PeriodYear, Input.PeriodNumber);
                var entry = await enter.EnterAsync(Reader, new EnterIndicatorInput(Input.UnitCode!, Input.Code!, period, Input.Numerator, Input.Denominator, Input.Value, Input.Note, Input.Version), evidence, ct)
                    ?? throw new Core.Common.RuleViolation("Không tìm thấy đơn vị hoặc đơn vị nằm ngoài phạm vi của bạn.", nameof(EntryForm.UnitCode));
                Saved = $"Đã lưu {IndicatorCatalogue.Find(entry.Code)!.NameVi} – {entry.Period.Label}: {IndicatorText.Figure(entry.ToValue())}.";
            });
            if (ok) ModelState.Clear();
        }
        await LoadAsync(Input.PeriodYear is >= 2000 and <= 2100 ? Input.PeriodYear : engine.Today.Year, ct);
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken ct)
    {
        UnitChoices = await tree.CurrentAsync(Reader, false, ct);
        Entries = await enter.ListAsync(Reader, ReportingPeriod.Year(year), ct);
    }
}

using System.Globalization;
using Cchc.Core.Indicators;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;

namespace Cchc.Web.Features.Indicators;

public sealed record TargetResponse(int TargetId, int PlanId, string Plan, string Description, int? Year, double? Value, bool Live, TargetStatus Status, string StatusName, IReadOnlyList<string> GroupsBelowMinimum);

/// <summary><paramref name="Filtered"/>: a field / procedure filter is set and acts on this indicator (procedures and dossiers).</summary>
public sealed record IndicatorResponse(
    string Code, string Name, IndicatorKind Kind, string Unit, IndicatorSource Source, bool Available,
    double? Value, double? Numerator, double? Denominator, string? Note, IReadOnlyList<TargetResponse> Targets, bool Filtered);

/// <summary><paramref name="Field"/> and <paramref name="Procedure"/>: the filter applied, as the catalogue writes them (null = none).</summary>
public sealed record IndicatorsResponse(string UnitCode, string UnitName, bool Subtree, DateOnly From, DateOnly To, string Period,
    string? Field, string? Procedure, IReadOnlyList<IndicatorResponse> Indicators);

/// <summary>Reading the period from a request: dates as yyyy-MM-dd (or dd/MM/yyyy); a whole month, quarter, half or year is named as such.</summary>
public static class PeriodInput
{
    public static ReportingPeriod Recognise(DateOnly from, DateOnly to)
    {
        if (from.Day == 1 && to == from.AddMonths(1).AddDays(-1)) return ReportingPeriod.Month(from.Year, from.Month);
        if (from.Day == 1 && from.Month % 3 == 1 && to == from.AddMonths(3).AddDays(-1)) return ReportingPeriod.Quarter(from.Year, (from.Month - 1) / 3 + 1);
        if (from.Day == 1 && from.Month is 1 or 7 && to == from.AddMonths(6).AddDays(-1)) return ReportingPeriod.Half(from.Year, from.Month == 1 ? 1 : 2);
        if (from.Day == 1 && from.Month == 1 && to == new DateOnly(from.Year, 12, 31)) return ReportingPeriod.Year(from.Year);
        return ReportingPeriod.Range(from, to);
    }

    /// <summary>The period, or the Vietnamese errors by field (from, to).</summary>
    public static (ReportingPeriod? Period, Dictionary<string, string[]> Errors) Parse(string? from, string? to, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateOnly f = new(today.Year, 1, 1), t = new(today.Year, 12, 31);
        if (!string.IsNullOrWhiteSpace(from) && !VnTime.TryParseDate(from, out f))
            errors["from"] = ["Ngày bắt đầu (from) không đúng định dạng YYYY-MM-DD."];
        if (!string.IsNullOrWhiteSpace(to) && !VnTime.TryParseDate(to, out t))
            errors["to"] = ["Ngày kết thúc (to) không đúng định dạng YYYY-MM-DD."];
        if (errors.Count == 0 && f > t) errors["from"] = ["Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."];
        if (errors.Count == 0 && (f.Year < 2000 || t.Year > 2100)) errors["from"] = ["Năm phải từ 2000 đến 2100."];
        return errors.Count > 0 ? (null, errors) : (Recognise(f, t), errors);
    }
}

public static class IndicatorsApi
{
    public static void MapIndicators(this WebApplication app)
    {
        app.MapGet("/api/v1/indicators", async (string? unit, string? from, string? to, bool? subtree, string? field, string? procedure, CurrentUser user,
            IndicatorReports reports, IndicatorEngine engine, IndicatorFilterOptions filterOptions, CancellationToken ct) =>
        {
            var (period, errors) = PeriodInput.Parse(from, to, engine.Today);
            var (filter, filterErrors) = (await filterOptions.ForAsync(user, ct)).Check(field, procedure);
            foreach (var (key, messages) in filterErrors) errors[key] = messages;
            if (period is null || errors.Count > 0) return Results.ValidationProblem(errors, title: ApiErrors.ValidationTitle);
            var overview = await reports.OverviewAsync(user, new IndicatorQuery(unit, subtree ?? true, period, filter.Field, filter.ProcedureCode), false, ct);
            if (overview is null)
                return Results.Problem(statusCode: 404, title: "Không tìm thấy đơn vị hoặc đơn vị nằm ngoài phạm vi của bạn.");
            return Results.Ok(ToResponse(overview));
        }).RequireAuthorization().WithTags("Chỉ số").Produces<IndicatorsResponse>().ProducesValidationProblem().Produces(404);
    }

    public static IndicatorsResponse ToResponse(IndicatorOverview o) => new(
        o.Scope.Unit.Code, o.Scope.Unit.Name, o.Scope.Subtree, o.Scope.Period.From, o.Scope.Period.To, o.Scope.Period.Label,
        o.Scope.Filter.Field, o.Scope.Filter.ProcedureCode,
        o.Lines.Select(l => new IndicatorResponse(l.Definition.Code, l.Definition.NameVi, l.Definition.Kind, l.Definition.Unit, l.Definition.Source,
            l.Available, l.Value?.Value, l.Value?.Numerator, l.Value?.Denominator, l.Figure?.Note,
            l.Targets.Select(t => new TargetResponse(t.TargetId, t.PlanId, t.PlanLabel, t.Description, t.Year, t.ShownValue, t.Live is not null,
                t.Status, IndicatorText.Status(t.Status), t.GroupsBelowMinimum)).ToList(), l.Filtered)).ToList());

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

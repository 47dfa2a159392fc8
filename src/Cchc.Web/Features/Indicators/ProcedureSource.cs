using Cchc.Core.Indicators;
using Cchc.Web.Data;
using Cchc.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;
using P = Cchc.Core.Procedures;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// The PROCEDURE_* coverage codes (and ONLINE_PAYMENT_COVERAGE) from the procedure catalogue as it stands at
/// the end of the period (today, for a period not yet over): the procedures in force that day, owned by a
/// unit the scope includes on that day. Internal procedures (TTHC nội bộ) are left out: they are not
/// services to citizens, which is what the 766 coverage indicators measure. Each code also comes per field
/// (lĩnh vực), for targets with a per-field minimum. PROCEDURE_ONLINE_WITH_DOSSIERS needs dossiers and waits
/// for the dossier source. A field / procedure filter (<see cref="IndicatorScope.Filter"/>) keeps only the
/// procedures that pass it, in the figures, the per-field groups and the drill-down alike.
/// </summary>
public sealed class ProcedureSource(CchcDb db) : IIndicatorSource
{
    private static readonly (string Code, Func<IEnumerable<ProcedureFacts>, IndicatorValue> Formula, Func<ProcedureFacts, bool> InDenominator, Func<ProcedureFacts, bool> Meets, string Missing)[] Formulas =
    [
        (IndicatorCodes.ProcedureOnlineCoverage, ProcedureIndicators.OnlineCoverage, _ => true, p => p.OfferedOnline, "Chưa cung cấp dịch vụ công trực tuyến một phần hoặc toàn trình"),
        (IndicatorCodes.ProcedurePostalCoverage, ProcedureIndicators.PostalCoverage, _ => true, p => p.PostalAllowed, "Chưa tiếp nhận hoặc trả kết quả qua bưu chính công ích"),
        (IndicatorCodes.OnlinePaymentCoverage, ProcedureIndicators.OnlinePaymentCoverage, p => p.FeeBearing, p => p.PayableOnline, "Có phí, lệ phí nhưng chưa thanh toán trực tuyến"),
        (IndicatorCodes.ProcedurePublishedRate, ProcedureIndicators.PublishedRate, _ => true, p => p.Published, "Chưa công khai"),
        (IndicatorCodes.ProcedureIsoRate, ProcedureIndicators.IsoRate, _ => true, p => p.IsoProcess, "Chưa áp dụng ISO 9001"),
        (IndicatorCodes.ProcedureEisoRate, ProcedureIndicators.ElectronicIsoRate, _ => true, p => p.ElectronicIso, "Chưa áp dụng ISO điện tử"),
    ];

    public IReadOnlyList<string> Codes { get; } = Formulas.Select(f => f.Code).ToList();

    public async Task<IReadOnlyList<IndicatorFigure>> ComputeAsync(IndicatorScope scope, CancellationToken ct)
    {
        var facts = (await ProceduresAsync(scope, ct)).Select(p => p.Facts).ToList();
        return Formulas.Select(f => new IndicatorFigure(f.Formula(facts),
            facts.GroupBy(p => p.Field ?? "").ToDictionary(g => g.Key, g => f.Formula(g).Value, StringComparer.Ordinal))).ToList();
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorScope scope, string code, CancellationToken ct)
    {
        var formula = Formulas.Single(f => f.Code == code);
        var rows = await ProceduresAsync(scope, ct);
        var names = await TaskSource.UnitNamesAsync(db, rows.Select(r => r.Procedure.OwningUnitId), ct);
        return rows.Where(r => formula.InDenominator(r.Facts) && !formula.Meets(r.Facts))
            .OrderBy(r => r.Procedure.Field, StringComparer.Ordinal).ThenBy(r => r.Procedure.Code, StringComparer.Ordinal)
            .Select(r => new IndicatorRecord($"{r.Procedure.Code} – {r.Procedure.Name}", names.GetValueOrDefault(r.Procedure.OwningUnitId),
                $"Lĩnh vực: {r.Procedure.Field}", formula.Missing, $"/Procedures/Edit?code={Uri.EscapeDataString(r.Procedure.Code)}"))
            .ToList();
    }

    private async Task<List<(P.Procedure Procedure, ProcedureFacts Facts)>> ProceduresAsync(IndicatorScope scope, CancellationToken ct)
    {
        var day = scope.Period.To < scope.Today ? scope.Period.To : scope.Today;
        var rows = await db.Procedures().AsNoTracking().VisibleTo(scope.User, db.Units)
            .Where(p => !p.Internal && p.EffectiveFrom <= day && (p.EffectiveTo == null || p.EffectiveTo >= day))
            .ToListAsync(ct);
        return rows.Where(p => scope.Filter.Keeps(p.Code, p.Field) && scope.Includes(p.OwningUnitId, day)).Select(p => (p, FactsOf(p, day))).ToList();
    }

    public static ProcedureFacts FactsOf(P.Procedure p, DateOnly day) => new(
        p.Code, p.Field, p.InForceOn(day),
        p.OnlineLevel switch
        {
            P.OnlineLevel.Partial or P.OnlineLevel.LegacyLevel3 => OnlineLevel.Partial,
            P.OnlineLevel.Full or P.OnlineLevel.LegacyLevel4 => OnlineLevel.Full,
            P.OnlineLevel.LegacyLevel2 => OnlineLevel.Information,
            _ => OnlineLevel.None,
        },
        PostalAllowed: p.PostalReceipt || p.PostalReturn,
        FeeBearing: p.FeeAmount > 0 || (p.FeeAmount is null && p.FeeText is not null),
        PayableOnline: p.OnlinePayment,
        Published: p.Published,
        IsoProcess: p.Iso != P.IsoProcess.None,
        ElectronicIso: p.Iso == P.IsoProcess.ElectronicIso);
}

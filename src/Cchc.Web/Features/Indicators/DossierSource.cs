using Cchc.Core.Indicators;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Dossiers;
using Cchc.Web.Features.Indicators.Rollups;
using Cchc.Web.Features.Procedures;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;
using P = Cchc.Core.Procedures;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// The DOSSIER_* codes (with ONLINE_PAYMENT_RATE, INTERNAL_ELECTRONIC_TRANSFER_RATE, DATA_REUSE_RATE,
/// LATE_DOSSIER_APOLOGY_RATE and PROCEDURE_ONLINE_WITH_DOSSIERS), read from the roll-ups
/// (<see cref="DossierRollupStore"/>): a dossier counts for its receiving unit, on its receipt day for the
/// receipt-based rates and on the day its processing ended for the timeliness and result rates, with the
/// organisation's history (<see cref="IndicatorScope.Includes"/>). Only units the reader sees count. The field
/// and procedure filter applies. One request usually asks for a period, its months (the trend) and its child
/// units (the ranking): the rows of one window are read once and every later question in it is answered
/// from memory.
/// </summary>
public sealed class DossierSource(CchcDb db, DossierRollupStore store) : IIndicatorSource
{
    public const int MaxRecords = 500;

    private sealed record ProcedureInfo(int Id, string Code, string Name, string? Field, int OwningUnitId, bool Internal, P.OnlineLevel Online,
        DateOnly EffectiveFrom, DateOnly? EffectiveTo);

    /// <summary>Rows of [From, To]: whole months (where the tree did not change within them) and days.</summary>
    private sealed record Window(DateOnly From, DateOnly To, HashSet<DateOnly> Months, IReadOnlyList<RollupRow> Rows)
    {
        /// <summary>Can it answer a period? Only if no month row of it straddles the period's ends.</summary>
        public bool Answers(ReportingPeriod p) =>
            From <= p.From && p.To <= To
            && (p.From.Day == 1 || !Months.Contains(DossierRollupStore.FirstOfMonth(p.From)))
            && (p.To.AddDays(1).Day == 1 || !Months.Contains(DossierRollupStore.FirstOfMonth(p.To)));
    }

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        [IndicatorCodes.DossierOnTimeRate] = "Giải quyết quá hạn",
        [IndicatorCodes.DossierEarlyRate] = "Không giải quyết trước hạn",
        [IndicatorCodes.DossierOnlineRate] = "Thủ tục có dịch vụ công trực tuyến nhưng hồ sơ không nộp trực tuyến",
        [IndicatorCodes.DossierPostalReceiptRate] = "Không nộp qua bưu chính công ích",
        [IndicatorCodes.DossierPostalReturnRate] = "Kết quả không trả qua bưu chính công ích",
        [IndicatorCodes.DossierDigitisedResultRate] = "Kết quả giải quyết chưa được số hóa",
        [IndicatorCodes.OnlinePaymentRate] = "Có phí, lệ phí nhưng không thanh toán trực tuyến",
        [IndicatorCodes.InternalElectronicTransferRate] = "Liên thông nhưng không chuyển bằng phương thức điện tử",
        [IndicatorCodes.DataReuseRate] = "Người nộp phải cung cấp lại giấy tờ, dữ liệu đã có",
        [IndicatorCodes.LateDossierApologyRate] = "Quá hạn nhưng chưa gửi văn bản xin lỗi",
    };

    private readonly List<Window> _windows = [];
    private Dictionary<int, ProcedureInfo>? _procedures;
    private HashSet<int>? _visibleUnits;

    public IReadOnlyList<string> Codes { get; } = [.. DossierRatios.Codes, IndicatorCodes.ProcedureOnlineWithDossiers];

    public async Task<IReadOnlyList<IndicatorFigure>> ComputeAsync(IndicatorScope scope, CancellationToken ct)
    {
        var procedures = await ProceduresAsync(ct);
        var total = new DossierCounts();
        var byField = new Dictionary<string, DossierCounts>(StringComparer.Ordinal);
        var onlineByProcedure = new Dictionary<int, long>();
        foreach (var row in await RowsAsync(scope, ct))
        {
            var procedure = procedures.GetValueOrDefault(row.ProcedureId);
            total.Add(row.Counts);
            var field = procedure?.Field ?? "";
            if (!byField.TryGetValue(field, out var f)) byField[field] = f = new DossierCounts();
            f.Add(row.Counts);
            onlineByProcedure[row.ProcedureId] = onlineByProcedure.GetValueOrDefault(row.ProcedureId) + row.Counts[DossierCounter.ReceivedOnline];
        }

        var figures = DossierRatios.Definitions.Select(d => new IndicatorFigure(DossierRatios.Value(d.Code, total),
            byField.ToDictionary(g => g.Key, g => DossierRatios.Value(d.Code, g.Value).Value, StringComparer.Ordinal))).ToList<IndicatorFigure>();

        var online = await OnlineProceduresAsync(scope, ct);
        var facts = online.Select(p => new ProcedureFacts(p.Code, p.Field, InForce: true, OnlineLevelOf(p.Online),
            OnlineDossiers: (int)Math.Min(int.MaxValue, onlineByProcedure.GetValueOrDefault(p.Id)))).ToList();
        figures.Add(new IndicatorFigure(ProcedureIndicators.OnlineWithDossiers(facts),
            facts.GroupBy(p => p.Field ?? "").ToDictionary(g => g.Key, g => ProcedureIndicators.OnlineWithDossiers(g).Value, StringComparer.Ordinal)));
        return figures;
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorScope scope, string code, CancellationToken ct)
    {
        var procedures = await ProceduresAsync(ct);
        if (code == IndicatorCodes.ProcedureOnlineWithDossiers)
        {
            var withDossiers = (await RowsAsync(scope, ct)).Where(r => r.Counts[DossierCounter.ReceivedOnline] > 0).Select(r => r.ProcedureId).ToHashSet();
            var lacking = (await OnlineProceduresAsync(scope, ct)).Where(p => !withDossiers.Contains(p.Id)).ToList();
            var owners = await TaskSource.UnitNamesAsync(db, lacking.Select(p => p.OwningUnitId), ct);
            return lacking
                .OrderBy(p => p.Field, StringComparer.Ordinal).ThenBy(p => p.Code, StringComparer.Ordinal)
                .Select(p => new IndicatorRecord($"{p.Code} – {p.Name}", owners.GetValueOrDefault(p.OwningUnitId), $"Lĩnh vực: {p.Field}",
                    "Có dịch vụ công trực tuyến nhưng chưa có hồ sơ trực tuyến trong kỳ", $"/Procedures/Edit?code={Uri.EscapeDataString(p.Code)}"))
                .ToList();
        }

        var (_, numerator, denominator) = DossierRatios.Definitions.Single(d => d.Code == code);
        int denominatorBit = 1 << (int)denominator, numeratorBits = numerator.Sum(n => 1 << (int)n);
        var (from, to) = (scope.Period.From, scope.Period.To);
        var visible = db.Dossiers().AsNoTracking().VisibleTo(scope.User, db.Units, db.DossierSteps())
            .Where(d => (d.RollupFlags & denominatorBit) != 0 && (d.RollupFlags & numeratorBits) == 0);
        var query = DossierRatios.OnFinishDay(code)
            ? visible.Where(d => d.RollupFinishedOn >= from && d.RollupFinishedOn <= to).OrderByDescending(d => d.RollupFinishedOn)
            : visible.Where(d => d.RollupReceivedOn >= from && d.RollupReceivedOn <= to).OrderByDescending(d => d.RollupReceivedOn);
        var rows = await query.ThenByDescending(d => d.Id)
            .Select(d => new { d.Code, d.ReceivingUnitId, d.ProcedureId, Day = DossierRatios.OnFinishDay(code) ? d.RollupFinishedOn : d.RollupReceivedOn, d.DueDate, d.Status })
            .ToListAsync(ct);
        var kept = rows.Where(r => r.Day is { } day && scope.Includes(r.ReceivingUnitId, day) && Passes(scope, procedures.GetValueOrDefault(r.ProcedureId))).ToList();
        var names = await TaskSource.UnitNamesAsync(db, kept.Take(MaxRecords).Select(r => r.ReceivingUnitId), ct);
        var records = kept.Take(MaxRecords).Select(r =>
        {
            var p = procedures.GetValueOrDefault(r.ProcedureId);
            var when = DossierRatios.OnFinishDay(code) ? $"Kết thúc xử lý: {VnTime.Date(r.Day)}; hẹn trả: {VnTime.Date(r.DueDate)}" : $"Tiếp nhận: {VnTime.Date(r.Day)}";
            return new IndicatorRecord($"{r.Code} – {p?.Name}", names.GetValueOrDefault(r.ReceivingUnitId), when, Reasons[code], $"/Dossiers/Details/{Uri.EscapeDataString(r.Code)}");
        }).ToList();
        if (kept.Count > MaxRecords)
            records.Add(new IndicatorRecord($"… và {kept.Count - MaxRecords} hồ sơ khác", null, "Danh sách chỉ hiện 500 hồ sơ gần nhất", Reasons[code], "/Dossiers"));
        return records;
    }

    /// <summary>The rows of the scope's period that count for it: included by the history, visible, passing the filter.</summary>
    private async Task<IReadOnlyList<RollupRow>> RowsAsync(IndicatorScope scope, CancellationToken ct)
    {
        var window = _windows.FirstOrDefault(w => w.Answers(scope.Period)) ?? await LoadAsync(scope, ct);
        var visible = await VisibleUnitsAsync(scope.User, ct);
        var procedures = await ProceduresAsync(ct);
        var included = new Dictionary<(int, DateOnly), bool>();
        var result = new List<RollupRow>();
        foreach (var row in window.Rows)
        {
            if (row.Bucket < scope.Period.From || row.LastDay > scope.Period.To) continue;
            if (!visible.Contains(row.UnitId) || !Passes(scope, procedures.GetValueOrDefault(row.ProcedureId))) continue;
            // A month row is taken only where the tree did not change within it: its first day stands for all of it.
            if (!included.TryGetValue((row.UnitId, row.Bucket), out var yes))
                included[(row.UnitId, row.Bucket)] = yes = scope.Includes(row.UnitId, row.Bucket);
            if (yes) result.Add(row);
        }
        return result;
    }

    private static bool Passes(IndicatorScope scope, ProcedureInfo? p) => scope.Filter.IsEmpty || (p is not null && scope.Filter.Keeps(p.Code, p.Field));

    /// <summary>
    /// Reads the window for a period: the period itself, and the twelve months up to its end when it is shorter
    /// (what the trend of a one-month overview asks next). Whole months come from the month rows unless a unit
    /// event falls inside them (a move on the 15th), then their days do.
    /// </summary>
    private async Task<Window> LoadAsync(IndicatorScope scope, CancellationToken ct)
    {
        var to = scope.Period.To;
        var from = scope.Period.From;
        var yearBack = DossierRollupStore.FirstOfMonth(to).AddMonths(-11);
        if (yearBack < from && to.AddDays(1).Day == 1 && from.Day == 1) from = yearBack;

        var changes = scope.History.UnitIds.SelectMany(scope.History.TimelineOf).Select(e => e.EffectiveOn).ToHashSet();
        var months = new HashSet<DateOnly>();
        var dayRanges = new List<(DateOnly From, DateOnly To)>();
        var day = from;
        while (day <= to)
        {
            var monthStart = DossierRollupStore.FirstOfMonth(day);
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            bool whole = day == monthStart && monthEnd <= to && !changes.Any(c => c > monthStart && c <= monthEnd);
            if (whole)
            {
                months.Add(monthStart);
                day = monthEnd.AddDays(1);
                continue;
            }
            var end = monthEnd < to ? monthEnd : to;
            if (dayRanges.Count > 0 && dayRanges[^1].To.AddDays(1) == day) dayRanges[^1] = (dayRanges[^1].From, end);
            else dayRanges.Add((day, end));
            day = end.AddDays(1);
        }

        var rows = await store.ReadAsync(from, to, months.Order().ToList(), dayRanges, ct);
        var window = new Window(from, to, months, rows);
        _windows.Add(window);
        return window;
    }

    /// <summary>Procedures offered online, in force at the end of the period, owned by a unit the scope includes that day.</summary>
    private async Task<List<ProcedureInfo>> OnlineProceduresAsync(IndicatorScope scope, CancellationToken ct)
    {
        var day = scope.Period.To < scope.Today ? scope.Period.To : scope.Today;
        var visible = await VisibleUnitsAsync(scope.User, ct);
        return (await ProceduresAsync(ct)).Values
            .Where(p => !p.Internal && OnlineLevelOf(p.Online) is OnlineLevel.Partial or OnlineLevel.Full
                && p.EffectiveFrom <= day && (p.EffectiveTo is null || p.EffectiveTo >= day)
                && visible.Contains(p.OwningUnitId) && scope.Includes(p.OwningUnitId, day) && Passes(scope, p))
            .ToList();
    }

    /// <summary>NĐ 42/2022: một phần = old level 3, toàn trình = old level 4; level 2 only informs.</summary>
    public static OnlineLevel OnlineLevelOf(P.OnlineLevel level) => level switch
    {
        P.OnlineLevel.Partial or P.OnlineLevel.LegacyLevel3 => OnlineLevel.Partial,
        P.OnlineLevel.Full or P.OnlineLevel.LegacyLevel4 => OnlineLevel.Full,
        P.OnlineLevel.LegacyLevel2 => OnlineLevel.Information,
        _ => OnlineLevel.None,
    };

    private async Task<Dictionary<int, ProcedureInfo>> ProceduresAsync(CancellationToken ct) =>
        _procedures ??= await db.Procedures().AsNoTracking()
            .Select(p => new ProcedureInfo(p.Id, p.Code, p.Name, p.Field, p.OwningUnitId, p.Internal, p.OnlineLevel, p.EffectiveFrom, p.EffectiveTo))
            .ToDictionaryAsync(p => p.Id, ct);

    private async Task<HashSet<int>> VisibleUnitsAsync(CurrentUser user, CancellationToken ct) =>
        _visibleUnits ??= (await db.Units.AsNoTracking().VisibleTo(user).Select(u => u.Id).ToListAsync(ct)).ToHashSet();

}

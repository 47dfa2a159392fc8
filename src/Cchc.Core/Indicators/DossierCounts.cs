using Cchc.Core.Dossiers;
using C = Cchc.Core.Indicators.IndicatorCodes;

namespace Cchc.Core.Indicators;

/// <summary>
/// The counters every dossier indicator is a ratio of (docs/indicators.md "Dossier roll-ups"). The first ten
/// count a dossier on the day it was received, the last eight on the day its processing ended; each value is
/// also the bit of <see cref="DossierRollupStamp.Flags"/> that says the dossier counts in it.
/// </summary>
public enum DossierCounter
{
    /// <summary>Received (tiếp nhận): the denominator of the receipt-based rates.</summary>
    Received,
    ReceivedOnline,
    ReceivedByPost,

    /// <summary>Received for a procedure offered online (một phần / toàn trình) at receipt.</summary>
    OfOnlineProcedure,
    OnlineOfOnlineProcedure,
    FeeBearing,

    /// <summary>Fee-bearing and paid online.</summary>
    PaidOnline,

    /// <summary>Processed between agencies (liên thông).</summary>
    InterAgency,

    /// <summary>Inter-agency and passed on electronically.</summary>
    TransferredElectronically,

    /// <summary>The applicant re-supplied nothing the state already held.</summary>
    DataReused,

    /// <summary>Processing ended (result, stop or withdrawal): the denominator of the timeliness rates.</summary>
    Finished,
    Early,
    OnTime,
    Late,

    /// <summary>A result was issued (status 9 or 10), not a stop.</summary>
    ResultIssued,

    /// <summary>Result issued and returned by post.</summary>
    ReturnedByPost,

    /// <summary>Result issued and digitised.</summary>
    ResultDigitised,

    /// <summary>Late, and the apology letter was sent.</summary>
    LateWithApology,
}

/// <summary>
/// What one dossier adds to the roll-ups: its receiving unit, its procedure, the day it was received, the day
/// its processing ended, and which counters it adds one to (bits of <see cref="DossierCounter"/>). A dossier
/// not received yet (submitted online, or refused at intake) adds nothing.
/// </summary>
public readonly record struct DossierRollupStamp(int UnitId, int ProcedureId, DateOnly? ReceivedOn, DateOnly? FinishedOn, int Flags)
{
    public const int ReceiptMask = (1 << (int)DossierCounter.Finished) - 1;
    public const int FinishMask = ((1 << DossierCounts.Length) - 1) & ~ReceiptMask;

    public static DossierRollupStamp None => default;

    public bool IsEmpty => ReceivedOn is null && FinishedOn is null;

    public bool Has(DossierCounter counter) => (Flags & (1 << (int)counter)) != 0;

    /// <summary>
    /// The stamp of a dossier as it stands (pure: the clock only decides its timeliness). Timeliness follows the
    /// national portal's reading (QĐ 766; domain-rules A5, A7): waiting for the applicant is subtracted, more
    /// than one supplement request counts late. The receipt counters are attributed to the Vietnam date of
    /// receipt, the finish counters to the Vietnam date processing ended.
    /// </summary>
    public static DossierRollupStamp Of(Dossier dossier, DossierClock clock)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (dossier.ReceivedAtUtc is not { } received) return None;

        int flags = Bit(DossierCounter.Received);
        if (dossier.Channel == SubmissionChannel.Online) flags |= Bit(DossierCounter.ReceivedOnline);
        if (dossier.Channel == SubmissionChannel.Post) flags |= Bit(DossierCounter.ReceivedByPost);
        if (dossier.ProcedureOnline)
        {
            flags |= Bit(DossierCounter.OfOnlineProcedure);
            if (dossier.Channel == SubmissionChannel.Online) flags |= Bit(DossierCounter.OnlineOfOnlineProcedure);
        }
        if (dossier.FeeAmount is > 0)
        {
            flags |= Bit(DossierCounter.FeeBearing);
            if (dossier.PaidOnline) flags |= Bit(DossierCounter.PaidOnline);
        }
        if (dossier.InterAgency)
        {
            flags |= Bit(DossierCounter.InterAgency);
            if (dossier.TransferredElectronically) flags |= Bit(DossierCounter.TransferredElectronically);
        }
        if (!dossier.ResuppliedHeldData) flags |= Bit(DossierCounter.DataReused);

        DateOnly? finishedOn = null;
        if (dossier.FinishedAtUtc is { } finished && dossier.Evaluate(clock, finished) is { } timeline)
        {
            finishedOn = Calendar.VietnamTime.LocalDate(finished);
            flags |= Bit(DossierCounter.Finished) | Bit(timeline.Portal switch
            {
                Timeliness.Early => DossierCounter.Early,
                Timeliness.OnTime => DossierCounter.OnTime,
                _ => DossierCounter.Late,
            });
            if (dossier.ResolvedAtUtc is not null && dossier.Status is DossierStatus.Resolved or DossierStatus.Delivered)
            {
                flags |= Bit(DossierCounter.ResultIssued);
                if (dossier.ReturnMethod == ReturnMethod.Post) flags |= Bit(DossierCounter.ReturnedByPost);
                if (dossier.ResultDigitised) flags |= Bit(DossierCounter.ResultDigitised);
            }
            if (timeline.Portal == Timeliness.Late && dossier.ApologySentAtUtc is not null) flags |= Bit(DossierCounter.LateWithApology);
        }

        return new DossierRollupStamp(dossier.ReceivingUnitId, dossier.ProcedureId, Calendar.VietnamTime.LocalDate(received), finishedOn, flags);
    }

    /// <summary>The counts this stamp adds on its receipt day (<paramref name="finish"/> false) or its finish day.</summary>
    public DossierCounts Counts(bool finish) => DossierCounts.FromFlags(Flags & (finish ? FinishMask : ReceiptMask));

    private static int Bit(DossierCounter c) => 1 << (int)c;
}

/// <summary>
/// One roll-up row's counters (a unit, a procedure, a day or a month), or their sum over any set of rows.
/// Counts add and subtract, so a change of a dossier is its new stamp's counts minus its old one's.
/// </summary>
public sealed class DossierCounts : IEquatable<DossierCounts>
{
    public const int Length = (int)DossierCounter.LateWithApology + 1;

    private readonly long[] _values = new long[Length];

    public long this[DossierCounter counter]
    {
        get => _values[(int)counter];
        set => _values[(int)counter] = value;
    }

    public static IReadOnlyList<DossierCounter> All { get; } = Enum.GetValues<DossierCounter>();

    public bool IsZero => Array.TrueForAll(_values, v => v == 0);

    public static DossierCounts FromFlags(int flags)
    {
        var counts = new DossierCounts();
        for (int i = 0; i < Length; i++)
            if ((flags & (1 << i)) != 0) counts._values[i] = 1;
        return counts;
    }

    public void Add(DossierCounts other, long sign = 1)
    {
        for (int i = 0; i < Length; i++) _values[i] += sign * other._values[i];
    }

    public static DossierCounts Sum(IEnumerable<DossierCounts> parts)
    {
        var total = new DossierCounts();
        foreach (var p in parts) total.Add(p);
        return total;
    }

    /// <summary>The counts of a set of dossiers' outcomes: what the roll-up of the same dossiers holds.</summary>
    public static DossierCounts Of(IEnumerable<DossierOutcome> dossiers)
    {
        var c = new DossierCounts();
        foreach (var d in dossiers)
        {
            c[DossierCounter.Received]++;
            if (d.Channel == DossierChannel.Online) c[DossierCounter.ReceivedOnline]++;
            if (d.Channel == DossierChannel.Postal) c[DossierCounter.ReceivedByPost]++;
            if (d.ProcedureOnline) c[DossierCounter.OfOnlineProcedure]++;
            if (d.ProcedureOnline && d.Channel == DossierChannel.Online) c[DossierCounter.OnlineOfOnlineProcedure]++;
            if (d.FeeBearing) c[DossierCounter.FeeBearing]++;
            if (d.FeeBearing && d.PaidOnline) c[DossierCounter.PaidOnline]++;
            if (d.InterAgency) c[DossierCounter.InterAgency]++;
            if (d.InterAgency && d.TransferredElectronically) c[DossierCounter.TransferredElectronically]++;
            if (!d.ResuppliedHeldData) c[DossierCounter.DataReused]++;
            if (d.Timeliness is not { } t) continue;
            c[DossierCounter.Finished]++;
            c[t switch { Timeliness.Early => DossierCounter.Early, Timeliness.OnTime => DossierCounter.OnTime, _ => DossierCounter.Late }]++;
            if (d.ResultIssued) c[DossierCounter.ResultIssued]++;
            if (d.ResultIssued && d.ReturnedByPost) c[DossierCounter.ReturnedByPost]++;
            if (d.ResultIssued && d.ResultDigitised) c[DossierCounter.ResultDigitised]++;
            if (t == Timeliness.Late && d.ApologySent) c[DossierCounter.LateWithApology]++;
        }
        return c;
    }

    public bool Equals(DossierCounts? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as DossierCounts);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var v in _values) h.Add(v);
        return h.ToHashCode();
    }

    public override string ToString() => string.Join(", ", All.Where(c => this[c] != 0).Select(c => $"{c}={this[c]}"));
}

/// <summary>
/// The dossier indicators as ratios of <see cref="DossierCounts"/>: the same definitions as the formulas of
/// <see cref="DossierIndicators"/> over outcomes, so that a roll-up and a scan of the dossiers give equal values.
/// </summary>
public static class DossierRatios
{
    /// <summary>Each dossier code: its numerator counters (summed) and its denominator counter.</summary>
    public static IReadOnlyList<(string Code, DossierCounter[] Numerator, DossierCounter Denominator)> Definitions { get; } =
    [
        (C.DossierOnTimeRate, [DossierCounter.Early, DossierCounter.OnTime], DossierCounter.Finished),
        (C.DossierEarlyRate, [DossierCounter.Early], DossierCounter.Finished),
        (C.DossierOnlineRate, [DossierCounter.OnlineOfOnlineProcedure], DossierCounter.OfOnlineProcedure),
        (C.DossierPostalReceiptRate, [DossierCounter.ReceivedByPost], DossierCounter.Received),
        (C.DossierPostalReturnRate, [DossierCounter.ReturnedByPost], DossierCounter.ResultIssued),
        (C.DossierDigitisedResultRate, [DossierCounter.ResultDigitised], DossierCounter.ResultIssued),
        (C.OnlinePaymentRate, [DossierCounter.PaidOnline], DossierCounter.FeeBearing),
        (C.InternalElectronicTransferRate, [DossierCounter.TransferredElectronically], DossierCounter.InterAgency),
        (C.DataReuseRate, [DossierCounter.DataReused], DossierCounter.Received),
        (C.LateDossierApologyRate, [DossierCounter.LateWithApology], DossierCounter.Late),
    ];

    public static IReadOnlyList<string> Codes { get; } = Definitions.Select(d => d.Code).ToList();

    public static IndicatorValue Value(string code, DossierCounts counts)
    {
        var (_, numerator, denominator) = Definitions.Single(d => d.Code == code);
        return IndicatorValue.Rate(code, numerator.Sum(n => counts[n]), counts[denominator]);
    }

    public static IReadOnlyList<IndicatorValue> Values(DossierCounts counts) => Definitions.Select(d => Value(d.Code, counts)).ToList();

    /// <summary>Does a dossier with this stamp keep the value of <paramref name="code"/> below its best (the drill-down)?</summary>
    public static bool Falls(string code, DossierRollupStamp stamp)
    {
        var (_, numerator, denominator) = Definitions.Single(d => d.Code == code);
        return stamp.Has(denominator) && !numerator.Any(stamp.Has);
    }

    /// <summary>Whether <paramref name="code"/> counts a dossier on its finish day (else on its receipt day).</summary>
    public static bool OnFinishDay(string code) => (int)Definitions.Single(d => d.Code == code).Denominator >= (int)DossierCounter.Finished;
}

using System.Globalization;
using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Core.Indicators;
using Cchc.Core.Procedures;
using FsCheck;
using FsCheck.Fluent;
using static Cchc.Core.Tests.Calendar.TestCalendars;

namespace Cchc.Core.Tests.Indicators;

/// <summary>
/// What one dossier adds to the roll-ups (its stamp) and the counters' ratios: the roll-up of a set of dossiers
/// must give the same values as the formulas over the same dossiers (docs/indicators.md "Dossier roll-ups").
/// </summary>
public sealed class DossierRollupTests
{
    private static readonly DossierClock Clock = new(Statutory);
    private static readonly DossierActor Desk = new("Cán bộ một cửa", 1, DossierEventSource.Desk);
    private const int Unit = 7;

    private static DateTime Vn(string local) =>
        VietnamTime.ToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    private static Procedure FiveDays(long? fee = null, Cchc.Core.Procedures.OnlineLevel online = Cchc.Core.Procedures.OnlineLevel.Full) => new("1.005090", new ProcedureDetails(
        "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ", CompetentLevel.Department, Unit,
        ProcessingTime.WorkingDays(5), fee is null ? null : $"{fee} đồng", fee, online, true, true, fee is not null, IsoProcess.None, true, false,
        new DateOnly(2018, 1, 1), null));

    private static Dossier Received(string at = "2025-03-03 10:00", SubmissionChannel channel = SubmissionChannel.Desk, long? fee = null) =>
        Dossier.Receive("H12.22", 1, FiveDays(fee), Unit, new Applicant("Nguyễn Văn An", "0912345678", null, null),
            channel, Vn(at), "Đơn đề nghị", Desk, Clock);

    private static bool[] Bits(DossierRollupStamp s) => DossierCounts.All.Select(s.Has).ToArray();

    [Fact]
    public void A_dossier_counts_on_the_vietnam_date_it_was_received()
    {
        // 06:30 on 04/03 in Hà Nội is 23:30 UTC on 03/03: the receipt day is the Vietnam one (style.md "Time").
        var d = Received("2025-03-04 06:30", SubmissionChannel.Post);
        var s = DossierRollupStamp.Of(d, Clock);
        Assert.Equal(new DateOnly(2025, 3, 4), s.ReceivedOn);
        Assert.Null(s.FinishedOn);
        Assert.Equal(Unit, s.UnitId);
        Assert.True(s.Has(DossierCounter.Received) && s.Has(DossierCounter.ReceivedByPost) && s.Has(DossierCounter.DataReused));
        Assert.True(s.Has(DossierCounter.OfOnlineProcedure));
        Assert.False(s.Has(DossierCounter.OnlineOfOnlineProcedure) || s.Has(DossierCounter.Finished) || s.Has(DossierCounter.FeeBearing));
    }

    [Fact]
    public void A_dossier_not_received_yet_adds_nothing()
    {
        // Status 1 (submitted online, not yet accepted) and a refusal at intake are not "tiếp nhận" (domain-rules A2).
        var d = Dossier.SubmitOnline("H12", 1, FiveDays(), Unit, new Applicant("Lê Văn Cường", "0988000111", null, null),
            Vn("2025-03-03 20:00"), null, Desk with { Source = DossierEventSource.Online }, Clock);
        Assert.True(DossierRollupStamp.Of(d, Clock).IsEmpty);
        d.Refuse("Hồ sơ không thuộc thẩm quyền", Vn("2025-03-04 08:00"), Desk);
        Assert.Equal(DossierRollupStamp.None, DossierRollupStamp.Of(d, Clock));
    }

    [Theory]
    // domain-rules A4 vector: received Mon 03/03/2025 10:00, 5 working days → due Mon 10/03/2025; A7: the
    // Vietnam date of the end of processing against the due date.
    [InlineData("2025-03-07 16:00", DossierCounter.Early)]
    [InlineData("2025-03-10 16:59", DossierCounter.OnTime)]
    [InlineData("2025-03-11 08:00", DossierCounter.Late)]
    public void A_resolved_dossier_counts_early_on_time_or_late_on_the_day_it_was_resolved(string resolvedAt, DossierCounter expected)
    {
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.Resolve(Vn(resolvedAt), Desk, null, electronic: true, digitised: true);
        var s = DossierRollupStamp.Of(d, Clock);
        Assert.Equal(DateOnly.FromDateTime(DateTime.ParseExact(resolvedAt, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), s.FinishedOn);
        Assert.True(s.Has(DossierCounter.Finished) && s.Has(expected) && s.Has(DossierCounter.ResultIssued) && s.Has(DossierCounter.ResultDigitised));
        Assert.Single(new[] { DossierCounter.Early, DossierCounter.OnTime, DossierCounter.Late }, s.Has);
    }

    [Fact]
    public void Waiting_for_the_applicant_is_subtracted_as_the_national_portal_does()
    {
        // domain-rules A5 (766): effective end = end − waiting time. Due 10/03; waiting 04/03 09:00 → 07/03 09:00
        // (3 days); resolved 12/03 → effective end 09/03: on time by the portal, although after the original due date.
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.RequestSupplement("Bổ sung bản sao CCCD", Vn("2025-03-04 09:00"), Desk);
        d.Resubmit(Vn("2025-03-07 09:00"), Desk, null, Clock);
        d.Resolve(Vn("2025-03-12 09:00"), Desk, null, false, false);
        var s = DossierRollupStamp.Of(d, Clock);
        Assert.True(s.Has(DossierCounter.Early));
        Assert.Equal(new DateOnly(2025, 3, 12), s.FinishedOn);
    }

    [Fact]
    public void More_than_one_supplement_request_counts_late()
    {
        // domain-rules A5 (766): "more than one supplement request ⇒ counted late", however fast the result.
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.RequestSupplement("Bổ sung bản sao CCCD", Vn("2025-03-03 14:00"), Desk);
        d.Resubmit(Vn("2025-03-04 09:00"), Desk, null, Clock);
        d.RequestSupplement("Bổ sung giấy khai sinh", Vn("2025-03-04 10:00"), Desk);
        d.Resubmit(Vn("2025-03-04 15:00"), Desk, null, Clock);
        d.Resolve(Vn("2025-03-05 09:00"), Desk, null, false, false);
        Assert.True(DossierRollupStamp.Of(d, Clock).Has(DossierCounter.Late));
    }

    [Fact]
    public void A_stopped_dossier_ends_processing_without_a_result()
    {
        // domain-rules A7: the end is status 9, else 10, else 8/3; a stop issues no result.
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.Stop("Không đủ điều kiện", Vn("2025-03-05 09:00"), Desk);
        var s = DossierRollupStamp.Of(d, Clock);
        Assert.True(s.Has(DossierCounter.Finished) && s.Has(DossierCounter.Early));
        Assert.False(s.Has(DossierCounter.ResultIssued));
    }

    [Fact]
    public void A_late_dossier_counts_its_apology_and_a_postal_return_counts_once_the_result_is_issued()
    {
        // NĐ 61 art. 19.9: every late dossier owes an apology letter (seed 004: 100%).
        var d = Received(fee: 50_000);
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.DraftApology("Cần xác minh với trường cấp bằng", new DateOnly(2025, 3, 14), Vn("2025-03-06 09:00"), Desk, Clock);
        d.MarkApologySent(Vn("2025-03-06 10:00"), Desk);
        d.Resolve(Vn("2025-03-13 09:00"), Desk, null, false, false);
        var resolved = DossierRollupStamp.Of(d, Clock);
        Assert.True(resolved.Has(DossierCounter.Late) && resolved.Has(DossierCounter.LateWithApology) && resolved.Has(DossierCounter.FeeBearing));
        Assert.False(resolved.Has(DossierCounter.ReturnedByPost) || resolved.Has(DossierCounter.PaidOnline));
        d.Deliver(ReturnMethod.Post, Vn("2025-03-14 09:00"), Desk, null);
        var delivered = DossierRollupStamp.Of(d, Clock);
        Assert.True(delivered.Has(DossierCounter.ReturnedByPost));
        Assert.Equal(resolved.FinishedOn, delivered.FinishedOn);
    }

    // ── the counters' ratios against the formulas over outcomes ─────────────────────────────────────────

    private static readonly Gen<DossierOutcome> Outcomes =
        from id in Gen.Choose(1, 1000)
        from channel in Gen.Elements(DossierChannel.Desk, DossierChannel.Online, DossierChannel.Postal)
        from t in Gen.Elements<Timeliness?>(null, Timeliness.Early, Timeliness.OnTime, Timeliness.Late)
        from flags in Gen.Choose(0, (1 << 9) - 1)
        select new DossierOutcome(id, (flags & 1) == 0 ? "Văn bằng, chứng chỉ" : "Thi, tuyển sinh", channel, t,
            ProcedureOnline: (flags & 2) != 0, ReturnedByPost: (flags & 4) != 0, ResultIssued: (flags & 8) != 0 && t is not null,
            ResultDigitised: (flags & 16) != 0, FeeBearing: (flags & 32) != 0, PaidOnline: (flags & 64) != 0,
            InterAgency: (flags & 128) != 0, TransferredElectronically: (flags & 256) != 0,
            ResuppliedHeldData: (flags & 3) == 3, ApologySent: (flags & 5) == 5);

    private static IndicatorValue Formula(string code, IReadOnlyList<DossierOutcome> d) => code switch
    {
        IndicatorCodes.DossierOnTimeRate => DossierIndicators.OnTimeRate(d),
        IndicatorCodes.DossierEarlyRate => DossierIndicators.EarlyRate(d),
        IndicatorCodes.DossierOnlineRate => DossierIndicators.OnlineRate(d),
        IndicatorCodes.DossierPostalReceiptRate => DossierIndicators.PostalReceiptRate(d),
        IndicatorCodes.DossierPostalReturnRate => DossierIndicators.PostalReturnRate(d),
        IndicatorCodes.DossierDigitisedResultRate => DossierIndicators.DigitisedResultRate(d),
        IndicatorCodes.OnlinePaymentRate => DossierIndicators.OnlinePaymentRate(d),
        IndicatorCodes.InternalElectronicTransferRate => DossierIndicators.InternalElectronicTransferRate(d),
        IndicatorCodes.DataReuseRate => DossierIndicators.DataReuseRate(d),
        IndicatorCodes.LateDossierApologyRate => DossierIndicators.LateApologyRate(d),
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    [Fact]
    public void Every_dossier_code_has_a_ratio_of_counters()
    {
        var dossierCodes = IndicatorCatalogue.All.Where(d => d.Source == IndicatorSource.Dossiers).Select(d => d.Code).Order().ToList();
        Assert.Equal(dossierCodes, DossierRatios.Codes.Order().ToList());
    }

    [Fact]
    public void The_ratios_of_counters_equal_the_formulas_over_the_same_dossiers()
    {
        Prop.ForAll(Outcomes.ListOf().ToArbitrary(), list =>
        {
            var dossiers = list.ToList();
            var counts = DossierCounts.Of(dossiers);
            return DossierRatios.Codes.All(code => Formula(code, dossiers) == DossierRatios.Value(code, counts));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Counts_of_two_sets_add_up_to_the_counts_of_their_union()
    {
        // The roll-up's premise: rows of units, days and months add up to any coarser row.
        Prop.ForAll(Outcomes.ListOf().ToArbitrary(), Outcomes.ListOf().ToArbitrary(), (a, b) =>
        {
            var sum = DossierCounts.Of(a);
            sum.Add(DossierCounts.Of(b));
            return sum.Equals(DossierCounts.Of(a.Concat(b)));
        }).QuickCheckThrowOnFailure();
    }

    private static readonly Gen<DossierRollupStamp> Stamps =
        from unit in Gen.Choose(1, 3)
        from procedure in Gen.Choose(1, 3)
        from received in Gen.Choose(0, 40)
        from finishedAfter in Gen.Choose(-1, 20)
        from flags in Gen.Choose(0, (1 << DossierCounts.Length) - 1)
        let receivedOn = new DateOnly(2025, 6, 10).AddDays(received)
        let finishedOn = finishedAfter < 0 ? (DateOnly?)null : receivedOn.AddDays(finishedAfter)
        select new DossierRollupStamp(unit, procedure, receivedOn, finishedOn,
            (flags | 1) & (finishedOn is null ? DossierRollupStamp.ReceiptMask : -1));

    [Fact]
    public void Adding_each_change_as_new_minus_old_leaves_exactly_the_last_stamps()
    {
        // The invariant the incremental roll-up rests on: whatever a dossier went through, the deltas
        // (new stamp − old stamp at every save) sum to its last stamp alone.
        Prop.ForAll(Stamps.NonEmptyListOf().NonEmptyListOf().ToArbitrary(), histories =>
        {
            var incremental = new Dictionary<(int, int, DateOnly), DossierCounts>();
            var final = new Dictionary<(int, int, DateOnly), DossierCounts>();
            void Add(Dictionary<(int, int, DateOnly), DossierCounts> into, DossierRollupStamp s, long sign)
            {
                void At(DateOnly? day, bool finish)
                {
                    if (day is not { } d) return;
                    if (!into.TryGetValue((s.UnitId, s.ProcedureId, d), out var c)) into[(s.UnitId, s.ProcedureId, d)] = c = new DossierCounts();
                    c.Add(s.Counts(finish), sign);
                }
                At(s.ReceivedOn, false);
                At(s.FinishedOn, true);
            }
            foreach (var history in histories)
            {
                var before = DossierRollupStamp.None;
                foreach (var now in history)
                {
                    Add(incremental, before, -1);
                    Add(incremental, now, +1);
                    before = now;
                }
                Add(final, history[^1], +1);
            }
            var nonZero = incremental.Where(r => !r.Value.IsZero).ToDictionary(r => r.Key, r => r.Value);
            return nonZero.Count == final.Count(r => !r.Value.IsZero)
                && nonZero.All(r => final.TryGetValue(r.Key, out var f) && f.Equals(r.Value));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_stamp_splits_into_receipt_day_and_finish_day_counts_that_cover_all_its_flags()
    {
        Prop.ForAll(Stamps.ToArbitrary(), s =>
        {
            var receipt = s.Counts(finish: false);
            var finish = s.Counts(finish: true);
            return DossierCounts.All.All(c => receipt[c] + finish[c] == (s.Has(c) ? 1 : 0))
                && DossierCounts.All.Where(c => c < DossierCounter.Finished).All(c => finish[c] == 0)
                && DossierCounts.All.Where(c => c >= DossierCounter.Finished).All(c => receipt[c] == 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_stamps_bits_read_back_as_its_counters()
    {
        var d = Dossier.SubmitOnline("H12", 1, FiveDays(20_000), Unit, new Applicant("Lê Văn Cường", "0988000111", null, null),
            Vn("2025-03-03 20:00"), null, Desk with { Source = DossierEventSource.Online }, Clock);
        d.ReceiveSubmitted(Vn("2025-03-04 08:00"), Desk, null, Clock);
        d.SetServiceFacts(paidOnline: true, resuppliedHeldData: true, transferredElectronically: false);
        var bits = Bits(DossierRollupStamp.Of(d, Clock));
        var expected = DossierCounts.All.Select(c => c is DossierCounter.Received or DossierCounter.ReceivedOnline or DossierCounter.OfOnlineProcedure
            or DossierCounter.OnlineOfOnlineProcedure or DossierCounter.FeeBearing or DossierCounter.PaidOnline).ToArray();
        Assert.Equal(expected, bits);
    }
}

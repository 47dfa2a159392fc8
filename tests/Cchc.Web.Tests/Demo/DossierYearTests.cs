using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Core.Procedures;
using Cchc.Web.Features.Demo;
using static Cchc.Web.Tests.Demo.GeneratedDossierChecks;

namespace Cchc.Web.Tests.Demo;

/// <summary>One generated year, shared by the distribution tests (generation without a database).</summary>
public sealed class GeneratedYear
{
    public static readonly DateTime AsOf = Vn(2026, 1, 5, 9);

    public GeneratedYear()
    {
        var year = new DossierYear(Source(), new DossierYearSettings(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 30_000, 7, AsOf));
        Dossiers = [.. year.Generate()];
        Procedures = Source().Procedures.ToDictionary(p => p.Id);
    }

    public List<Dossier> Dossiers { get; }

    public Dictionary<int, Procedure> Procedures { get; }
}

/// <summary>The demo-year generator alone: determinism, the rules, and the intended distribution (docs/dossiers.md).</summary>
public sealed class DossierYearTests(GeneratedYear year) : IClassFixture<GeneratedYear>
{
    private static readonly Dictionary<int, DemoDesk> DesksById = Desks.ToDictionary(d => d.Id);
    private List<Dossier> All => year.Dossiers;

    private static string CodeOf(int unitId) => DesksById[unitId].Code;

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [Fact]
    public void The_same_seed_gives_the_same_dossiers_and_another_seed_others()
    {
        DossierYearSettings Settings(int seed) => new(new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 31), 2_000, seed, Vn(2025, 8, 4, 10));
        var first = new DossierYear(Source(), Settings(42)).Generate().Select(Describe).ToList();
        var second = new DossierYear(Source(), Settings(42)).Generate().Select(Describe).ToList();
        var other = new DossierYear(Source(), Settings(43)).Generate().Select(Describe).ToList();
        Assert.Equal(2_000, first.Count);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_count_asked_for_is_the_count_generated()
    {
        Assert.Equal(30_000, All.Count);
        Assert.All(All, d => Assert.True(d.IsDemo));
    }

    [Fact]
    public void Every_generated_dossier_satisfies_the_rules_when_re_evaluated_with_the_clock()
    {
        var problems = All.SelectMany(d => Problems(d, Clock, WorkCalendar, DesksById, GeneratedYear.AsOf)).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problems, e.g.:\n" + string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void Codes_are_unique_and_each_units_day_is_numbered_from_one_without_gaps()
    {
        Assert.Equal(All.Count, All.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
        foreach (var day in All.GroupBy(d => (d.ReceivingUnitId, d.CodeDate)))
            Assert.Equal(Enumerable.Range(1, day.Count()), day.Select(d => d.Sequence).Order());
        // Before 01/07/2025 NĐ 61's four digits; numbered by submission time within the day.
        Assert.All(All.Where(d => d.CodeDate < Reform), d => Assert.Matches(@"-\d{6}-\d{4}$", d.Code));
        foreach (var day in All.GroupBy(d => (d.ReceivingUnitId, d.CodeDate)))
            Assert.Equal(day.OrderBy(d => d.SubmittedAtUtc).Select(d => d.Sequence), day.OrderBy(d => d.Sequence).Select(d => d.Sequence));
    }

    [Fact]
    public void Sequences_continue_after_the_dossiers_already_numbered()
    {
        var settings = new DossierYearSettings(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 3), 300, 1, Vn(2025, 3, 4, 8));
        var plain = new DossierYear(Source(), settings).Generate().ToList();
        var busiest = plain.GroupBy(d => d.ReceivingUnitId).OrderByDescending(g => g.Count()).First();
        var existing = new Dictionary<(int, DateOnly), int> { [(busiest.Key, new DateOnly(2025, 3, 3))] = 36 };
        var after = new DossierYear(Source(existing), settings).Generate().Where(d => d.ReceivingUnitId == busiest.Key).ToList();
        Assert.Equal(Enumerable.Range(37, busiest.Count()), after.Select(d => d.Sequence).Order());
    }

    [Fact]
    public void District_offices_receive_only_before_1_July_2025_and_communes_only_from_then()
    {
        DateOnly DeskDay(Dossier d) => VietnamTime.LocalDate(d.ReceivedAtUtc ?? d.SubmittedAtUtc);
        var district = All.Where(d => CodeOf(d.ReceivingUnitId).StartsWith("DEMO-PGD-", StringComparison.Ordinal)).ToList();
        var commune = All.Where(d => CodeOf(d.ReceivingUnitId).StartsWith("DEMO-VHXH-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(district);
        Assert.NotEmpty(commune);
        Assert.All(district, d => Assert.True(DeskDay(d) < Reform));
        Assert.All(commune, d => Assert.True(DeskDay(d) >= Reform));
        // Commune procedures (DEMO.2.*) go to those desks; the department's to the owning office.
        Assert.All(district.Concat(commune), d => Assert.StartsWith("DEMO.2.", year.Procedures[d.ProcedureId].Code, StringComparison.Ordinal));
        Assert.All(All.Where(d => year.Procedures[d.ProcedureId].Level != CompetentLevel.Commune),
            d => Assert.Equal(year.Procedures[d.ProcedureId].OwningUnitId, d.ReceivingUnitId));
        // A district dossier still in processing on 01/07/2025 was handed to the commune.
        var crossing = district.Where(d => d.ResolvedAtUtc is { } f && VietnamTime.LocalDate(f) >= Reform).ToList();
        Assert.NotEmpty(crossing);
        Assert.All(crossing, d => Assert.StartsWith("DEMO-VHXH-", CodeOf(d.Steps[^1].UnitId), StringComparison.Ordinal));
    }

    [Fact]
    public void Receipts_are_in_office_hours_on_working_days_some_after_15h_and_a_few_online_at_weekends()
    {
        var desk = All.Where(d => d.Channel != SubmissionChannel.Online).ToList();
        double after15 = desk.Count(d => VietnamTime.ToLocal(d.SubmittedAtUtc).Hour >= 15) / (double)desk.Count;
        var dayOff = All.Where(d => !WorkCalendar.IsWorkingDay(VietnamTime.LocalDate(d.SubmittedAtUtc))).ToList();
        Log($"desk/post after 15:00 {after15:P1}; submitted on a day off {dayOff.Count} ({dayOff.Count / (double)All.Count:P1})");
        Assert.InRange(after15, 0.10, 0.30);
        Assert.NotEmpty(dayOff);
        Assert.All(dayOff, d => Assert.Equal(SubmissionChannel.Online, d.Channel));
        Assert.InRange(dayOff.Count / (double)All.Count, 0.005, 0.05);
    }

    [Fact]
    public void The_online_share_lies_in_40_to_70_percent_for_every_unit_and_rises_through_the_year()
    {
        var offered = All.Where(d => d.ProcedureOnline).ToList();
        foreach (var unit in offered.GroupBy(d => d.ReceivingUnitId).Where(g => g.Count() >= 300))
        {
            double share = unit.Count(d => d.Channel == SubmissionChannel.Online) / (double)unit.Count();
            Log($"{CodeOf(unit.Key)}: {unit.Count()} dossiers of online procedures, online {share:P1}");
            Assert.InRange(share, 0.40, 0.70);
        }
        double Share(int fromMonth, int toMonth)
        {
            var part = offered.Where(d => d.CodeDate.Month >= fromMonth && d.CodeDate.Month <= toMonth).ToList();
            return part.Count(d => d.Channel == SubmissionChannel.Online) / (double)part.Count;
        }
        Log($"online share Q1 {Share(1, 3):P1}, Q4 {Share(10, 12):P1}");
        Assert.True(Share(10, 12) > Share(1, 3) + 0.05);
    }

    [Fact]
    public void Post_supplements_refusals_and_stops_have_their_shares()
    {
        double Share(Func<Dossier, bool> f) => All.Count(f) / (double)All.Count;
        double post = Share(d => d.Channel == SubmissionChannel.Post);
        double supplement = Share(d => d.SupplementCount > 0);
        double refused = Share(d => d.Status == DossierStatus.Refused);
        double stopped = Share(d => d.Events.Any(e => e.Action == (int)DossierAction.Stop));
        double withdrawn = Share(d => d.Events.Any(e => e.Action == (int)DossierAction.ConfirmWithdrawal));
        Log($"post {post:P1}, supplement {supplement:P1} (two: {All.Count(d => d.SupplementCount == 2)}), refused {refused:P2}, stopped {stopped:P2}, withdrawn {withdrawn:P2}");
        Assert.InRange(post, 0.05, 0.12);
        Assert.InRange(supplement, 0.06, 0.10);
        Assert.InRange(All.Count(d => d.SupplementCount == 2) / (double)All.Count(d => d.SupplementCount > 0), 0.05, 0.20);
        Assert.InRange(refused, 0.01, 0.02);
        Assert.InRange(stopped, 0.005, 0.015);
        Assert.True(withdrawn > 0);
    }

    [Fact]
    public void Late_resolutions_are_2_to_6_percent_per_unit_and_most_but_not_all_have_an_apology()
    {
        var finished = All.Where(d => d.ResolvedAtUtc is not null)
            .Select(d => (Dossier: d, Timeline: d.Evaluate(Clock, GeneratedYear.AsOf)!)).ToList();
        foreach (var unit in finished.GroupBy(f => f.Dossier.ReceivingUnitId).Where(g => g.Count() >= 500))
        {
            double late = unit.Count(f => f.Timeline.Legal == Timeliness.Late) / (double)unit.Count();
            Log($"{CodeOf(unit.Key)}: {unit.Count()} resolved, late {late:P1}");
            Assert.InRange(late, 0.02, 0.06);
        }
        var lateOnes = finished.Where(f => f.Timeline.Legal == Timeliness.Late).Select(f => f.Dossier).ToList();
        double apologised = lateOnes.Count(d => d.ApologySentAtUtc is not null) / (double)lateOnes.Count;
        Log($"late {lateOnes.Count}: apology sent {apologised:P1}, drafted late {lateOnes.Count(d => d.ApologyInTime == false)}, none {lateOnes.Count(d => d.ApologyCreatedAtUtc is null)}");
        Assert.InRange(apologised, 0.70, 0.95);
        Assert.Contains(lateOnes, d => d.ApologyCreatedAtUtc is null);
        Assert.Contains(lateOnes, d => d.ApologyInTime == false);
        Assert.Contains(lateOnes, d => d.ApologyInTime == true);
        Assert.Contains(finished, f => f.Timeline.Legal == Timeliness.Early);
        Assert.Contains(finished, f => f.Timeline.Legal == Timeliness.OnTime);
    }

    [Fact]
    public void Results_returns_payments_and_hand_offs_are_as_intended()
    {
        var resolved = All.Where(d => d.ResolvedAtUtc is not null).ToList();
        double Digitised(int from, int to) => resolved.Where(d => d.CodeDate.Month >= from && d.CodeDate.Month <= to).Average(d => d.ResultDigitised ? 1.0 : 0);
        var delivered = All.Where(d => d.ReturnMethod is not null).ToList();
        double postal = delivered.Count(d => d.ReturnMethod == ReturnMethod.Post) / (double)delivered.Count;
        var fee = All.Where(d => d.FeeAmount > 0 && d.Events.Any(e => e.Action == (int)DossierAction.CompletePayment)).ToList();
        var interAgency = All.Where(d => d.InterAgency).ToList();
        double electronic = interAgency.Average(d => d.TransferredElectronically ? 1.0 : 0);
        Log($"digitised Q1 {Digitised(1, 3):P1} → Q4 {Digitised(10, 12):P1}; postal return {postal:P1}; paid online {fee.Average(d => d.PaidOnline ? 1.0 : 0):P1} of {fee.Count}; "
            + $"liên thông {interAgency.Count}, electronic {electronic:P1}");
        Assert.True(Digitised(10, 12) > Digitised(1, 3) + 0.2);
        Assert.InRange(postal, 0.10, 0.15);
        Assert.Contains(fee, d => d.PaidOnline);
        Assert.Contains(fee, d => !d.PaidOnline);
        Assert.InRange(electronic, 0.65, 0.95);
        Assert.Contains(All, d => d.ReturnMethod == ReturnMethod.Online);
    }

    [Fact]
    public void Volumes_follow_the_seasons_and_fall_around_Tet()
    {
        int In(string field, params int[] months) => All.Count(d => year.Procedures[d.ProcedureId].Field == field && months.Contains(d.CodeDate.Month));
        int exams = In("Thi, tuyển sinh", [.. Enumerable.Range(1, 12)]);
        double examPeak = In("Thi, tuyển sinh", 5, 6, 7, 8) / (double)exams;
        var transfers = All.Where(d => year.Procedures[d.ProcedureId].Name.StartsWith("Chuyển trường", StringComparison.Ordinal)).ToList();
        double transferPeak = transfers.Count(d => d.CodeDate.Month is 8 or 9) / (double)transfers.Count;
        double PerWorkingDay(DateOnly from, DateOnly to) =>
            All.Count(d => d.CodeDate >= from && d.CodeDate <= to) / (double)WorkCalendar.CountWorkingDays(from.AddDays(-1), to);
        double tet = PerWorkingDay(new DateOnly(2025, 1, 20), new DateOnly(2025, 2, 7)); // Tết Ất Tỵ 29/01/2025
        double march = PerWorkingDay(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 28));
        Log($"exams May–Aug {examPeak:P1}; transfers Aug–Sep {transferPeak:P1}; per working day around Tết {tet:F0}, March {march:F0}");
        Assert.True(examPeak > 0.6);
        Assert.True(transferPeak > 0.4);
        Assert.True(tet < 0.7 * march);
    }

    [Fact]
    public void The_last_weeks_are_still_open_in_time_due_soon_or_overdue_and_nothing_is_in_the_future()
    {
        var open = All.Where(d => !DossierWorkflow.EndsProcessing(d.Status) && d.ReceivedAtUtc is not null)
            .Select(d => d.Evaluate(Clock, GeneratedYear.AsOf)!.Live!.State).ToList();
        Log($"open: {string.Join(", ", open.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}"))}; submitted only: {All.Count(d => d.Status == DossierStatus.Submitted)}");
        Assert.Contains(LiveState.InTime, open);
        Assert.Contains(LiveState.DueSoon, open);
        Assert.Contains(LiveState.Overdue, open);
        Assert.Contains(LiveState.AwaitingApplicant, open);
        Assert.All(All, d => Assert.True(d.SubmittedAtUtc <= GeneratedYear.AsOf && d.Events.All(e => e.AtUtc <= GeneratedYear.AsOf)));
        // Old dossiers are finished: what is open was received in the last weeks (or waits for the applicant).
        Assert.All(All.Where(d => d.Status is DossierStatus.Received or DossierStatus.InProgress && d.SupplementCount == 0 && d.CodeDate < new DateOnly(2025, 11, 1)),
            d => Assert.True(d.ProcessingAmount >= 20, d.Code));
    }

    [Fact]
    public void A_unit_numbers_at_most_9999_dossiers_a_day_under_Decree_61_and_the_rest_is_counted_as_left_out()
    {
        var year = new DossierYear(Source(), new DossierYearSettings(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 2), 30_000, 3, Vn(2025, 6, 3, 8)));
        var dossiers = year.Generate().ToList();
        Assert.True(year.Unnumbered > 0);
        Assert.Equal(30_000, dossiers.Count + year.Unnumbered);
        Assert.All(dossiers.GroupBy(d => d.ReceivingUnitId), g => Assert.True(g.Max(d => d.Sequence) <= 9999));
    }
}

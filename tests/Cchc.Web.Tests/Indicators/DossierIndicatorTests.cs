using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Core.Indicators;
using Cchc.Core.Organisation;
using Cchc.Core.Procedures;
using Cchc.Core.Queue;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Dossiers;
using Cchc.Web.Features.Indicators;
using Cchc.Web.Features.Indicators.Rollups;
using Cchc.Web.Features.Queue;
using Cchc.Web.Features.Units;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Indicators;

/// <summary>
/// The dossier indicators through the roll-ups (docs/indicators.md "Dossier roll-ups"): exact values on
/// hand-built dossiers, the same before and after the deltas are folded, the history of the tree, filters,
/// drill-down, the desk's waiting time, and the reconciliation of the roll-ups with a full recomputation
/// after many kinds of change.
/// </summary>
public abstract class DossierIndicatorTests(TestApp app) : DataTest(app)
{
    private static DateTimeOffset Vn(int y, int m, int d, int h, int min = 0) =>
        new(VietnamTime.ToUtc(new DateTime(y, m, d, h, min, 0)), TimeSpan.Zero);

    private static CurrentUser As(AppUser user, Unit unit, params string[] roles) =>
        new(user.Id, user.FullName, unit.Id, unit.Path, roles.ToHashSet());

    private async Task<Procedure> ProcedureAsync(Unit owner, string field = "Văn bằng, chứng chỉ", int days = 5, long? fee = null,
        Cchc.Core.Procedures.OnlineLevel online = Cchc.Core.Procedures.OnlineLevel.Full) =>
        await App.InsertAsync(new Procedure(Make.UniqueCode("P"), new ProcedureDetails(
            "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", field, CompetentLevel.Department, owner.Id,
            ProcessingTime.WorkingDays(days), fee is null ? null : $"{fee} đồng", fee, online, true, true, fee is not null,
            IsoProcess.None, true, false, new DateOnly(2020, 1, 1), null)));

    private sealed record Desk(CurrentUser Officer, CurrentUser Specialist, AppUser Leader);

    private async Task<Desk> DeskAsync(Unit unit)
    {
        var officer = await App.UserAsync(unit, Roles.OneStopOfficer);
        var specialist = await App.UserAsync(unit, Roles.Specialist);
        return new Desk(As(officer, unit, Roles.OneStopOfficer), As(specialist, unit, Roles.Specialist), await App.UserAsync(unit, Roles.Leader));
    }

    private Task<T> Service<T>(Func<DossierService, Task<T>> work) => App.WithServicesAsync(sp => work(sp.GetRequiredService<DossierService>()));

    private Task<Dossier> ReceiveAsync(CurrentUser officer, Procedure procedure, int channel = 1, bool resupplied = false) =>
        Service(s => s.ReceiveAsync(officer, new IntakeInput
        {
            ProcedureCode = procedure.Code, ApplicantName = "Nguyễn Văn An", ApplicantPhone = "0912345678", Channel = channel, ResuppliedHeldData = resupplied,
        }, CancellationToken.None));

    private async Task<Dossier> ActAsync(CurrentUser user, Dossier d, DossierAction action, string? note = null, bool digitised = false, ReturnMethod? returned = null) =>
        (await Service(s => s.ActAsync(user, d.Code, new ActInput(action, d.Version, note, ResultDigitised: digitised, ReturnMethod: returned), CancellationToken.None)))!;

    private async Task<JsonElement> IndicatorsAsync(AppUser user, string query)
    {
        var response = await App.ClientFor(user).GetAsync("/api/v1/indicators?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static (double? Value, double? Numerator, double? Denominator) Figure(JsonElement root, string code)
    {
        var i = root.GetProperty("indicators").EnumerateArray().Single(x => x.GetProperty("code").GetString() == code);
        Assert.True(i.GetProperty("available").GetBoolean(), code);
        double? Get(string name) => i.GetProperty(name).ValueKind == JsonValueKind.Null ? null : i.GetProperty(name).GetDouble();
        return (Get("value") is { } v ? Math.Round(v, 2) : null, Get("numerator"), Get("denominator"));
    }

    private Task<int> FoldAsync() => App.WithServicesAsync(sp => sp.GetRequiredService<DossierRollupStore>().FoldAsync(CancellationToken.None));

    private Task<RollupReconciliation> ReconcileAsync() =>
        App.WithServicesAsync(sp => sp.GetRequiredService<DossierRollupStore>().ReconcileAsync(CancellationToken.None));

    /// <summary>
    /// Five dossiers at District A's desk in March 2025 (5 working days; received Mon 03/03 → due Mon 10/03,
    /// domain-rules A4): d1 early and returned by post; d2 by post, handed on electronically, on time, digitised;
    /// d3 handed on on paper, late; d4 open; d5 submitted online for a fee-bearing procedure, paid online, open.
    /// </summary>
    private async Task<(TestTree Tree, Desk Desk, Dossier[] Dossiers)> MarchAsync()
    {
        var tree = await App.TreeAsync();
        var desk = await DeskAsync(tree.DistrictA);
        var procedure = await ProcedureAsync(tree.DistrictA);
        var paid = await ProcedureAsync(tree.DistrictA, fee: 50_000);
        App.Clock.SetUtcNow(Vn(2025, 3, 3, 9));
        var d1 = await ReceiveAsync(desk.Officer, procedure);
        var d2 = await ReceiveAsync(desk.Officer, procedure, channel: 3);
        var d3 = await ReceiveAsync(desk.Officer, procedure, resupplied: true);
        App.Clock.SetUtcNow(Vn(2025, 3, 3, 20));
        var d5 = await Service(s => s.SubmitOnlineAsync(new IntakeInput { ProcedureCode = paid.Code, ApplicantName = "Lê Thị Hoa", ApplicantPhone = "0977123456" },
            [("don.pdf", [.. "%PDF-1.7 đơn"u8])], CancellationToken.None));
        App.Clock.SetUtcNow(Vn(2025, 3, 4, 9));
        var d4 = await ReceiveAsync(desk.Officer, procedure);
        d5 = await ActAsync(desk.Officer, d5, DossierAction.Receive);
        d5 = await ActAsync(desk.Officer, d5, DossierAction.StartProcessing);
        d5 = await ActAsync(desk.Specialist, d5, DossierAction.RequestPayment, "Nộp lệ phí 50.000 đồng");
        d5 = (await Service(s => s.ActAsync(desk.Officer, d5.Code, new ActInput(DossierAction.CompletePayment, d5.Version, PaidOnline: true), CancellationToken.None)))!;
        foreach (var d in new[] { d1, d2, d3 }) await ActAsync(desk.Officer, d, DossierAction.StartProcessing);
        foreach (var (d, electronically) in new[] { (d2, true), (d3, false) })
        {
            var current = (await Service(s => s.GetAsync(desk.Officer, d.Code, CancellationToken.None)))!.Dossier;
            await Service(s => s.HandOffAsync(As(desk.Leader, tree.DistrictA, Roles.Leader), d.Code, tree.SchoolA1.Code, 1, electronically, null, current.Version, CancellationToken.None));
        }
        d1 = await Service(async s => (await s.GetAsync(desk.Officer, d1.Code, CancellationToken.None))!.Dossier);
        App.Clock.SetUtcNow(Vn(2025, 3, 7, 10));
        d1 = await ActAsync(desk.Specialist, d1, DossierAction.Resolve);
        d1 = await ActAsync(desk.Officer, d1, DossierAction.Deliver, returned: ReturnMethod.Post);
        App.Clock.SetUtcNow(Vn(2025, 3, 10, 15));
        d2 = await ActAsync(desk.Specialist, (await Service(s => s.GetAsync(desk.Officer, d2.Code, CancellationToken.None)))!.Dossier, DossierAction.Resolve, digitised: true);
        App.Clock.SetUtcNow(Vn(2025, 3, 12, 9));
        d3 = await ActAsync(desk.Specialist, (await Service(s => s.GetAsync(desk.Officer, d3.Code, CancellationToken.None)))!.Dossier, DossierAction.Resolve);
        return (tree, desk, [d1, d2, d3, d4, d5]);
    }

    [Fact]
    public async Task Each_dossier_indicator_is_exact_on_four_hand_built_dossiers_before_and_after_folding()
    {
        var (tree, desk, _) = await MarchAsync();
        const string query = "from=2025-03-01&to=2025-03-31";

        async Task CheckAsync()
        {
            var root = await IndicatorsAsync(desk.Leader, $"unit={tree.DistrictA.Code}&{query}");
            Assert.Equal((66.67, 2.0, 3.0), Figure(root, IndicatorCodes.DossierOnTimeRate));        // d1 early, d2 on time of d1–d3
            Assert.Equal((33.33, 1.0, 3.0), Figure(root, IndicatorCodes.DossierEarlyRate));         // d1
            Assert.Equal((20.0, 1.0, 5.0), Figure(root, IndicatorCodes.DossierPostalReceiptRate));  // d2 of five received
            Assert.Equal((33.33, 1.0, 3.0), Figure(root, IndicatorCodes.DossierPostalReturnRate));  // d1 of three results
            Assert.Equal((33.33, 1.0, 3.0), Figure(root, IndicatorCodes.DossierDigitisedResultRate)); // d2
            Assert.Equal((80.0, 4.0, 5.0), Figure(root, IndicatorCodes.DataReuseRate));             // all but d3
            Assert.Equal((0.0, 0.0, 1.0), Figure(root, IndicatorCodes.LateDossierApologyRate));     // d3 late, no letter
            Assert.Equal((20.0, 1.0, 5.0), Figure(root, IndicatorCodes.DossierOnlineRate));         // d5 of five, all of online procedures
            Assert.Equal((100.0, 1.0, 1.0), Figure(root, IndicatorCodes.OnlinePaymentRate));        // d5, the one fee-bearing dossier
            Assert.Equal((50.0, 1.0, 2.0), Figure(root, IndicatorCodes.InternalElectronicTransferRate)); // d2 of the hand-offs d2, d3
            Assert.Equal((50.0, 1.0, 2.0), Figure(root, IndicatorCodes.ProcedureOnlineWithDossiers)); // the paid procedure of two online ones
            // The same dossiers, seen from the department (subtree) and not from District B.
            var dept = await IndicatorsAsync(await App.UserAsync(tree.Department, Roles.Leader), $"unit={tree.Department.Code}&{query}");
            Assert.Equal((66.67, 2.0, 3.0), Figure(dept, IndicatorCodes.DossierOnTimeRate));
            var b = await IndicatorsAsync(await App.UserAsync(tree.DistrictB, Roles.Leader), query);
            Assert.Equal(((double?)null, 0.0, 0.0), Figure(b, IndicatorCodes.DossierOnTimeRate));
        }

        await CheckAsync();      // from the pending deltas
        await FoldAsync();
        await FoldAsync();       // a second fold finds nothing and changes nothing
        await CheckAsync();      // from the folded rows
        Assert.True((await ReconcileAsync()).Matches);
    }

    [Fact]
    public async Task The_drill_down_lists_the_late_dossier_and_the_apology_it_still_owes()
    {
        var (tree, desk, dossiers) = await MarchAsync();
        var client = App.ClientFor(desk.Leader);
        var page = await client.GetStringAsync($"/Indicators/Records?code={IndicatorCodes.DossierOnTimeRate}&unit={tree.DistrictA.Code}&kind=month&year=2025&number=3");
        Assert.Contains(dossiers[2].Code, page, StringComparison.Ordinal);
        Assert.DoesNotContain(dossiers[0].Code, page, StringComparison.Ordinal);
        Assert.DoesNotContain(dossiers[1].Code, page, StringComparison.Ordinal);
        Assert.Contains("Giải quyết quá hạn", page, StringComparison.Ordinal);

        var records = await App.WithServicesAsync(async sp =>
        {
            var engine = sp.GetRequiredService<IndicatorEngine>();
            var scope = await engine.ScopeAsync(As(desk.Leader, tree.DistrictA, Roles.Leader),
                new IndicatorQuery(tree.DistrictA.Code, true, ReportingPeriod.Month(2025, 3)), CancellationToken.None);
            return await engine.RecordsAsync(scope!, IndicatorCodes.LateDossierApologyRate, CancellationToken.None);
        });
        var r = Assert.Single(records);
        Assert.StartsWith(dossiers[2].Code, r.Label, StringComparison.Ordinal);
        Assert.Equal("Quá hạn nhưng chưa gửi văn bản xin lỗi", r.Reason);
        Assert.Equal($"/Dossiers/Details/{dossiers[2].Code}", r.Link);
    }

    [Fact]
    public async Task A_school_moved_mid_month_counts_its_dossiers_where_it_belonged_on_each_day()
    {
        // The 2025 reorganisation moved schools from a district Phòng GDĐT to a commune (docs/organisation.md);
        // here on 15/07/2025, inside a month, so July is read by days, not from the month row.
        var tree = await App.TreeAsync();
        var commune = await App.UnitAsync(tree.Department, UnitType.Commune, "UBND xã Đông Sơn");
        var admin = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        App.Clock.SetUtcNow(Vn(2025, 12, 1, 9));
        await App.WithServicesAsync(sp => sp.GetRequiredService<OrganiseUnits>().MoveAsync(
            As(admin, tree.Department, Roles.SystemAdmin), tree.SchoolA1.Code, null, commune.Code, new DateOnly(2025, 7, 15), CancellationToken.None));
        var desk = await DeskAsync(tree.SchoolA1);
        var procedure = await ProcedureAsync(tree.SchoolA1);
        foreach (var (m, d) in new[] { (3, 3), (7, 1), (7, 14), (7, 15), (7, 31), (9, 1) })
        {
            App.Clock.SetUtcNow(Vn(2025, m, d, 9));
            await ReceiveAsync(desk.Officer, procedure);
        }
        await FoldAsync();
        var leader = await App.UserAsync(tree.Department, Roles.SystemAdmin);

        async Task<double?> ReceivedAsync(Unit unit, string period) =>
            Figure(await IndicatorsAsync(leader, $"unit={unit.Code}&{period}"), IndicatorCodes.DataReuseRate).Denominator;

        Assert.Equal(3, await ReceivedAsync(tree.DistrictA, "from=2025-01-01&to=2025-12-31"));  // 03/03, 01/07, 14/07
        Assert.Equal(3, await ReceivedAsync(commune, "from=2025-01-01&to=2025-12-31"));         // 15/07, 31/07, 01/09
        Assert.Equal(2, await ReceivedAsync(tree.DistrictA, "from=2025-07-01&to=2025-07-31"));
        Assert.Equal(2, await ReceivedAsync(commune, "from=2025-07-01&to=2025-07-31"));
        Assert.Equal(1, await ReceivedAsync(commune, "from=2025-07-10&to=2025-07-20"));
        Assert.Equal(6, await ReceivedAsync(tree.Department, "from=2025-01-01&to=2025-12-31"));
        Assert.Equal(0, await ReceivedAsync(tree.DistrictB, "from=2025-01-01&to=2025-12-31"));
    }

    [Fact]
    public async Task The_field_and_procedure_filter_keeps_only_their_dossiers_and_the_fields_minimum_is_checked()
    {
        var tree = await App.TreeAsync();
        var desk = await DeskAsync(tree.DistrictA);
        var diplomas = await ProcedureAsync(tree.DistrictA, "Văn bằng, chứng chỉ");
        var exams = await ProcedureAsync(tree.DistrictA, "Thi, tuyển sinh", fee: 30_000);
        App.Clock.SetUtcNow(Vn(2025, 3, 3, 9));
        var late = await ReceiveAsync(desk.Officer, exams);
        var onTime = await ReceiveAsync(desk.Officer, diplomas);
        foreach (var d in new[] { late, onTime }) await ActAsync(desk.Officer, d, DossierAction.StartProcessing);
        App.Clock.SetUtcNow(Vn(2025, 3, 5, 9));
        await ActAsync(desk.Specialist, (await Service(s => s.GetAsync(desk.Officer, onTime.Code, CancellationToken.None)))!.Dossier, DossierAction.Resolve);
        App.Clock.SetUtcNow(Vn(2025, 3, 14, 9));
        await ActAsync(desk.Specialist, (await Service(s => s.GetAsync(desk.Officer, late.Code, CancellationToken.None)))!.Dossier, DossierAction.Resolve);

        async Task<IndicatorFigure> OnTimeAsync(string? field, string? procedure) => await App.WithServicesAsync(async sp =>
        {
            var engine = sp.GetRequiredService<IndicatorEngine>();
            var scope = await engine.ScopeAsync(As(desk.Leader, tree.DistrictA, Roles.Leader),
                new IndicatorQuery(null, true, ReportingPeriod.Month(2025, 3), field, procedure), CancellationToken.None);
            return (await engine.ComputeOneAsync(scope!, IndicatorCodes.DossierOnTimeRate, CancellationToken.None))!;
        });

        var all = await OnTimeAsync(null, null);
        Assert.Equal(50, all.Value.Value);
        Assert.Equal(100, all.Groups!["Văn bằng, chứng chỉ"]);
        Assert.Equal(0, all.Groups!["Thi, tuyển sinh"]);
        Assert.Equal(100, (await OnTimeAsync("Văn bằng, chứng chỉ", null)).Value.Value);
        Assert.Equal(0, (await OnTimeAsync(null, exams.Code)).Value.Value);
        Assert.Null((await OnTimeAsync("Giáo dục mầm non", null)).Value.Value);
    }

    [Fact]
    public async Task The_desks_waiting_time_is_the_average_minutes_to_the_call()
    {
        // Seed 003: "thời gian chờ … tối đa 30 phút". Tickets at 08:00 called 08:10, 08:05 → 08:45, one waiting.
        var tree = await App.TreeAsync();
        var leader = await App.UserAsync(tree.DistrictA, Roles.Leader);
        await App.WithDbAsync(async db =>
        {
            var day = new DateOnly(2025, 3, 3);
            var a = new QueueTicket(tree.DistrictA.Id, 1, null, VietnamTime.ToUtc(day, new TimeOnly(8, 0)));
            a.Call(1, 1, VietnamTime.ToUtc(day, new TimeOnly(8, 10)));
            var b = new QueueTicket(tree.DistrictA.Id, 2, null, VietnamTime.ToUtc(day, new TimeOnly(8, 5)));
            b.Call(1, 1, VietnamTime.ToUtc(day, new TimeOnly(8, 45)));
            var c = new QueueTicket(tree.DistrictA.Id, 3, null, VietnamTime.ToUtc(day, new TimeOnly(8, 6)));
            db.QueueTickets().AddRange(a, b, c);
            await db.SaveChangesAsync();
        });
        var root = await IndicatorsAsync(leader, "from=2025-03-01&to=2025-03-31");
        Assert.Equal((25.0, 50.0, 2.0), Figure(root, IndicatorCodes.DeskWaitMinutesAvg));
        var records = await App.WithServicesAsync(async sp =>
        {
            var engine = sp.GetRequiredService<IndicatorEngine>();
            var scope = await engine.ScopeAsync(As(leader, tree.DistrictA, Roles.Leader), new IndicatorQuery(null, true, ReportingPeriod.Month(2025, 3)), CancellationToken.None);
            return await engine.RecordsAsync(scope!, IndicatorCodes.DeskWaitMinutesAvg, CancellationToken.None);
        });
        Assert.Equal("Chờ 40 phút (quá 30 phút)", Assert.Single(records).Reason);
    }

    [Fact]
    public async Task The_rollups_match_a_full_recomputation_after_many_kinds_of_change()
    {
        // Issue 6 point 6: the incremental roll-ups equal a recomputation from scratch, whatever happened:
        // intakes, online submissions, every workflow action, supplements, hand-offs, apologies, pushes with
        // out-of-order and repeated events, stale edits refused, folds at any moment.
        var tree = await App.TreeAsync();
        var desk = await DeskAsync(tree.DistrictA);
        var admin = As(await App.UserAsync(tree.DistrictA, Roles.UnitAdmin), tree.DistrictA, Roles.UnitAdmin);
        var procedures = new[]
        {
            await ProcedureAsync(tree.DistrictA, "Văn bằng, chứng chỉ", days: 3),
            await ProcedureAsync(tree.DistrictA, "Thi, tuyển sinh", days: 1, fee: 50_000),
            await ProcedureAsync(tree.DistrictA, "Giáo dục trung học", days: 10, online: Cchc.Core.Procedures.OnlineLevel.None),
        };
        var random = new Random(20250701);
        var codes = new List<string>();
        var at = Vn(2025, 6, 2, 8);
        for (int step = 0; step < 160; step++)
        {
            at = at.AddMinutes(random.Next(20, 600));
            App.Clock.SetUtcNow(at);
            try
            {
                if (codes.Count < 5 || random.Next(4) == 0)
                {
                    var d = await ReceiveAsync(desk.Officer, procedures[random.Next(3)], channel: random.Next(2) == 0 ? 1 : 3, resupplied: random.Next(5) == 0);
                    codes.Add(d.Code);
                    continue;
                }
                var code = codes[random.Next(codes.Count)];
                var current = (await Service(s => s.GetAsync(admin, code, CancellationToken.None)))!.Dossier;
                var allowed = current.AllowedActions().Where(a => a != DossierAction.ConfirmWithdrawal || random.Next(3) == 0).ToList();
                switch (random.Next(10))
                {
                    case 0 when current.Status == DossierStatus.InProgress:
                        await Service(s => s.HandOffAsync(admin, code, tree.SchoolA1.Code, 1, random.Next(2) == 0, null, current.Version, CancellationToken.None));
                        break;
                    case 1 when current.Status == DossierStatus.InProgress && current.DueDate is { } due && current.ApologyCreatedAtUtc is null:
                        await Service(s => s.DraftApologyAsync(admin, code, "Cần xác minh thêm", due.AddDays(7), current.Version, CancellationToken.None));
                        break;
                    case 2 when current.ApologyCreatedAtUtc is not null && current.ApologySentAtUtc is null:
                        await Service(s => s.MarkApologySentAsync(admin, code, current.Version, CancellationToken.None));
                        break;
                    case 3 when allowed.FirstOrDefault(a => a is DossierAction.StartProcessing or DossierAction.RequestWithdrawal or DossierAction.Stop) is var plain && plain != default:
                        // A stale version: refused, and the roll-ups must not move.
                        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
                            Service(s => s.ActAsync(admin, code, new ActInput(plain, current.Version - 1, "Ghi chú"), CancellationToken.None)));
                        break;
                    default:
                        if (allowed.Count == 0) break;
                        var action = allowed[random.Next(allowed.Count)];
                        await Service(s => s.ActAsync(admin, code, new ActInput(action, current.Version, "Ghi chú", ResultDigitised: random.Next(2) == 0,
                            ReturnMethod: random.Next(3) == 0 ? ReturnMethod.Post : ReturnMethod.Desk, PaidOnline: random.Next(2) == 0), CancellationToken.None));
                        break;
                }
            }
            catch (Cchc.Core.Common.RuleViolation)
            {
                // A rule refused the action (a resolution before the working day, …): nothing changed, as with a person.
            }
            if (random.Next(15) == 0) await FoldAsync();
        }

        // A province system pushes dossiers too, with events out of order and repeated (docs/dossiers.md "Push semantics").
        var key = await App.WithServicesAsync(sp => sp.GetRequiredService<IssueApiKey>().HandleAsync(tree.DistrictA.Code, Roles.OneStopOfficer, "Tỉnh", null, CancellationToken.None));
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);
        for (int i = 0; i < 6; i++)
        {
            var pushCode = $"{DossierService.AgencyCode(tree.DistrictA)}-2506{10 + i:00}-{9000 + i:0000}";
            object Event(string id, int day, int hour, int status) => new { id, at = new DateTime(2025, 6, 10 + i + day, hour, 0, 0), status };
            var body = new
            {
                procedureCode = procedures[i % 3].Code, channel = 2, submittedAt = new DateTime(2025, 6, 10 + i, 8, 0, 0),
                applicant = new { name = "Trần Thị Bình", phone = "0987654321" }, paidOnline = i % 2 == 0,
                events = new[] { Event("e1", 0, 9, 2), Event("e2", 0, 10, 4) },
            };
            Assert.True((await client.PutAsJsonAsync($"/api/v1/dossiers/{pushCode}", body)).IsSuccessStatusCode);
            var later = body with { events = new[] { Event("e3", i % 3, 15, 9), Event("e2", 0, 10, 4) } };
            Assert.True((await client.PutAsJsonAsync($"/api/v1/dossiers/{pushCode}", later)).IsSuccessStatusCode);
            Assert.True((await client.PutAsJsonAsync($"/api/v1/dossiers/{pushCode}", later)).IsSuccessStatusCode);
        }

        var result = await ReconcileAsync();
        Assert.True(result.Matches, string.Join("\n", result.Mismatches.Take(5).Select(m => $"{m.Table} {m.UnitId}/{m.ProcedureId} {m.Bucket}: {m.Expected} ≠ {m.Actual}")));
        Assert.True(result.Dossiers >= 40, $"{result.Dossiers} dossiers");
        await FoldAsync();
        Assert.True((await ReconcileAsync()).Matches);

        // A damaged roll-up row is found, and --fix repairs it.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"UPDATE {DossierRollupData.MonthsTable} SET \"Received\" = \"Received\" + 7"));
        var damaged = await ReconcileAsync();
        Assert.False(damaged.Matches);
        Assert.All(damaged.Mismatches, m => Assert.Equal(DossierRollupData.MonthsTable, m.Table));
        var output = new StringWriter();
        Assert.Equal(0, await Cchc.Web.Cli.ReconcileRollupsAsync(App.Services, fix: true, output, CancellationToken.None));
        Assert.Contains("Khớp hoàn toàn", output.ToString(), StringComparison.Ordinal);
    }
}

public sealed class DossierIndicatorTestsOnSqlite(SqliteApp app) : DossierIndicatorTests(app), IClassFixture<SqliteApp>;

public sealed class DossierIndicatorTestsOnPostgres(PostgresApp app) : DossierIndicatorTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Core.Organisation;
using Cchc.Core.Procedures;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Dossiers;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnitForms = Cchc.Web.Tests.Units.Forms;

namespace Cchc.Web.Tests.Dossiers;

public abstract class DossierTests(TestApp app) : DataTest(app)
{
    private static DateTimeOffset Vn(int y, int m, int d, int h, int min = 0) =>
        new(VietnamTime.ToUtc(new DateTime(y, m, d, h, min, 0)), TimeSpan.Zero);

    private async Task<Procedure> ProcedureAsync(Unit owner, int days = 5) =>
        await App.InsertAsync(new Procedure(Make.UniqueCode("P"), new ProcedureDetails(
            "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ", CompetentLevel.Department, owner.Id,
            ProcessingTime.WorkingDays(days), "Không thu phí", null, Cchc.Core.Procedures.OnlineLevel.Full, true, true, false,
            IsoProcess.None, true, false, new DateOnly(2020, 1, 1), null)));

    private static CurrentUser As(AppUser user, Unit unit, params string[] roles) =>
        new(user.Id, user.FullName, unit.Id, unit.Path, roles.ToHashSet());

    private Task<T> WithServiceAsync<T>(Func<DossierService, Task<T>> work) =>
        App.WithServicesAsync(sp => work(sp.GetRequiredService<DossierService>()));

    private async Task<(TestTree Tree, Procedure Procedure, AppUser Officer, CurrentUser Caller)> DeskAsync(int days = 5)
    {
        var tree = await App.TreeAsync();
        var procedure = await ProcedureAsync(tree.DistrictA, days);
        var officer = await App.UserAsync(tree.DistrictA, Roles.OneStopOfficer);
        return (tree, procedure, officer, As(officer, tree.DistrictA, Roles.OneStopOfficer));
    }

    private Task<Dossier> ReceiveAsync(CurrentUser caller, Procedure procedure, string phone = "0912345678") =>
        WithServiceAsync(s => s.ReceiveAsync(caller, new IntakeInput
        {
            ProcedureCode = procedure.Code, ApplicantName = "Nguyễn Văn An", ApplicantPhone = phone, Channel = 1, Papers = "Đơn đề nghị\nBản sao CCCD",
        }, CancellationToken.None));

    [Fact]
    public async Task The_intake_page_computes_the_due_date_across_Tet_2025_and_shows_the_code()
    {
        // Received Fri 24/01/2025 10:00, 5 working days. The calendar: Mon 27/01 off (civil-service swap, seeded
        // adjustment), Tết 28/01–01/02 (last day of Giáp Thìn + mùng 1–4 Ất Tỵ), weekend 01–02/02. Counting from
        // the day after receipt (Civil Code art. 147.2): Mon 03/02 (1), 04 (2), 05 (3), 06 (4), Fri 07/02 (5).
        App.Clock.SetUtcNow(Vn(2025, 1, 24, 10));
        var (_, procedure, officer, _) = await DeskAsync();
        var client = App.ClientFor(officer);
        var response = await UnitForms.PostAsync(client, "/Dossiers/Receive",
            ("Input.ProcedureCode", procedure.Code), ("Input.ApplicantName", "Trần Thị Bình"), ("Input.ApplicantPhone", "0987 654 321"),
            ("Input.Channel", "1"), ("Input.Papers", "Đơn đề nghị cấp bản sao"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        var stored = await App.WithDbAsync(db => db.Dossiers().Where(d => d.ProcedureId == procedure.Id).SingleAsync());
        Assert.Equal(new DateOnly(2025, 2, 7), stored.DueDate);
        Assert.Contains("07/02/2025", page, StringComparison.Ordinal);
        Assert.Contains(stored.Code, page, StringComparison.Ordinal);
        Assert.EndsWith("-250124-0001", stored.Code, StringComparison.Ordinal);
        Assert.Equal("Nghị định 61/2018/NĐ-CP", stored.RuleSet);

        var slip = await client.GetStringAsync($"/Dossiers/Receipt/{Uri.EscapeDataString(stored.Code)}");
        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", slip, StringComparison.Ordinal);
        Assert.Contains("ngày 07/02/2025", slip, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intake_with_an_unknown_procedure_stores_nothing_and_says_why()
    {
        var (tree, _, officer, _) = await DeskAsync();
        var client = App.ClientFor(officer);
        var response = await UnitForms.PostAsync(client, "/Dossiers/Receive",
            ("Input.ProcedureCode", "KHONG-CO"), ("Input.ApplicantName", "Trần Thị Bình"), ("Input.Channel", "1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("không có trong danh mục", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Dossiers().CountAsync(d => d.ReceivingUnitId == tree.DistrictA.Id)));
    }

    [Fact]
    public async Task Resubmission_restarts_the_legal_due_date_while_the_766_reading_subtracts_the_wait()
    {
        // NĐ 61 art. 19.4 (restart) vs the 766 statistic (original due date, waiting time subtracted) — domain-rules A5.
        App.Clock.SetUtcNow(Vn(2025, 3, 3, 10)); // Mon; due Mon 10/03
        var (tree, procedure, officer, caller) = await DeskAsync();
        var specialist = As(await App.UserAsync(tree.DistrictA, Roles.Specialist), tree.DistrictA, Roles.Specialist);
        var d = await ReceiveAsync(caller, procedure);
        Assert.Equal(new DateOnly(2025, 3, 10), d.DueDate);
        d = (await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.StartProcessing, d.Version), CancellationToken.None)))!;
        App.Clock.SetUtcNow(Vn(2025, 3, 4, 9));
        d = (await WithServiceAsync(s => s.ActAsync(specialist, d.Code, new ActInput(DossierAction.RequestSupplement, d.Version, "Bổ sung bản sao CCCD"), CancellationToken.None)))!;
        App.Clock.SetUtcNow(Vn(2025, 3, 7, 9)); // Fri: resubmitted, legal due Fri 14/03
        d = (await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.CompleteSupplement, d.Version), CancellationToken.None)))!;
        App.Clock.SetUtcNow(Vn(2025, 3, 12, 9)); // Wed 12/03: finished
        await WithServiceAsync(s => s.ActAsync(specialist, d.Code, new ActInput(DossierAction.Resolve, d.Version, ResultDigitised: true), CancellationToken.None));

        var json = await App.ClientFor(officer).GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{d.Code}");
        Assert.Equal("2025-03-14", json.GetProperty("dueDate").GetString());
        Assert.Equal("2025-03-10", json.GetProperty("originalDueDate").GetString());
        var state = json.GetProperty("state");
        Assert.Equal("Early", state.GetProperty("legal").GetString());
        // 766: 12/03 minus 3 days of waiting = 09/03 ≤ 10/03 → early.
        Assert.Equal("Early", state.GetProperty("portal766").GetString());
        Assert.Equal(1, state.GetProperty("supplementRequests").GetInt32());
        Assert.Equal(5, json.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task The_receipt_slip_and_the_apology_letter_download_as_PDF_and_Word_with_the_dossiers_words()
    {
        var (tree, procedure, officer, _) = await DeskAsync();
        var caller = As(officer, tree.DistrictA, Roles.OneStopOfficer, Roles.UnitAdmin);
        var d = await ReceiveAsync(caller, procedure);
        var client = App.ClientFor(officer);
        var code = Uri.EscapeDataString(d.Code);

        var pdf = await client.GetAsync($"/Dossiers/Receipt/{code}?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await Poppler.TextAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(d.Code, text);
        Assert.Contains("Nguyễn Văn An", text);
        var docx = await client.GetAsync($"/Dossiers/Receipt/{code}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.StartsWith("PK", System.Text.Encoding.ASCII.GetString(await docx.Content.ReadAsByteArrayAsync(), 0, 2));

        // No letter before it is drafted; a sibling district never gets the files.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Dossiers/Details/{code}?handler=ApologyPdf")).StatusCode);
        var sibling = App.ClientFor(await App.UserAsync(tree.DistrictB, Roles.OneStopOfficer));
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync($"/Dossiers/Receipt/{code}?handler=Pdf")).StatusCode);

        var started = await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.StartProcessing, d.Version), CancellationToken.None));
        var newDate = started!.DueDate!.Value.AddDays(7);
        await WithServiceAsync(s => s.DraftApologyAsync(caller, d.Code, "Cần xác minh thêm với trường cấp bằng", newDate, started.Version, CancellationToken.None));
        var letter = await client.GetAsync($"/Dossiers/Details/{code}?handler=ApologyPdf");
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        var letterText = await Poppler.TextAsync(await letter.Content.ReadAsByteArrayAsync());
        Assert.Contains("Cần xác minh thêm với trường cấp bằng", letterText);
        Assert.Contains(newDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), letterText);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Dossiers/Details/{code}?handler=ApologyDocx")).StatusCode);
        Assert.Contains("handler=ApologyPdf", await (await client.GetAsync($"/Dossiers/Details/{code}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stale_action_is_a_conflict_and_changes_nothing()
    {
        var (_, procedure, _, caller) = await DeskAsync();
        var d = await ReceiveAsync(caller, procedure);
        await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.StartProcessing, d.Version), CancellationToken.None));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.RequestWithdrawal, d.Version), CancellationToken.None)));
        var stored = await App.WithDbAsync(db => db.Dossiers().Include(x => x.Events).SingleAsync(x => x.Code == d.Code));
        Assert.Equal(DossierStatus.InProgress, stored.Status);
        Assert.Equal(2, stored.Events.Count);
    }

    [Fact]
    public async Task The_dossier_list_is_the_current_section_of_the_navigation()
    {
        var (_, _, officer, _) = await DeskAsync();
        var html = await App.ClientFor(officer).GetStringAsync("/Dossiers");
        Assert.Contains("<a href=\"/Dossiers\" aria-current=\"page\">", html, StringComparison.Ordinal);
        Assert.Contains("Tiếp nhận hồ sơ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa có trong phiên bản hiện tại", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hand_offs_from_the_same_read_version_do_not_both_succeed()
    {
        // Only child rows change on a second hand-off; the dossier row still carries the version check.
        var (tree, procedure, _, caller) = await DeskAsync();
        var leader = As(await App.UserAsync(tree.DistrictA, Roles.Leader), tree.DistrictA, Roles.Leader);
        var d = await ReceiveAsync(caller, procedure);
        d = (await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.StartProcessing, d.Version), CancellationToken.None)))!;
        d = (await WithServiceAsync(s => s.HandOffAsync(leader, d.Code, tree.DistrictB.Code, 1, true, null, d.Version, CancellationToken.None)))!;
        var read = d.Version;
        await WithServiceAsync(s => s.HandOffAsync(leader, d.Code, tree.SchoolA1.Code, 1, true, null, read, CancellationToken.None));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            WithServiceAsync(s => s.HandOffAsync(leader, d.Code, tree.SchoolB1.Code, 1, true, null, read, CancellationToken.None)));
        var steps = await App.WithDbAsync(db => db.DossierSteps().CountAsync(x => x.DossierId == d.Id));
        Assert.Equal(2, steps);
    }

    [Fact]
    public async Task A_forbidden_jump_on_the_details_page_is_refused_and_stores_nothing()
    {
        var (_, procedure, officer, caller) = await DeskAsync();
        var d = await ReceiveAsync(caller, procedure);
        var client = App.ClientFor(officer);
        var url = $"/Dossiers/Details/{Uri.EscapeDataString(d.Code)}";
        var page = await client.GetStringAsync(url);
        Assert.Contains("Chuyển xử lý", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Trả kết quả<", page, StringComparison.Ordinal);
        var fields = await UnitForms.HiddenFieldsAsync(client, url);
        fields["action"] = nameof(DossierAction.Deliver);
        fields["version"] = d.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsync(url + "?handler=Act", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không thể trả kết quả khi hồ sơ đang ở trạng thái «Được tiếp nhận»", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.Dossiers().Include(x => x.Events).SingleAsync(x => x.Code == d.Code));
        Assert.Equal(DossierStatus.Received, stored.Status);
        Assert.Single(stored.Events);
    }

    [Fact]
    public async Task A_sibling_unit_does_not_see_the_dossier_until_it_holds_a_step()
    {
        var (tree, procedure, _, caller) = await DeskAsync();
        var d = await ReceiveAsync(caller, procedure);
        var sibling = App.ClientFor(await App.UserAsync(tree.DistrictB, Roles.Specialist));
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync($"/api/v1/dossiers/{d.Code}")).StatusCode);
        var leader = As(await App.UserAsync(tree.DistrictA, Roles.Leader), tree.DistrictA, Roles.Leader);
        d = (await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.StartProcessing, d.Version), CancellationToken.None)))!;
        await WithServiceAsync(s => s.HandOffAsync(leader, d.Code, tree.DistrictB.Code, 2, true, "Xác minh văn bằng", d.Version, CancellationToken.None));
        var json = await sibling.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{d.Code}");
        Assert.Equal(1, json.GetProperty("steps").GetArrayLength());
    }

    // ── integration API ──────────────────────────────────────────────────────────────────────────

    private static object Push(string procedureCode, params object[] events) => new
    {
        procedureCode, channel = 2, submittedAt = "2025-03-03T08:00:00+07:00",
        applicant = new { name = "Phạm Thị Dung", phone = "0901112233" }, events,
    };

    private static object Event(string id, string at, int status, string? note = null) => new { id, at, status, note };

    private async Task<(HttpClient Client, Procedure Procedure, string Code)> PusherAsync()
    {
        var tree = await App.TreeAsync();
        var procedure = await ProcedureAsync(tree.DistrictA);
        var client = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.OneStopOfficer));
        return (client, procedure, $"H12.{Random.Shared.Next(10, 99)}-250303-{Random.Shared.Next(1000, 9999)}");
    }

    private Task<Dossier> StoredAsync(string code) =>
        App.WithDbAsync(db => db.Dossiers().AsNoTracking().Include(x => x.Events).SingleAsync(x => x.Code == code));

    [Fact]
    public async Task The_same_push_twice_stores_each_event_once()
    {
        var (client, procedure, code) = await PusherAsync();
        var body = Push(procedure.Code, Event("e1", "2025-03-03T09:00:00+07:00", 2), Event("e2", "2025-03-03T10:00:00+07:00", 4));
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync($"/api/v1/dossiers/{code}", body)).StatusCode);
        var again = await client.PutAsJsonAsync($"/api/v1/dossiers/{code}", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await StoredAsync(code);
        Assert.Equal(2, stored.Events.Count);
        Assert.Equal(DossierStatus.InProgress, stored.Status);
        Assert.Equal(new DateOnly(2025, 3, 10), stored.DueDate);
        var json = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Out_of_order_events_are_placed_by_their_time()
    {
        var (client, procedure, code) = await PusherAsync();
        await client.PutAsJsonAsync($"/api/v1/dossiers/{code}", Push(procedure.Code, Event("e1", "2025-03-03T09:00:00+07:00", 2)));
        // e3 (resolved) is sent before e2 (in progress) but happened after it.
        var response = await client.PutAsJsonAsync($"/api/v1/dossiers/{code}", Push(procedure.Code,
            Event("e3", "2025-03-05T09:00:00+07:00", 9), Event("e2", "2025-03-03T10:00:00+07:00", 4)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await StoredAsync(code);
        Assert.Equal(DossierStatus.Resolved, stored.Status);
        Assert.Equal(["e1", "e2", "e3"], stored.Events.OrderBy(e => e.AtUtc).Select(e => e.ExternalId));
        Assert.Equal(DossierStatus.InProgress, stored.Events.Single(e => e.ExternalId == "e3").FromStatus);

        // A late event that breaks the merged timeline (resubmission before any request) is refused whole.
        var bad = await client.PutAsJsonAsync($"/api/v1/dossiers/{code}", Push(procedure.Code,
            Event("e4", "2025-03-06T09:00:00+07:00", 10), Event("e5", "2025-03-04T09:00:00+07:00", 2)));
        Assert.Equal(HttpStatusCode.Conflict, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("e5", problem.GetProperty("eventId").GetString());
        var after = await StoredAsync(code);
        Assert.Equal(3, after.Events.Count);
        Assert.Equal(DossierStatus.Resolved, after.Status);
    }

    [Fact]
    public async Task A_forbidden_jump_in_a_push_is_409_and_nothing_is_stored()
    {
        var (client, procedure, code) = await PusherAsync();
        var response = await client.PutAsJsonAsync($"/api/v1/dossiers/{code}", Push(procedure.Code,
            Event("e1", "2025-03-03T09:00:00+07:00", 2), Event("e2", "2025-03-03T10:00:00+07:00", 10)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("e2", problem.GetProperty("eventId").GetString());
        Assert.Contains("Được tiếp nhận", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Dossiers().AnyAsync(d => d.Code == code)));
    }

    [Fact]
    public async Task A_push_with_an_unknown_procedure_or_a_missing_field_is_refused_in_Vietnamese()
    {
        var (client, _, code) = await PusherAsync();
        var unknown = await client.PutAsJsonAsync($"/api/v1/dossiers/{code}", Push("KHONG-CO", Event("e1", "2025-03-03T09:00:00+07:00", 2)));
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Contains("không có trong danh mục", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var missing = await client.PutAsJsonAsync($"/api/v1/dossiers/{code}", new { channel = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("procedureCode", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_only_visible_dossiers_with_their_live_state()
    {
        App.Clock.SetUtcNow(Vn(2025, 3, 3, 10));
        var (tree, procedure, officer, caller) = await DeskAsync();
        var d = await ReceiveAsync(caller, procedure);
        await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.StartProcessing, d.Version), CancellationToken.None));
        App.Clock.SetUtcNow(Vn(2025, 3, 12, 9)); // two working days after Mon 10/03
        var json = await App.ClientFor(officer).GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?live=overdue&unit={tree.DistrictA.Code}");
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(d.Code, item.GetProperty("code").GetString());
        Assert.Equal(2, item.GetProperty("state").GetProperty("daysOverdue").GetInt32());
        Assert.True(item.GetProperty("state").GetProperty("needsApology").GetBoolean());
        var other = await App.ClientFor(await App.UserAsync(tree.DistrictB, Roles.Inspector)).GetFromJsonAsync<JsonElement>("/api/v1/dossiers");
        Assert.DoesNotContain(other.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == d.Code);
        var page = await App.ClientFor(officer).GetStringAsync("/Dossiers?Live=overdue");
        Assert.Contains(d.Code, page, StringComparison.Ordinal);
        Assert.Contains("Quá hạn 2 ngày làm việc", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_dossier_push_with_an_example()
    {
        var doc = await App.AnonymousClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/dossiers/{code}", doc, StringComparison.Ordinal);
        Assert.Contains("Đồng bộ hồ sơ và sự kiện trạng thái", doc, StringComparison.Ordinal);
        Assert.Contains("evt-1", doc, StringComparison.Ordinal);
    }

    // ── citizen lookup ───────────────────────────────────────────────────────────────────────────

    [Fact]
    public async Task The_citizen_lookup_needs_the_phone_and_does_not_tell_a_wrong_phone_from_an_unknown_code()
    {
        var (_, procedure, _, caller) = await DeskAsync();
        var d = await ReceiveAsync(caller, procedure, phone: "0912 345 678");
        var anonymous = App.AnonymousClient();
        anonymous.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113." + Random.Shared.Next(1, 250));

        var found = await UnitForms.PostAsync(anonymous, "/Public/Dossiers", ("Code", d.Code), ("Phone", "5678"));
        var html = await found.Content.ReadAsStringAsync();
        Assert.Contains("Được tiếp nhận", html, StringComparison.Ordinal);
        Assert.Contains(d.DueDate!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", html, StringComparison.Ordinal);

        var wrongPhone = await (await UnitForms.PostAsync(anonymous, "/Public/Dossiers", ("Code", d.Code), ("Phone", "0000"))).Content.ReadAsStringAsync();
        var unknownCode = await (await UnitForms.PostAsync(anonymous, "/Public/Dossiers", ("Code", d.Code + "9"), ("Phone", "5678"))).Content.ReadAsStringAsync();
        Assert.Contains(Cchc.Web.Features.Public.Dossiers.IndexModel.NotFoundMessage, wrongPhone, StringComparison.Ordinal);
        Assert.Equal(Strip(wrongPhone), Strip(unknownCode));
    }

    [Fact]
    public async Task Repeated_failed_lookups_from_one_client_are_refused_for_a_while()
    {
        var (_, procedure, _, caller) = await DeskAsync();
        var d = await ReceiveAsync(caller, procedure);
        var throttle = App.Services.GetRequiredService<LookupThrottle>();
        var lookup = (string client, string phone) => App.WithServicesAsync(sp => sp.GetRequiredService<DossierLookup>().FindAsync(client, d.Code, phone, CancellationToken.None));
        var client = "guesser-" + Guid.NewGuid();
        for (int i = 0; i < LookupThrottle.FailuresAllowed; i++)
            Assert.Equal(LookupResult.NotFound, (await lookup(client, $"{i:D4}")).Result);
        Assert.Equal(LookupResult.TooManyAttempts, (await lookup(client, "5678")).Result);
        Assert.Equal(LookupResult.Found, (await lookup("someone-else-" + Guid.NewGuid(), "5678")).Result);
        Assert.True(throttle.MayTry("someone-else"));
    }

    private static async Task<HttpResponseMessage> SubmitOnlineAsync(HttpClient client, string procedureCode, string fileName, byte[] bytes)
    {
        var token = await UnitForms.TokenAsync(client, "/Public/Dossiers/Submit");
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(procedureCode), "Input.ProcedureCode" },
            { new StringContent("Lê Thị Hoa"), "Input.ApplicantName" },
            { new StringContent("0977 123 456"), "Input.ApplicantPhone" },
            { new ByteArrayContent(bytes), "files", fileName },
        };
        return await client.PostAsync("/Public/Dossiers/Submit", content);
    }

    [Fact]
    public async Task An_online_submission_gets_a_code_and_waits_for_the_desk_and_a_forbidden_file_stores_nothing()
    {
        App.Clock.SetUtcNow(Vn(2025, 3, 3, 20)); // Mon evening, outside office hours
        var (_, procedure, _, caller) = await DeskAsync();
        var anonymous = App.AnonymousClient();

        var refused = await SubmitOnlineAsync(anonymous, procedure.Code, "don.exe", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Loại tệp không được phép", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Dossiers().AnyAsync(d => d.ProcedureId == procedure.Id)));

        var response = await SubmitOnlineAsync(anonymous, procedure.Code, "don-de-nghi.pdf", [.. "%PDF-1.7 đơn"u8]);
        Assert.Contains("Mã hồ sơ của bạn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.Dossiers().SingleAsync(d => d.ProcedureId == procedure.Id));
        Assert.Equal(DossierStatus.Submitted, stored.Status);
        Assert.Equal(SubmissionChannel.Online, stored.Channel);
        Assert.Null(stored.DueDate);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Cchc.Web.Features.Files.FileAttachment>()
            .CountAsync(a => a.OwnerKind == Cchc.Web.Features.Files.FileOwners.Dossier && a.OwnerId == stored.Id)));

        // QĐ 3142 art. 11: received the next working morning; the clock starts then (Tue 04/03 + 5 → Tue 11/03).
        App.Clock.SetUtcNow(Vn(2025, 3, 4, 8));
        var received = await WithServiceAsync(s => s.ActAsync(caller, stored.Code, new ActInput(DossierAction.Receive, stored.Version), CancellationToken.None));
        Assert.Equal(new DateOnly(2025, 3, 11), received!.DueDate);
    }

    private async Task<HttpResponseMessage> ResolveWithFileAsync(HttpClient client, Dossier d, string fileName, byte[] bytes)
    {
        var url = $"/Dossiers/Details/{Uri.EscapeDataString(d.Code)}";
        var token = await UnitForms.TokenAsync(client, url);
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Resolve"), "action" },
            { new StringContent(d.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" },
            { new StringContent("true"), "digitised" },
            { new ByteArrayContent(bytes), "resultFile", fileName },
        };
        return await client.PostAsync(url + "?handler=Act", content);
    }

    [Fact]
    public async Task A_result_file_is_stored_with_the_resolution_listed_on_the_dossier_and_handed_to_the_citizen_online()
    {
        // Issue 5 point 3: result issued, digitised, returned online (NĐ 61 art. 20: where the applicant chose).
        App.Clock.SetUtcNow(Vn(2025, 3, 3, 10));
        var (tree, procedure, officer, caller) = await DeskAsync();
        var specialist = await App.UserAsync(tree.DistrictA, Roles.Specialist);
        var d = await ReceiveAsync(caller, procedure, phone: "0912 345 678");
        d = (await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.StartProcessing, d.Version), CancellationToken.None)))!;
        App.Clock.SetUtcNow(Vn(2025, 3, 5, 10));
        byte[] pdf = [.. "%PDF-1.7 bản sao văn bằng"u8];
        var client = App.ClientFor(specialist);
        var resolved = await ResolveWithFileAsync(client, d, "ket-qua.pdf", pdf);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var stored = await App.WithDbAsync(db => db.Dossiers().SingleAsync(x => x.Id == d.Id));
        Assert.Equal(DossierStatus.Resolved, stored.Status);
        Assert.True(stored.ResultElectronic && stored.ResultDigitised);
        var attachment = await App.WithDbAsync(db => db.Set<Cchc.Web.Features.Files.FileAttachment>().SingleAsync(a => a.Id == stored.ResultFileId));
        Assert.Equal(("ket-qua.pdf", "result"), (attachment.OriginalName, attachment.Purpose));

        var page = await client.GetStringAsync($"/Dossiers/Details/{Uri.EscapeDataString(d.Code)}");
        Assert.Contains("Kết quả giải quyết", page, StringComparison.Ordinal);
        Assert.Contains($"/files/{attachment.Id}", page, StringComparison.Ordinal);
        Assert.Equal(pdf, await client.GetByteArrayAsync($"/files/{attachment.Id}"));
        var sibling = App.ClientFor(await App.UserAsync(tree.DistrictB, Roles.Leader));
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync($"/files/{attachment.Id}")).StatusCode);

        // Not returned yet: the citizen sees the status, no download.
        var anonymous = App.AnonymousClient();
        async Task<HttpResponseMessage> LookupAsync(string phone, string? handler = null) =>
            await UnitForms.PostAsync(anonymous, "/Public/Dossiers" + (handler is null ? "" : $"?handler={handler}"), ("Code", d.Code), ("Phone", phone));
        Assert.DoesNotContain("Tải kết quả giải quyết", await (await LookupAsync("5678")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/html", (await LookupAsync("5678", "Result")).Content.Headers.ContentType?.MediaType);

        App.Clock.SetUtcNow(Vn(2025, 3, 5, 14));
        await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.Deliver, stored.Version, ReturnMethod: ReturnMethod.Online), CancellationToken.None));
        Assert.Contains("Tải kết quả giải quyết (ket-qua.pdf)", await (await LookupAsync("5678")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var download = await LookupAsync("5678", "Result");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var wrongPhone = await LookupAsync("0000", "Result");
        Assert.Contains(Cchc.Web.Features.Public.Dossiers.IndexModel.NotFoundMessage, System.Net.WebUtility.HtmlDecode(await wrongPhone.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_file_of_a_forbidden_type_is_refused_and_the_dossier_stays_in_progress()
    {
        App.Clock.SetUtcNow(Vn(2025, 3, 3, 10));
        var (tree, procedure, _, caller) = await DeskAsync();
        var d = await ReceiveAsync(caller, procedure);
        d = (await WithServiceAsync(s => s.ActAsync(caller, d.Code, new ActInput(DossierAction.StartProcessing, d.Version), CancellationToken.None)))!;
        var client = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Specialist));
        var response = await ResolveWithFileAsync(client, d, "ket-qua.exe", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Loại tệp không được phép", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.Dossiers().SingleAsync(x => x.Id == d.Id));
        Assert.Equal(DossierStatus.InProgress, stored.Status);
        Assert.Null(stored.ResultFileId);
        Assert.False(await App.WithDbAsync(db => db.Set<Cchc.Web.Features.Files.FileAttachment>()
            .AnyAsync(a => a.OwnerKind == Cchc.Web.Features.Files.FileOwners.Dossier && a.OwnerId == d.Id)));
    }

    /// <summary>The page without its antiforgery token and echoed code, which differ per request.</summary>
    private static string Strip(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "(value|content)=\"[^\"]*\"", "");
}

public sealed class DossierTestsOnSqlite(SqliteApp app) : DossierTests(app), IClassFixture<SqliteApp>;

public sealed class DossierTestsOnPostgres(PostgresApp app) : DossierTests(app), IClassFixture<PostgresApp>;

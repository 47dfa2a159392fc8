using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Organisation;
using Cchc.Web.Data;
using Cchc.Web.Data.Audit;
using Cchc.Web.Features.Account;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Shell;

public abstract class AuditTests(TestApp app) : DataTest(app)
{
    [Fact]
    public async Task Creating_a_unit_writes_an_added_entry_with_its_values()
    {
        var unit = await App.UnitAsync(name: "Trường TH Kim Đồng");

        var entries = await EntriesOfAsync(unit);
        var added = Assert.Single(entries, e => e.Action == AuditAction.Added);
        var changes = JsonDocument.Parse(added.Changes).RootElement;
        Assert.Equal("Trường TH Kim Đồng", changes.GetProperty("Name").GetProperty("new").GetString());
        Assert.Equal(JsonValueKind.Null, changes.GetProperty("Name").GetProperty("old").ValueKind);
        Assert.Equal(AuditActorKind.System, added.ActorKind);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, added.AtUtc);
        // Make.UnitAsync then places the unit in the tree: its path is recorded as a modification.
        Assert.Contains(entries, e => e.Action == AuditAction.Modified && e.Changes.Contains("\"Path\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editing_a_unit_records_who_when_and_the_values_before_and_after()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        App.Clock.Advance(TimeSpan.FromMinutes(5));

        await AsUserAsync(admin, async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == tree.SchoolA1.Id);
            unit.Rename(unit.Code, "Trường Tiểu học A1 (đổi tên)");
            await db.SaveChangesAsync();
        });

        var modified = (await EntriesOfAsync(tree.SchoolA1)).Last(e => e.Action == AuditAction.Modified);
        var changes = JsonDocument.Parse(modified.Changes).RootElement;
        Assert.Equal("Trường TH A1", changes.GetProperty("Name").GetProperty("old").GetString());
        Assert.Equal("Trường Tiểu học A1 (đổi tên)", changes.GetProperty("Name").GetProperty("new").GetString());
        Assert.Equal(changes.GetProperty("Version").GetProperty("old").GetInt32() + 1, changes.GetProperty("Version").GetProperty("new").GetInt32());
        Assert.False(changes.TryGetProperty("Code", out _)); // unchanged properties are not repeated
        Assert.Equal(admin.Id, modified.ActorId);
        Assert.Equal(AuditActorKind.User, modified.ActorKind);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, modified.AtUtc);
        Assert.StartsWith(tree.DistrictA.Path, modified.UnitPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_save_writes_no_audit_entry()
    {
        var unit = await App.UnitAsync();
        var before = await App.WithDbAsync(db => db.AuditEntries.CountAsync());

        // A duplicate code breaks the unique index: the insert and its audit entry both roll back.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.Units.Add(new Unit(unit.Code, "Bản sao", UnitType.PrimarySchool, new DateOnly(2020, 1, 1)));
            await db.SaveChangesAsync();
        }));
        // A stale edit updates no row: no entry either.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => App.WithDbAsync(async db =>
        {
            var stale = await db.Units.SingleAsync(u => u.Id == unit.Id);
            await App.WithDbAsync(async other =>
            {
                (await other.Units.SingleAsync(u => u.Id == unit.Id)).Rename(unit.Code, "Sửa trước");
                await other.SaveChangesAsync();
            });
            stale.Rename(unit.Code, "Sửa sau, từ bản cũ");
            await db.SaveChangesAsync();
        }));

        var after = await App.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.Equal(before + 1, after); // only the successful "Sửa trước"
    }

    [Fact]
    public async Task Deleting_a_unit_records_its_last_values()
    {
        var unit = await App.UnitAsync(name: "Trường sẽ xóa");
        await App.WithDbAsync(async db =>
        {
            db.Units.Remove(await db.Units.SingleAsync(u => u.Id == unit.Id));
            await db.SaveChangesAsync();
        });

        var deleted = Assert.Single(await EntriesOfAsync(unit), e => e.Action == AuditAction.Deleted);
        var name = JsonDocument.Parse(deleted.Changes).RootElement.GetProperty("Name");
        Assert.Equal("Trường sẽ xóa", name.GetProperty("old").GetString());
        Assert.Equal(JsonValueKind.Null, name.GetProperty("new").ValueKind);
    }

    [Fact]
    public async Task The_audit_page_filters_by_user_and_by_day_in_vietnam_time()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        App.Clock.Advance(TimeSpan.FromDays(1)); // 03/03/2026 in Hà Nội
        await AsUserAsync(admin, async db =>
        {
            (await db.Units.SingleAsync(u => u.Id == tree.SchoolB1.Id)).Rename(tree.SchoolB1.Code, "Trường MN B1 (sửa bởi quản trị)");
            await db.SaveChangesAsync();
        });
        var client = App.ClientFor(admin);

        var byUser = await client.GetStringAsync($"/Admin/Audit?UserId={admin.Id}");
        var thatDay = await client.GetStringAsync($"/Admin/Audit?UserId={admin.Id}&From=2026-03-03&To=2026-03-03");
        var dayBefore = await client.GetStringAsync($"/Admin/Audit?UserId={admin.Id}&From=2026-03-02&To=2026-03-02");

        Assert.Contains("<p>1 bản ghi", byUser, StringComparison.Ordinal);
        Assert.Contains("Trường MN B1 (sửa bởi quản trị)", byUser, StringComparison.Ordinal);
        Assert.Contains("<p>1 bản ghi", thatDay, StringComparison.Ordinal);
        Assert.Contains("Không có bản ghi nào phù hợp.", dayBefore, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_hashes_and_stamps_never_reach_the_audit()
    {
        var unit = await App.UnitAsync();
        var user = await App.UserAsync(unit, Roles.Specialist);
        var hash = (await App.FindAsync<AppUser>(user.Id))!.PasswordHash!;

        var entry = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(AppUser) && e.EntityKey == user.Id.ToString() && e.Action == AuditAction.Added));
        Assert.DoesNotContain(hash, entry.Changes, StringComparison.Ordinal);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal("***", changes.GetProperty("PasswordHash").GetProperty("new").GetString());
        Assert.False(changes.TryGetProperty("SecurityStamp", out _));
        Assert.Equal(user.UserName, changes.GetProperty("UserName").GetProperty("new").GetString());
    }

    [Fact]
    public async Task The_system_admin_reads_the_audit_page_with_the_changes()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.Department, Roles.SystemAdmin);

        // Other tests move the shared clock; the entries were written "today" in Hà Nội, whichever day that is.
        var today = Cchc.Web.Shared.VnTime.Today(App.Clock);
        var iso = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var html = await App.ClientFor(admin).GetStringAsync($"/Admin/Audit?Entity=Unit&From={iso}&To={iso}");

        Assert.Contains("Nhật ký thay đổi", html, StringComparison.Ordinal);
        Assert.Contains("Trường TH A1", html, StringComparison.Ordinal);
        Assert.Contains(Cchc.Web.Shared.VnTime.Date(today) + " 09:", html, StringComparison.Ordinal); // 02:xx UTC shown in Hà Nội time
    }

    [Fact]
    public async Task A_unit_admin_reads_only_the_entries_of_their_subtree()
    {
        var tree = await App.TreeAsync();
        var unitAdmin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);

        var html = await App.ClientFor(unitAdmin).GetStringAsync("/Admin/Audit?Entity=Unit");

        Assert.Contains("#" + tree.SchoolA1.Id + "<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("#" + tree.SchoolB1.Id + "<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_roles_may_not_read_the_audit()
    {
        var unit = await App.UnitAsync();
        var specialist = await App.UserAsync(unit, Roles.Specialist);

        var page = await App.ClientFor(specialist).GetAsync("/Admin/Audit");
        var api = await App.ClientFor(specialist).GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("AccessDenied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_audit_api_pages_and_validates_its_filter()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var client = App.ClientFor(admin);

        var ok = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entity=Unit&page=1");
        var invalid = await client.GetAsync("/api/v1/audit?from=2026-03-05&to=2026-03-01");

        Assert.True(ok.GetProperty("total").GetInt32() >= 7);
        Assert.Equal("Unit", ok.GetProperty("rows")[0].GetProperty("entityType").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dữ liệu nhập không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Equal("Ngày kết thúc không được trước ngày bắt đầu.", problem.GetProperty("errors").GetProperty("to")[0].GetString());
    }

    private Task<List<AuditEntry>> EntriesOfAsync(Unit unit) => App.WithDbAsync(db =>
        db.AuditEntries.Where(e => e.EntityType == nameof(Unit) && e.EntityKey == unit.Id.ToString()).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Runs <paramref name="work"/> as if inside a request of <paramref name="user"/> (the audit reads the request's user).</summary>
    private Task AsUserAsync(AppUser user, Func<CchcDb, Task> work) => App.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<CchcDb>();
        var path = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Path).SingleAsync();
        var roles = (await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()).ToHashSet();
        var http = new DefaultHttpContext();
        http.Items[CurrentUserHttpExtensions.ItemKey] = new CurrentUser(user.Id, user.FullName, user.UnitId, path, roles);
        var accessor = sp.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = http;
        try { await work(db); }
        finally { accessor.HttpContext = null; }
        return true;
    });
}

public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTestsOnPostgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;

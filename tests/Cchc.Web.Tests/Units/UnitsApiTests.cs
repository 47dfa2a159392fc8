using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Organisation;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.Units;

public abstract class UnitsApiTests(TestApp app) : DataTest(app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private Task<int> CountAsync() => App.WithDbAsync(db => db.Units.CountAsync());

    private Task<int> EventCountAsync() => App.WithDbAsync(db => db.UnitEvents.CountAsync());

    [Fact]
    public async Task A_school_user_sees_only_their_school()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var units = await App.ClientFor(user).GetFromJsonAsync<JsonElement>("/api/v1/units");
        Assert.Equal([tree.SchoolA1.Code], units.EnumerateArray().Select(u => u.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_district_office_user_sees_the_office_and_its_schools()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.Leader);
        var units = await App.ClientFor(user).GetFromJsonAsync<JsonElement>("/api/v1/units");
        var codes = units.EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.Equal(new[] { tree.DistrictA.Code, tree.SchoolA1.Code, tree.SchoolA2.Code }.Order(), codes.Order());
        Assert.Equal(0, units[0].GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task A_unit_of_a_sibling_subtree_is_not_found()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var response = await App.ClientFor(user).GetAsync($"/api/v1/units/{tree.SchoolB1.Code}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", (await JsonAsync(response)).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_admin_creates_a_school_under_their_office_with_its_history()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var code = Make.UniqueCode("NEW");
        var response = await App.ClientFor(user).PostAsJsonAsync("/api/v1/units",
            new { code, name = "Trường Mầm non Hoa Sen", type = "Kindergarten", parentCode = tree.DistrictA.Code, validFrom = "2020-09-01" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await App.WithDbAsync(db => db.Units.SingleAsync(u => u.Code == code));
        Assert.Equal(tree.DistrictA.Id, stored.ParentId);
        Assert.Equal(tree.DistrictA.Path + stored.Id + "/", stored.Path);
        var history = (await JsonAsync(response)).GetProperty("history");
        Assert.Equal("Created", history[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Creating_with_missing_and_too_long_fields_gives_Vietnamese_field_errors_and_stores_nothing()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var before = await CountAsync();
        var response = await App.ClientFor(user).PostAsJsonAsync("/api/v1/units",
            new { code = "", name = new string('x', 251), type = "Kindergarten", parentCode = tree.Department.Code, validFrom = "2020-09-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Equal("Vui lòng nhập mã đơn vị.", problem.GetProperty("errors").GetProperty("code")[0].GetString());
        Assert.Equal("Tên đơn vị tối đa 250 ký tự.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Malformed_json_gives_a_Vietnamese_400_and_stores_nothing()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var before = await CountAsync();
        var response = await App.ClientFor(user).PostAsync("/api/v1/units",
            new StringContent("{\"code\": \"X1\", \"name\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nội dung JSON không đúng định dạng.", (await JsonAsync(response)).GetProperty("title").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_duplicate_code_is_a_conflict()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var before = await CountAsync();
        var response = await App.ClientFor(user).PostAsJsonAsync("/api/v1/units",
            new { code = tree.SchoolA1.Code, name = "Trường trùng mã", type = "PrimarySchool", parentCode = tree.DistrictA.Code, validFrom = "2020-09-01" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("đã tồn tại", (await JsonAsync(response)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_parent_outside_the_callers_subtree_is_not_found()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var before = await CountAsync();
        var response = await App.ClientFor(user).PostAsJsonAsync("/api/v1/units",
            new { code = Make.UniqueCode("N"), name = "Trường mới", type = "PrimarySchool", parentCode = tree.DistrictB.Code, validFrom = "2020-09-01" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_specialist_may_read_but_not_create()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.Specialist);
        var response = await App.ClientFor(user).PostAsJsonAsync("/api/v1/units",
            new { code = Make.UniqueCode("N"), name = "Trường mới", type = "PrimarySchool", parentCode = tree.DistrictA.Code, validFrom = "2020-09-01" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Moving_a_unit_moves_its_subtree_and_the_tree_of_the_day_before_is_kept()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var client = App.ClientFor(user);
        var response = await client.PostAsJsonAsync($"/api/v1/units/{tree.DistrictA.Code}/events",
            new { kind = "move", parentCode = tree.DistrictB.Code, effectiveOn = "2025-07-01" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var school = await App.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == tree.SchoolA1.Id));
        Assert.StartsWith(tree.DistrictB.Path + tree.DistrictA.Id + "/", school.Path, StringComparison.Ordinal);

        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?at=2025-06-30");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?at=2025-07-01");
        string? ParentOf(JsonElement list) => list.EnumerateArray().Single(u => u.GetProperty("code").GetString() == tree.DistrictA.Code).GetProperty("parentCode").GetString();
        Assert.Equal(tree.Department.Code, ParentOf(before));
        Assert.Equal(tree.DistrictB.Code, ParentOf(after));
    }

    [Fact]
    public async Task Moving_a_unit_under_its_own_descendant_is_refused_in_Vietnamese_and_nothing_changes()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var events = await EventCountAsync();
        var response = await App.ClientFor(user).PostAsJsonAsync($"/api/v1/units/{tree.DistrictA.Code}/events",
            new { kind = "move", parentCode = tree.SchoolA1.Code, effectiveOn = "2025-07-01" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Không thể chuyển đơn vị vào chính nó hoặc một đơn vị cấp dưới của nó.", (await JsonAsync(response)).GetProperty("title").GetString());
        var district = await App.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == tree.DistrictA.Id));
        Assert.Equal(tree.DistrictA.Path, district.Path);
        Assert.Equal(tree.Department.Id, district.ParentId);
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task Merging_an_office_passes_its_schools_to_the_successor()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var response = await App.ClientFor(user).PostAsJsonAsync($"/api/v1/units/{tree.DistrictA.Code}/events",
            new { kind = "merge", successorCodes = new[] { tree.DistrictB.Code }, effectiveOn = "2025-07-01" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (merged, school) = await App.WithDbAsync(async db =>
            (await db.Units.SingleAsync(u => u.Id == tree.DistrictA.Id), await db.Units.SingleAsync(u => u.Id == tree.SchoolA2.Id)));
        Assert.Equal(new DateOnly(2025, 7, 1), merged.ValidTo);
        Assert.Equal(tree.DistrictB.Id, merged.SuccessorId);
        Assert.Equal(tree.DistrictB.Id, school.ParentId);
        Assert.Equal(tree.DistrictB.Path + tree.SchoolA2.Id + "/", school.Path);
    }

    [Fact]
    public async Task A_bad_date_in_the_query_is_a_Vietnamese_400()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.Specialist);
        var response = await App.ClientFor(user).GetAsync("/api/v1/units?at=30/06/2025");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ngày không hợp lệ", (await JsonAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Renaming_through_the_api_keeps_the_old_name_in_the_history()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var client = App.ClientFor(user);
        var response = await client.PostAsJsonAsync($"/api/v1/units/{tree.SchoolA1.Code}/events",
            new { kind = "rename", name = "Trường Tiểu học Nguyễn Du", effectiveOn = "2025-09-05" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?at=2025-09-04");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?at=2025-09-05");
        string? NameOf(JsonElement list) => list.EnumerateArray().Single(u => u.GetProperty("code").GetString() == tree.SchoolA1.Code).GetProperty("name").GetString();
        Assert.Equal(tree.SchoolA1.Name, NameOf(before));
        Assert.Equal("Trường Tiểu học Nguyễn Du", NameOf(after));
    }

    [Fact]
    public async Task A_change_sent_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var stale = (await App.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == tree.SchoolA1.Id))).Version - 1;
        var response = await App.ClientFor(user).PostAsJsonAsync($"/api/v1/units/{tree.SchoolA1.Code}/events",
            new { kind = "rename", name = "Tên mới", effectiveOn = "2025-09-05", version = stale });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("đã được người khác thay đổi", (await JsonAsync(response)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(tree.SchoolA1.Name, (await App.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == tree.SchoolA1.Id))).Name);
    }

    [Fact]
    public async Task Splitting_a_school_into_two_new_schools_closes_it_with_the_first_as_successor()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var client = App.ClientFor(user);
        var (a, b) = (Make.UniqueCode("S"), Make.UniqueCode("S"));
        foreach (var code in new[] { a, b })
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/units",
                new { code, name = "Trường tách " + code, type = "PrimarySchool", parentCode = tree.DistrictA.Code, validFrom = "2025-09-01" })).StatusCode);
        var response = await client.PostAsJsonAsync($"/api/v1/units/{tree.SchoolA1.Code}/events",
            new { kind = "split", successorCodes = new[] { a, b }, effectiveOn = "2025-09-01" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (split, first) = await App.WithDbAsync(async db => (await db.Units.SingleAsync(u => u.Id == tree.SchoolA1.Id), await db.Units.SingleAsync(u => u.Code == a)));
        Assert.Equal(first.Id, split.SuccessorId);
        Assert.Equal(new DateOnly(2025, 9, 1), split.ValidTo);
    }

    [Fact]
    public async Task Closing_a_unit_that_still_has_schools_is_refused()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var response = await App.ClientFor(user).PostAsJsonAsync($"/api/v1/units/{tree.DistrictA.Code}/events",
            new { kind = "close", effectiveOn = "2025-07-01" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("còn đơn vị trực thuộc", (await JsonAsync(response)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Null((await App.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == tree.DistrictA.Id))).ValidTo);
    }

    [Fact]
    public async Task A_unit_admin_cannot_close_their_own_unit()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolB1, Roles.UnitAdmin);
        var response = await App.ClientFor(user).PostAsJsonAsync($"/api/v1/units/{tree.SchoolB1.Code}/events",
            new { kind = "close", effectiveOn = "2025-07-01" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null((await App.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == tree.SchoolB1.Id))).ValidTo);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var response = await App.AnonymousClient().GetAsync("/api/v1/units");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class UnitsApiTestsOnSqlite(SqliteApp app) : UnitsApiTests(app), IClassFixture<SqliteApp>;

public sealed class UnitsApiTestsOnPostgres(PostgresApp app) : UnitsApiTests(app), IClassFixture<PostgresApp>;

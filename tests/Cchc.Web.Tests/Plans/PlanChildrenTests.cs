using System.Net;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Plans;
using Cchc.Web.Tests.Infrastructure;
using Cchc.Web.Tests.Units;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.Plans;

/// <summary>
/// Seed 000 (Kế hoạch CCHC 2022 of the department): "các đơn vị xây dựng kế hoạch … gửi về trước 25/02/2022".
/// District A issues on time, District B late, the office not at all.
/// </summary>
public abstract class PlanChildrenTests(TestApp app) : DataTest(app)
{
    private static readonly DateOnly ChildPlanDue = new(2022, 2, 25);

    private async Task<(TestTree Tree, Plan Parent)> CascadeAsync()
    {
        var tree = await App.TreeAsync();
        var parent = new Plan(tree.Department.Id, "Kế hoạch Cải cách hành chính năm 2022", 2022, 2022);
        parent.SetChildPlanDue(ChildPlanDue);
        parent.AddSection("II.1", "Cải cách thủ tục hành chính", "PROCEDURES");
        parent.AddTask(new PlanTask("1", "Rà soát, đơn giản hóa thủ tục hành chính", "PROCEDURES", DeadlineParser.Parse("Quý II/2022", 2022)));
        parent.AddTask(new PlanTask("2", "Tuyên truyền công tác cải cách hành chính", "DIRECTION", DeadlineParser.Parse("Cả năm", 2022)));
        parent.Issue("375/KH-SGDĐT", new DateOnly(2022, 2, 10));
        await App.InsertAsync(parent);

        var onTime = PlanCascade.CopyForChild(parent, tree.DistrictA.Id, parent.Tasks.Select(t => t.Id));
        onTime.Issue("12/KH-PGDĐT", ChildPlanDue);
        var late = PlanCascade.CopyForChild(parent, tree.DistrictB.Id, [parent.Tasks[0].Id]);
        late.Issue("20/KH-PGDĐT", new DateOnly(2022, 3, 3));
        await App.InsertAsync(onTime);
        await App.InsertAsync(late);
        return (tree, parent);
    }

    [Fact]
    public async Task The_board_shows_who_issued_on_time_late_or_not_at_all_with_the_submitted_rate()
    {
        var (tree, parent) = await CascadeAsync();
        var leader = await App.UserAsync(tree.Department, Roles.Leader);

        var response = await App.ClientFor(leader).GetAsync($"/api/v1/plans/{parent.Id}/children");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("onTime").GetInt32());
        Assert.Equal(1, root.GetProperty("late").GetInt32());
        Assert.Equal(1, root.GetProperty("notIssued").GetInt32());
        Assert.Equal(100.0 / 3, root.GetProperty("unitPlanSubmittedRate").GetDouble(), 6);
        var units = root.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitCode").GetString()!, u => u.GetProperty("status").GetString());
        Assert.Equal("IssuedOnTime", units[tree.DistrictA.Code]);
        Assert.Equal("IssuedLate", units[tree.DistrictB.Code]);
        Assert.Equal("NotIssuedOverdue", units[tree.Office.Code]);
        Assert.Equal(3, units.Count);
    }

    [Fact]
    public async Task The_board_page_reads_in_Vietnamese_and_a_district_sees_only_its_own_line()
    {
        var (tree, parent) = await CascadeAsync();
        var leader = await App.UserAsync(tree.Department, Roles.Leader);
        var district = await App.UserAsync(tree.DistrictB, Roles.Specialist);

        var page = await App.ClientFor(leader).GetStringAsync($"/Plans/Children/{parent.Id}");
        var districtPage = await App.ClientFor(district).GetStringAsync($"/Plans/Children/{parent.Id}");

        Assert.Contains("Ban hành đúng hạn", page);
        Assert.Contains("Ban hành trễ hạn", page);
        Assert.Contains("Chưa ban hành (quá hạn)", page);
        Assert.Contains("25/02/2022", page);
        Assert.Contains("Ban hành trễ hạn", districtPage);
        Assert.DoesNotContain(tree.DistrictA.Name, districtPage);
    }

    [Fact]
    public async Task A_subordinate_unit_makes_its_draft_from_the_parents_plan_with_the_chosen_tasks()
    {
        var (tree, parent) = await CascadeAsync();
        var user = await App.UserAsync(tree.Office, Roles.Specialist);
        var client = App.ClientFor(user);
        var url = $"/Plans/Children/Create?parent={parent.Id}";

        var form = await Forms.HiddenFieldsAsync(client, url);
        var response = await client.PostAsync(url, new FormUrlEncodedContent([
            new("__RequestVerificationToken", form["__RequestVerificationToken"]), new("Parent", parent.Id.ToString()),
            new("UnitId", tree.Office.Id.ToString()), new("TaskIds", parent.Tasks[1].Id.ToString())]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var child = await App.WithDbAsync(db => db.Plans.Include(p => p.Tasks).Include(p => p.Sections).AsNoTracking()
            .SingleAsync(p => p.IssuingUnitId == tree.Office.Id && p.ParentPlanId == parent.Id));
        Assert.Equal(PlanStatus.Draft, child.Status);
        Assert.Equal("Tuyên truyền công tác cải cách hành chính", Assert.Single(child.Tasks).Content);
        Assert.Single(child.Sections);
        Assert.StartsWith("Thực hiện Kế hoạch số 375/KH-SGDĐT", child.Bases[0]);
    }

    [Fact]
    public async Task A_unit_cannot_make_a_plan_for_a_sibling_unit()
    {
        var (tree, parent) = await CascadeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.Specialist);
        var client = App.ClientFor(user);
        var url = $"/Plans/Children/Create?parent={parent.Id}";

        var response = await Forms.PostAsync(client, url, ("Parent", parent.Id.ToString()), ("UnitId", tree.DistrictB.Id.ToString()), ("TaskIds", parent.Tasks[0].Id.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("phải là đơn vị cấp dưới", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.WithDbAsync(db => db.Plans.CountAsync(p => p.ParentPlanId == parent.Id && p.IssuingUnitId == tree.DistrictB.Id)));
    }

    [Fact]
    public async Task A_plan_of_a_sibling_district_has_no_board()
    {
        var (tree, _) = await CascadeAsync();
        var siblingPlan = await App.InsertAsync(new Plan(tree.DistrictB.Id, "Kế hoạch của Phòng B", 2022, 2022));
        var user = await App.UserAsync(tree.DistrictA, Roles.Specialist);

        var response = await App.ClientFor(user).GetAsync($"/api/v1/plans/{siblingPlan.Id}/children");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class PlanChildrenTestsOnSqlite(SqliteApp app) : PlanChildrenTests(app), IClassFixture<SqliteApp>;

public sealed class PlanChildrenTestsOnPostgres(PostgresApp app) : PlanChildrenTests(app), IClassFixture<PostgresApp>;

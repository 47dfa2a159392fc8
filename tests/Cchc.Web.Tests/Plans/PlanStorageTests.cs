using Cchc.Core.Access;
using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.Plans;

public abstract class PlanStorageTests(TestApp app) : DataTest(app)
{
    [Fact]
    public async Task A_plan_with_its_sections_targets_and_tasks_reads_back_as_stored()
    {
        var tree = await App.TreeAsync();
        var plan = new Plan(tree.Department.Id, "Thực hiện công tác Cải cách hành chính năm 2022", 2022, 2022);
        plan.SetBases(["Quyết định số 4655/QĐ-UBND ngày 08 tháng 12 năm 2021 của Ủy ban nhân dân thành phố"]);
        plan.AddSection("II.3", "Cải cách thủ tục hành chính", "PROCEDURES");
        plan.AddTarget(new Target("DOSSIER_ON_TIME_RATE", null, Comparator.AtLeast, 100, "%", 2022));
        // Seed 003, row 12: lead Văn phòng, deadline "Quý I/2022".
        var task = plan.AddTask(new PlanTask("12", "Rà soát, đơn giản hóa TTHC", "PROCEDURES", DeadlineParser.Parse("Lần 1: Quý II/2022 Lần 2: Quý III/2022", 2022)));
        task.Assign(tree.Office.Id, [tree.DistrictA.Id, tree.DistrictB.Id]);
        await App.InsertAsync(plan);

        var read = await App.WithDbAsync(db => db.Plans.Include(p => p.Sections).Include(p => p.Targets).Include(p => p.Tasks)
            .AsNoTracking().SingleAsync(p => p.Id == plan.Id));

        Assert.Equal(plan.Bases, read.Bases);
        Assert.Equal("PROCEDURES", Assert.Single(read.Sections).Area);
        Assert.Equal(100, Assert.Single(read.Targets).Value);
        var readTask = Assert.Single(read.Tasks);
        Assert.Equal([tree.DistrictA.Id, tree.DistrictB.Id], readTask.PartnerUnitIds);
        Assert.Equal(2, readTask.Deadlines.Count);
        Assert.Equal(new DateOnly(2022, 9, 30), readTask.LastDue);
    }

    [Fact]
    public async Task Changing_a_list_in_place_is_saved()
    {
        var tree = await App.TreeAsync();
        var plan = await App.InsertAsync(new Plan(tree.Department.Id, "Kế hoạch thử", 2022, 2022));
        await App.WithDbAsync(async db =>
        {
            var tracked = await db.Plans.SingleAsync(p => p.Id == plan.Id);
            tracked.SetBases(["Căn cứ thứ nhất", "Căn cứ thứ hai"]);
            await db.SaveChangesAsync();
        });
        var read = await App.FindAsync<Plan>(plan.Id);
        Assert.Equal(["Căn cứ thứ nhất", "Căn cứ thứ hai"], read!.Bases);
    }

    [Fact]
    public async Task A_school_reads_its_parents_plans_but_not_a_sibling_districts()
    {
        var tree = await App.TreeAsync();
        var deptPlan = await App.InsertAsync(new Plan(tree.Department.Id, "Kế hoạch của Sở", 2022, 2022));
        var districtPlan = await App.InsertAsync(new Plan(tree.DistrictA.Id, "Kế hoạch của Phòng A", 2022, 2022));
        var siblingPlan = await App.InsertAsync(new Plan(tree.DistrictB.Id, "Kế hoạch của Phòng B", 2022, 2022));
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var current = new CurrentUser(user.Id, user.FullName, tree.SchoolA1.Id, tree.SchoolA1.Path, new HashSet<string> { Roles.Specialist });

        var (readable, editable) = await App.WithDbAsync(async db => (
            await db.Plans.VisibleTo(current, db.Units).Select(p => p.Id).ToListAsync(),
            await db.Plans.EditableBy(current, db.Units).Select(p => p.Id).ToListAsync()));

        Assert.Contains(deptPlan.Id, readable);
        Assert.Contains(districtPlan.Id, readable);
        Assert.DoesNotContain(siblingPlan.Id, readable);
        Assert.DoesNotContain(deptPlan.Id, editable);
    }
}

public sealed class PlanStorageTestsOnSqlite(SqliteApp app) : PlanStorageTests(app), IClassFixture<SqliteApp>;

public sealed class PlanStorageTestsOnPostgres(PostgresApp app) : PlanStorageTests(app), IClassFixture<PostgresApp>;

using Cchc.Core.Access;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Reminders;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cchc.Web.Tests.Reminders;

/// <summary>Today is 02/03/2026 (the test clock); reminders go 7 days before a task's last deadline.</summary>
public abstract class ReminderTests(TestApp app) : DataTest(app)
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    protected async Task<AppUser> UserWithEmailAsync(Core.Organisation.Unit unit, string? email, string name)
    {
        var user = await App.UserAsync(unit, Roles.Specialist);
        await App.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var tracked = (await users.FindByIdAsync(user.Id.ToString()))!;
            tracked.Email = email;
            tracked.FullName = name;
            return await users.UpdateAsync(tracked);
        });
        user.Email = email;
        return user;
    }

    private Task<ReminderRun> RunAsync(int port, int daysBefore = 7) =>
        App.WithServicesAsync(sp => new SendDueReminders(
            sp.GetRequiredService<CchcDb>(),
            Options.Create(new ReminderOptions { DaysBefore = daysBefore, Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, From = "cchc@sogd.example.vn" } }),
            App.Clock, NullLogger<SendDueReminders>.Instance).HandleAsync(Today, CancellationToken.None));

    protected async Task<(TestTree Tree, PlanTask Soon, PlanTask Later, PlanTask OtherUnit, PlanTask Done)> SeedAsync()
    {
        var tree = await App.TreeAsync();
        var plan = new Plan(tree.Department.Id, "Kế hoạch CCHC năm 2026", 2026, 2026);
        PlanTask Add(string content, DateOnly due, int lead)
        {
            var t = plan.AddTask(new PlanTask("1", content, "DIRECTION", [new Deadline(due.ToString("dd/MM/yyyy"), null, due)]));
            t.Assign(lead, []);
            return t;
        }
        var soon = Add("Báo cáo kết quả cải cách hành chính quý I năm 2026", new(2026, 3, 6), tree.DistrictA.Id);
        var later = Add("Tự đánh giá chỉ số cải cách hành chính", new(2026, 3, 20), tree.DistrictA.Id);
        var otherUnit = Add("Niêm yết thủ tục hành chính tại bộ phận một cửa", new(2026, 3, 9), tree.DistrictB.Id);
        var done = Add("Ban hành kế hoạch tuyên truyền", new(2026, 3, 4), tree.DistrictA.Id);
        done.Complete(new DateOnly(2026, 3, 1));
        plan.Issue("15/KH-SGDĐT", new DateOnly(2026, 1, 10));
        await App.InsertAsync(plan);
        return (tree, soon, later, otherUnit, done);
    }

    [Fact]
    public async Task Each_user_of_the_lead_unit_gets_one_Vietnamese_email_with_their_tasks_due_soon()
    {
        var (tree, soon, later, otherUnit, done) = await SeedAsync();
        var tag = Make.UniqueCode("m").ToLowerInvariant();
        var a1 = await UserWithEmailAsync(tree.DistrictA, $"a1.{tag}@example.vn", "Nguyễn Thị Hằng");
        var a2 = await UserWithEmailAsync(tree.DistrictA, $"a2.{tag}@example.vn", "Trần Văn Đức");
        await UserWithEmailAsync(tree.DistrictA, null, "Không có thư");
        var b1 = await UserWithEmailAsync(tree.DistrictB, $"b1.{tag}@example.vn", "Lê Minh Phương");
        await using var smtp = new SmtpTestServer();

        await RunAsync(smtp.Port);

        var mine = smtp.Messages.Where(m => m.Recipients.Any(r => r.Contains(tag, StringComparison.Ordinal))).ToList();
        Assert.Equal(new[] { a1.Email, a2.Email, b1.Email }.Order(), mine.SelectMany(m => m.Recipients).Order());
        var toA1 = Assert.Single(mine, m => m.Recipients.Contains(a1.Email!));
        Assert.Equal("Nhắc hạn: 1 nhiệm vụ CCHC sắp đến hạn", toA1.Subject);
        Assert.Contains("Kính gửi Nguyễn Thị Hằng,", toA1.Body);
        Assert.Contains(soon.Content, toA1.Body);
        Assert.Contains("Hạn: 06/03/2026", toA1.Body);
        Assert.DoesNotContain(later.Content, toA1.Body);
        Assert.DoesNotContain(done.Content, toA1.Body);
        Assert.DoesNotContain(otherUnit.Content, toA1.Body);
        Assert.Contains(otherUnit.Content, Assert.Single(mine, m => m.Recipients.Contains(b1.Email!)).Body);
        Assert.Equal("cchc@sogd.example.vn", toA1.From);
    }

    [Fact]
    public async Task The_same_reminder_is_never_sent_twice()
    {
        var (tree, soon, _, _, _) = await SeedAsync();
        var tag = Make.UniqueCode("m").ToLowerInvariant();
        var a1 = await UserWithEmailAsync(tree.DistrictA, $"a1.{tag}@example.vn", "Phạm Quốc Việt");
        await using var smtp = new SmtpTestServer();

        await RunAsync(smtp.Port);
        var afterFirst = smtp.Messages.Count(m => m.Recipients.Contains(a1.Email!));
        await RunAsync(smtp.Port);
        var afterSecond = smtp.Messages.Count(m => m.Recipients.Contains(a1.Email!));

        Assert.Equal(1, afterFirst);
        Assert.Equal(1, afterSecond);
        var recorded = await App.WithDbAsync(db => db.Set<ReminderSent>().CountAsync(r => r.UserId == a1.Id && r.TaskId == soon.Id));
        Assert.Equal(1, recorded);
    }

    [Fact]
    public async Task Without_SMTP_nothing_is_sent_or_recorded()
    {
        var (tree, soon, _, _, _) = await SeedAsync();
        var a1 = await UserWithEmailAsync(tree.DistrictA, $"a1.{Make.UniqueCode("m").ToLowerInvariant()}@example.vn", "Đỗ Thu Trang");

        var run = await App.WithServicesAsync(sp => new SendDueReminders(sp.GetRequiredService<CchcDb>(), Options.Create(new ReminderOptions()),
            App.Clock, NullLogger<SendDueReminders>.Instance).HandleAsync(Today, CancellationToken.None));

        Assert.True(run.Skipped);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<ReminderSent>().CountAsync(r => r.UserId == a1.Id && r.TaskId == soon.Id)));
    }
}

public sealed class ReminderTestsOnSqlite(SqliteApp app) : ReminderTests(app), IClassFixture<SqliteApp>;

public sealed class ReminderTestsOnPostgres(PostgresApp app) : ReminderTests(app), IClassFixture<PostgresApp>
{
    [Fact]
    public async Task While_another_node_holds_the_lock_this_node_sends_nothing()
    {
        var (tree, _, _, _, _) = await SeedAsync();
        var user = await UserWithEmailAsync(tree.DistrictA, $"lock.{Make.UniqueCode("m").ToLowerInvariant()}@example.vn", "Vũ Hải Nam");
        await using var smtp = new SmtpTestServer();
        await App.WithDbAsync(async holder =>
        {
            await holder.Database.OpenConnectionAsync();
            await holder.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({SendDueReminders.LockKey}) AS \"Value\"").SingleAsync();
            try
            {
                var run = await App.WithServicesAsync(sp => new SendDueReminders(sp.GetRequiredService<CchcDb>(),
                    Options.Create(new ReminderOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "cchc@sogd.example.vn" } }),
                    App.Clock, NullLogger<SendDueReminders>.Instance).HandleAsync(new DateOnly(2026, 3, 2), CancellationToken.None));
                Assert.True(run.Skipped);
            }
            finally
            {
                await holder.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({SendDueReminders.LockKey}) AS \"Value\"").SingleAsync();
            }
        });
        Assert.Empty(smtp.Messages);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<ReminderSent>().CountAsync(r => r.UserId == user.Id)));
    }
}

using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cchc.Web.Features.Reminders;

/// <summary>What one run did; <see cref="Skipped"/> when SMTP is not configured or another node holds the lock.</summary>
public sealed record ReminderRun(bool Skipped, int Emails, int Reminders);

/// <summary>
/// E-mails each user of a task's lead unit, once, when the task's last deadline is within
/// <see cref="ReminderOptions.DaysBefore"/> days (docs/plans.md "Reminders"). One e-mail per user lists all
/// their unit's tasks due; what was sent is recorded (<see cref="ReminderSent"/>) before the next user is
/// written to, so a failure part-way never sends the same reminder twice.
/// </summary>
public sealed class SendDueReminders(CchcDb db, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<SendDueReminders> log)
{
    /// <summary>The advisory lock key on PostgreSQL ("CCHCREMI" in ASCII): one web node runs the reminders.</summary>
    public const long LockKey = 0x4343484352454D49;

    private sealed record DueTask(int Id, int UnitId, string Number, string Content, DateOnly Due, string PlanTitle, string? PlanNumber);

    public async Task<ReminderRun> HandleAsync(DateOnly today, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Smtp.Configured) return new ReminderRun(true, 0, 0);
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        if (!postgres) return await RunAsync(o, today, ct);

        // The lock belongs to the session: keep one connection open for the whole run.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
            if (!locked)
            {
                log.LogInformation("Reminders skipped: another node holds the lock.");
                return new ReminderRun(true, 0, 0);
            }
            try
            {
                return await RunAsync(o, today, ct);
            }
            finally
            {
                await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({LockKey}) AS \"Value\"").SingleAsync(CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<ReminderRun> RunAsync(ReminderOptions o, DateOnly today, CancellationToken ct)
    {
        var until = today.AddDays(Math.Clamp(o.DaysBefore, 0, 366));
        var tasks = await db.PlanTasks.AsNoTracking()
            .Where(t => t.LeadUnitId != null && t.LastDue >= today && t.LastDue <= until
                && (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress)
                && db.Plans.Any(p => p.Id == t.PlanId && p.Status == PlanStatus.Issued))
            .OrderBy(t => t.LastDue).ThenBy(t => t.Id)
            .Select(t => new DueTask(t.Id, t.LeadUnitId!.Value, t.Number, t.Content, t.LastDue!.Value,
                db.Plans.Where(p => p.Id == t.PlanId).Select(p => p.Title).First(),
                db.Plans.Where(p => p.Id == t.PlanId).Select(p => p.Number).First()))
            .ToListAsync(ct);
        if (tasks.Count == 0) return new ReminderRun(false, 0, 0);

        var unitIds = tasks.Select(t => t.UnitId).Distinct().ToList();
        var taskIds = tasks.Select(t => t.Id).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => unitIds.Contains(u.UnitId) && u.Email != null && u.Email != "" && !u.IsDemo)
            .Select(u => new { u.Id, u.UnitId, u.FullName, Email = u.Email! }).ToListAsync(ct);
        var sent = (await db.Set<ReminderSent>().AsNoTracking().Where(r => taskIds.Contains(r.TaskId))
            .Select(r => new { r.UserId, r.TaskId, r.DueOn }).ToListAsync(ct))
            .Select(r => (r.UserId, r.TaskId, r.DueOn)).ToHashSet();
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        int emails = 0, reminders = 0;
        using var smtp = Client(o.Smtp);
        foreach (var user in users.OrderBy(u => u.Id))
        {
            var mine = tasks.Where(t => t.UnitId == user.UnitId && !sent.Contains((user.Id, t.Id, t.Due))).ToList();
            if (mine.Count == 0) continue;
            using var message = Compose(o, user.Email, user.FullName, unitNames.GetValueOrDefault(user.UnitId, ""), mine, today);
            await smtp.SendMailAsync(message, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            db.Set<ReminderSent>().AddRange(mine.Select(t => new ReminderSent(user.Id, t.Id, t.Due, now)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            emails++;
            reminders += mine.Count;
        }
        log.LogInformation("Reminders sent: {Emails} e-mails, {Reminders} reminders.", emails, reminders);
        return new ReminderRun(false, emails, reminders);
    }

    private static SmtpClient Client(SmtpOptions s)
    {
        var client = new SmtpClient(s.Host, s.Port) { EnableSsl = s.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(s.UserName)) client.Credentials = new NetworkCredential(s.UserName, s.Password);
        return client;
    }

    private static MailMessage Compose(ReminderOptions o, string email, string fullName, string unitName, IReadOnlyList<DueTask> tasks, DateOnly today)
    {
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"Kính gửi {fullName},");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Các nhiệm vụ cải cách hành chính sau do {unitName} chủ trì sắp đến hạn (tính từ ngày {VnTime.Date(today)}):");
        body.AppendLine();
        foreach (var t in tasks)
        {
            var plan = t.PlanNumber is null ? t.PlanTitle : $"Kế hoạch số {t.PlanNumber}";
            body.AppendLine(CultureInfo.InvariantCulture, $"- {(t.Number.Length > 0 ? t.Number + ". " : "")}{t.Content}");
            body.AppendLine(CultureInfo.InvariantCulture, $"  Hạn: {VnTime.Date(t.Due)} – {plan}");
            if (!string.IsNullOrWhiteSpace(o.BaseUrl)) body.AppendLine(CultureInfo.InvariantCulture, $"  {o.BaseUrl.TrimEnd('/')}/Plans/Tasks/{t.Id}");
        }
        body.AppendLine();
        body.AppendLine("Đề nghị đồng chí cập nhật tiến độ và kết quả thực hiện trên hệ thống CCHC.");
        body.AppendLine("Thư này được gửi tự động, vui lòng không trả lời.");
        var message = new MailMessage
        {
            From = new MailAddress(o.Smtp.From!, "Hệ thống CCHC", Encoding.UTF8),
            Subject = tasks.Count == 1 ? "Nhắc hạn: 1 nhiệm vụ CCHC sắp đến hạn" : $"Nhắc hạn: {tasks.Count} nhiệm vụ CCHC sắp đến hạn",
            SubjectEncoding = Encoding.UTF8,
            Body = body.ToString(),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(email, fullName, Encoding.UTF8));
        return message;
    }
}

/// <summary>Runs <see cref="SendDueReminders"/> a minute after start and then every day at 07:00 in Việt Nam; idle without SMTP.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Smtp.Configured) return;
        var delay = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendDueReminders>().HandleAsync(VnTime.Today(clock), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A mail server that is down must not stop the web app; the next day's run retries what was not recorded.
                log.LogError(e, "Sending the due reminders failed.");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var next = VnTime.StartUtc(VnTime.DayOf(now)).AddHours(7);
            if (next <= now) next = next.AddDays(1);
            delay = next - now;
        }
    }
}

public static class RemindersSetup
{
    public static void AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection(ReminderOptions.Section));
        builder.Services.AddScoped<SendDueReminders>();
        builder.Services.AddHostedService<ReminderService>();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Reminders;

/// <summary>
/// One reminder sent: a user was told of a task due on <see cref="DueOn"/>. The unique key makes a second
/// send of the same reminder impossible, even from two nodes; a new deadline (the task's deadlines edited)
/// is a new reminder.
/// </summary>
public sealed class ReminderSent
{
    private ReminderSent() { }

    public ReminderSent(int userId, int taskId, DateOnly dueOn, DateTime sentAtUtc)
    {
        UserId = userId;
        TaskId = taskId;
        DueOn = dueOn;
        SentAtUtc = sentAtUtc;
    }

    public long Id { get; private set; }
    public int UserId { get; private set; }
    public int TaskId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTime SentAtUtc { get; private set; }
}

internal sealed class ReminderSentConfiguration : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> b)
    {
        b.ToTable("reminders_sent");
        b.HasIndex(r => new { r.UserId, r.TaskId, r.DueOn }).IsUnique();
        b.HasIndex(r => r.TaskId);
        b.HasOne<Account.AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Core.Plans.PlanTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Cchc.Core.Calendar;
using Cchc.Core.Common;

namespace Cchc.Core.Queue;

public enum QueueTicketState
{
    Waiting,
    Called,
    Finished,

    /// <summary>Called but the holder did not come to the counter ("vắng mặt").</summary>
    Skipped,
}

/// <summary>
/// A numbered ticket at the one-stop desk (Bộ phận Một cửa, issue 5 point 6): issued with the next number of
/// its unit's Vietnam day, called to a counter by an officer, then finished or skipped. Times are UTC.
/// </summary>
public sealed class QueueTicket : IVersioned
{
    public const int ServiceMaxLength = 200;
    public const int MaxCounter = 99;

    public QueueTicket(int unitId, int number, string? service, DateTime issuedAtUtc)
    {
        if (number < 1)
        {
            throw new RuleViolation("Số thứ tự phải từ 1 trở lên.", nameof(Number));
        }

        service = string.IsNullOrWhiteSpace(service) ? null : service.Trim().Normalize();
        if (service is { Length: > ServiceMaxLength })
        {
            throw new RuleViolation($"Tên dịch vụ tối đa {ServiceMaxLength} ký tự.", nameof(Service));
        }

        UnitId = unitId;
        Number = number;
        Service = service;
        IssuedAtUtc = Utc(issuedAtUtc);
        Day = VietnamTime.LocalDate(IssuedAtUtc);
        State = QueueTicketState.Waiting;
    }

    private QueueTicket()
    {
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>The Vietnam date of issue: numbering restarts at 1 each day.</summary>
    public DateOnly Day { get; private set; }

    public int Number { get; private set; }

    /// <summary>Optional service or procedure field chosen at the kiosk (e.g. "Văn bằng, chứng chỉ").</summary>
    public string? Service { get; private set; }

    public QueueTicketState State { get; private set; }

    public DateTime IssuedAtUtc { get; private set; }

    public DateTime? CalledAtUtc { get; private set; }

    public int? Counter { get; private set; }

    public int? CalledByUserId { get; private set; }

    /// <summary>When the ticket was finished or skipped.</summary>
    public DateTime? ClosedAtUtc { get; private set; }

    public bool IsDemo { get; private set; }

    public int Version { get; set; }

    /// <summary>The number as the ticket and the display show it (at least 3 digits: 007).</summary>
    public string Display => Number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    public void MarkDemo() => IsDemo = true;

    /// <summary>Calls a waiting ticket to a counter; a ticket is called once.</summary>
    public void Call(int counter, int officerUserId, DateTime atUtc)
    {
        if (State != QueueTicketState.Waiting)
        {
            throw new RuleViolation(
                State == QueueTicketState.Called
                    ? $"Số {Display} đã được gọi tới quầy {Counter}."
                    : $"Số {Display} {ClosedText()}, không gọi lại được.",
                nameof(State));
        }

        if (counter is < 1 or > MaxCounter)
        {
            throw new RuleViolation($"Số quầy phải từ 1 đến {MaxCounter}.", nameof(Counter));
        }

        atUtc = Utc(atUtc);
        if (atUtc < IssuedAtUtc)
        {
            throw new RuleViolation("Thời điểm gọi số không thể trước thời điểm lấy số.", nameof(CalledAtUtc));
        }

        State = QueueTicketState.Called;
        Counter = counter;
        CalledByUserId = officerUserId;
        CalledAtUtc = atUtc;
    }

    /// <summary>The holder was served: only a called ticket can be finished.</summary>
    public void Finish(DateTime atUtc) => Close(QueueTicketState.Finished, atUtc);

    /// <summary>The holder did not come when called ("vắng mặt"): only a called ticket can be skipped.</summary>
    public void Skip(DateTime atUtc) => Close(QueueTicketState.Skipped, atUtc);

    public static string StateName(QueueTicketState state) => state switch
    {
        QueueTicketState.Waiting => "đang chờ",
        QueueTicketState.Called => "đang phục vụ",
        QueueTicketState.Finished => "đã phục vụ xong",
        QueueTicketState.Skipped => "vắng mặt",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private string ClosedText() => State == QueueTicketState.Finished ? "đã phục vụ xong" : "đã được ghi vắng mặt";

    private void Close(QueueTicketState to, DateTime atUtc)
    {
        if (State != QueueTicketState.Called)
        {
            throw new RuleViolation(
                State == QueueTicketState.Waiting
                    ? $"Số {Display} chưa được gọi."
                    : $"Số {Display} {ClosedText()}.",
                nameof(State));
        }

        atUtc = Utc(atUtc);
        if (atUtc < CalledAtUtc)
        {
            throw new RuleViolation("Thời điểm kết thúc không thể trước thời điểm gọi số.", nameof(ClosedAtUtc));
        }

        State = to;
        ClosedAtUtc = atUtc;
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new ArgumentException("Queue times are UTC.", nameof(value)),
    };
}

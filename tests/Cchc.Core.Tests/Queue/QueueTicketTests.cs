using Cchc.Core.Common;
using Cchc.Core.Queue;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Core.Tests.Queue;

public sealed class QueueTicketTests
{
    // Mon 02/03/2026 07:30 in Hanoi = 00:30 UTC.
    private static readonly DateTime Opening = new(2026, 3, 2, 0, 30, 0, DateTimeKind.Utc);

    private static QueueTicket Issued(int number = 1, int minutes = 0) => new(7, number, "Văn bằng, chứng chỉ", Opening.AddMinutes(minutes));

    [Fact]
    public void A_ticket_belongs_to_the_Vietnam_day_of_its_issue()
    {
        // 23:30 UTC on 01/03 is 06:30 on 02/03 in Vietnam: numbering restarts each Vietnam day.
        var early = new QueueTicket(7, 1, null, new DateTime(2026, 3, 1, 23, 30, 0, DateTimeKind.Utc));

        Assert.Equal(new DateOnly(2026, 3, 2), early.Day);
        Assert.Equal(QueueTicketState.Waiting, early.State);
        Assert.Equal("001", early.Display);
    }

    [Fact]
    public void A_ticket_is_called_to_a_counter_then_finished()
    {
        var ticket = Issued();
        ticket.Call(2, 42, Opening.AddMinutes(5));
        ticket.Finish(Opening.AddMinutes(12));

        Assert.Equal(QueueTicketState.Finished, ticket.State);
        Assert.Equal(2, ticket.Counter);
        Assert.Equal(42, ticket.CalledByUserId);
        Assert.Equal(Opening.AddMinutes(12), ticket.ClosedAtUtc);
    }

    [Fact]
    public void A_called_ticket_whose_holder_does_not_come_is_skipped_as_absent()
    {
        var ticket = Issued();
        ticket.Call(1, 42, Opening.AddMinutes(1));
        ticket.Skip(Opening.AddMinutes(3));

        Assert.Equal(QueueTicketState.Skipped, ticket.State);
        Assert.Equal("vắng mặt", QueueTicket.StateName(ticket.State));
    }

    [Fact]
    public void A_ticket_cannot_be_called_twice()
    {
        var ticket = Issued(number: 5);
        ticket.Call(1, 42, Opening.AddMinutes(1));

        var error = Assert.Throws<RuleViolation>(() => ticket.Call(2, 43, Opening.AddMinutes(2)));
        Assert.Equal("Số 005 đã được gọi tới quầy 1.", error.Message);
        Assert.Equal(1, ticket.Counter);
    }

    [Fact]
    public void Only_a_called_ticket_can_be_finished_or_skipped()
    {
        var waiting = Issued(number: 3);
        Assert.Equal("Số 003 chưa được gọi.", Assert.Throws<RuleViolation>(() => waiting.Finish(Opening.AddMinutes(1))).Message);
        Assert.Equal("Số 003 chưa được gọi.", Assert.Throws<RuleViolation>(() => waiting.Skip(Opening.AddMinutes(1))).Message);

        waiting.Call(1, 42, Opening.AddMinutes(1));
        waiting.Finish(Opening.AddMinutes(2));
        Assert.Equal("Số 003 đã phục vụ xong.",
            Assert.Throws<RuleViolation>(() => waiting.Skip(Opening.AddMinutes(3))).Message);
        Assert.Equal(QueueTicketState.Finished, waiting.State);
    }

    [Fact]
    public void A_finished_or_skipped_ticket_cannot_be_called_again()
    {
        var ticket = Issued(number: 9);
        ticket.Call(1, 42, Opening.AddMinutes(1));
        ticket.Skip(Opening.AddMinutes(2));

        var error = Assert.Throws<RuleViolation>(() => ticket.Call(1, 42, Opening.AddMinutes(3)));
        Assert.Equal("Số 009 đã được ghi vắng mặt, không gọi lại được.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void The_counter_is_between_1_and_99(int counter)
    {
        var error = Assert.Throws<RuleViolation>(() => Issued().Call(counter, 42, Opening.AddMinutes(1)));
        Assert.Equal("Số quầy phải từ 1 đến 99.", error.Message);
    }

    [Fact]
    public void Times_cannot_run_backwards()
    {
        var ticket = Issued(minutes: 10);
        Assert.Equal("Thời điểm gọi số không thể trước thời điểm lấy số.",
            Assert.Throws<RuleViolation>(() => ticket.Call(1, 42, Opening)).Message);
        ticket.Call(1, 42, Opening.AddMinutes(20));
        Assert.Equal("Thời điểm kết thúc không thể trước thời điểm gọi số.",
            Assert.Throws<RuleViolation>(() => ticket.Finish(Opening.AddMinutes(15))).Message);
    }

    [Fact]
    public void Numbers_start_at_1_and_services_are_trimmed_and_bounded()
    {
        Assert.Equal("Số thứ tự phải từ 1 trở lên.", Assert.Throws<RuleViolation>(() => new QueueTicket(7, 0, null, Opening)).Message);
        Assert.Null(new QueueTicket(7, 1, "   ", Opening).Service);
        Assert.Equal("Thi, tuyển sinh", new QueueTicket(7, 1, "  Thi, tuyển sinh ", Opening).Service);
        Assert.Throws<RuleViolation>(() => new QueueTicket(7, 1, new string('a', 201), Opening));
    }

    [Fact]
    public void A_ticket_in_any_state_accepts_exactly_the_steps_its_state_allows() =>
        // State rules as an invariant: from any sequence of attempted steps, each step succeeds exactly when
        // the state allows it (call only a waiting ticket; finish or skip only a called one).
        Prop.ForAll(Gen.Choose(0, 2).ListOf().ToArbitrary(), steps =>
            {
                var ticket = Issued();
                int minute = 0;
                foreach (int step in steps)
                {
                    var before = ticket.State;
                    bool allowed = step == 0 ? before == QueueTicketState.Waiting : before == QueueTicketState.Called;
                    bool succeeded;
                    try
                    {
                        minute++;
                        var at = Opening.AddMinutes(minute);
                        if (step == 0) ticket.Call(1, 42, at);
                        else if (step == 1) ticket.Finish(at);
                        else ticket.Skip(at);
                        succeeded = true;
                    }
                    catch (RuleViolation)
                    {
                        succeeded = false;
                    }

                    if (succeeded != allowed || (!succeeded && ticket.State != before))
                    {
                        return false;
                    }
                }

                return true;
            })
            .QuickCheckThrowOnFailure();
}

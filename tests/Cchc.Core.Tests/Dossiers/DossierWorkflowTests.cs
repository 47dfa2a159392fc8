using System.Text;
using Cchc.Core.Common;
using Cchc.Core.Dossiers;

namespace Cchc.Core.Tests.Dossiers;

public sealed class DossierWorkflowTests
{
    [Fact]
    public void A_dossier_goes_from_submission_through_a_supplement_to_delivery()
    {
        // domain-rules A2 recommended machine: 1 → 2 → 4 ↔ 5 → 9 → 10.
        var status = DossierStatus.Submitted;
        foreach (var action in new[]
                 {
                     DossierAction.Receive, DossierAction.StartProcessing, DossierAction.RequestSupplement,
                     DossierAction.CompleteSupplement, DossierAction.RequestPayment, DossierAction.CompletePayment,
                     DossierAction.Resolve, DossierAction.Deliver,
                 })
        {
            status = DossierWorkflow.Apply(status, action);
        }

        Assert.Equal(DossierStatus.Delivered, status);
    }

    [Theory]
    [InlineData(DossierStatus.Resolved)]
    [InlineData(DossierStatus.Delivered)]
    public void A_resolved_or_delivered_dossier_cannot_be_stopped(DossierStatus status)
    {
        // domain-rules A2: "Forbid stopping a dossier in 9/10".
        var error = Assert.Throws<RuleViolation>(() => DossierWorkflow.Apply(status, DossierAction.Stop));

        Assert.Equal($"Không thể dừng xử lý hồ sơ khi hồ sơ đang ở trạng thái «{DossierWorkflow.Name(status)}».", error.Message);
    }

    [Fact]
    public void A_forbidden_jump_is_refused_with_a_Vietnamese_message()
    {
        var error = Assert.Throws<RuleViolation>(() => DossierWorkflow.Apply(DossierStatus.InProgress, DossierAction.Deliver));

        Assert.Equal("Không thể trả kết quả khi hồ sơ đang ở trạng thái «Đang xử lý».", error.Message);
        Assert.True(error.Message.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(DossierStatus.Submitted)]
    [InlineData(DossierStatus.Received)]
    [InlineData(DossierStatus.InProgress)]
    [InlineData(DossierStatus.AwaitingSupplement)]
    [InlineData(DossierStatus.AwaitingPayment)]
    public void Any_open_dossier_can_be_withdrawn_and_the_withdrawal_stops_it(DossierStatus status)
    {
        // domain-rules A2: any non-terminal → WithdrawalRequested(7) → Stopped(8).
        var requested = DossierWorkflow.Apply(status, DossierAction.RequestWithdrawal);

        Assert.Equal(DossierStatus.WithdrawalRequested, requested);
        Assert.Equal(DossierStatus.Stopped, DossierWorkflow.Apply(requested, DossierAction.ConfirmWithdrawal));
    }

    [Fact]
    public void Refused_stopped_and_delivered_dossiers_allow_no_action_and_resolved_ones_only_delivery()
    {
        foreach (var status in Enum.GetValues<DossierStatus>().Where(DossierWorkflow.IsTerminal))
        {
            Assert.Empty(DossierWorkflow.AllowedActions(status));
        }

        Assert.Equal([DossierAction.Deliver], DossierWorkflow.AllowedActions(DossierStatus.Resolved));
    }

    [Fact]
    public void Processing_ends_with_status_9_10_8_or_3()
    {
        // domain-rules A7: finish = time of status 9, else 10, else 8/3.
        Assert.Equal(
            [DossierStatus.Refused, DossierStatus.Stopped, DossierStatus.Resolved, DossierStatus.Delivered],
            Enum.GetValues<DossierStatus>().Where(DossierWorkflow.EndsProcessing));
    }

    [Fact]
    public void Status_codes_are_those_of_the_national_portal()
    {
        // domain-rules A2 (DVCQG codes 1–10).
        Assert.Equal(
            Enumerable.Range(1, 10),
            Enum.GetValues<DossierStatus>().Select(s => (int)s));
        Assert.Equal("Yêu cầu bổ sung giấy tờ", DossierWorkflow.Name(DossierStatus.AwaitingSupplement));
        Assert.Equal("Công dân yêu cầu rút hồ sơ", DossierWorkflow.Name(DossierStatus.WithdrawalRequested));
    }

    [Fact]
    public void Each_status_and_action_has_at_most_one_next_status()
    {
        var duplicates = DossierWorkflow.Transitions.GroupBy(t => (t.From, t.Action)).Where(g => g.Count() > 1);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Refusal_is_only_possible_at_intake()
    {
        // NĐ 61 art. 17.1b: Phiếu từ chối at intake; after appraisal the dossier is stopped (art. 19.8).
        Assert.Equal(DossierStatus.Refused, DossierWorkflow.Apply(DossierStatus.Submitted, DossierAction.Refuse));
        Assert.False(DossierWorkflow.CanApply(DossierStatus.InProgress, DossierAction.Refuse));
        Assert.Equal(DossierStatus.Stopped, DossierWorkflow.Apply(DossierStatus.InProgress, DossierAction.Stop));
    }
}

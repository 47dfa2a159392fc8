using Cchc.Core.Common;

namespace Cchc.Core.Dossiers;

/// <summary>Dossier statuses with the national portal's (DVCQG) synchronisation codes (domain-rules A2).</summary>
public enum DossierStatus
{
    Submitted = 1,
    Received = 2,
    Refused = 3,
    InProgress = 4,
    AwaitingSupplement = 5,
    AwaitingPayment = 6,
    WithdrawalRequested = 7,
    Stopped = 8,
    Resolved = 9,
    Delivered = 10,
}

public enum DossierAction
{
    Receive,
    Refuse,
    StartProcessing,
    RequestSupplement,
    CompleteSupplement,
    RequestPayment,
    CompletePayment,
    RequestWithdrawal,
    ConfirmWithdrawal,
    Stop,
    Resolve,
    Deliver,
}

/// <summary>One allowed step of the workflow.</summary>
public sealed record DossierTransition(DossierStatus From, DossierAction Action, DossierStatus To);

/// <summary>
/// The dossier state machine as a table (domain-rules A2, recommended internal machine; NĐ 61 art. 15.3,
/// 17.1, 19.4, 19.8). Anything not in the table is refused with a Vietnamese <see cref="RuleViolation"/>.
/// </summary>
public static class DossierWorkflow
{
    private static readonly DossierStatus[] Open =
    [
        DossierStatus.Submitted, DossierStatus.Received, DossierStatus.InProgress,
        DossierStatus.AwaitingSupplement, DossierStatus.AwaitingPayment,
    ];

    public static IReadOnlyList<DossierTransition> Transitions { get; } =
    [
        new(DossierStatus.Submitted, DossierAction.Receive, DossierStatus.Received),          // NĐ 61 art. 17.1c
        new(DossierStatus.Submitted, DossierAction.Refuse, DossierStatus.Refused),            // NĐ 61 art. 17.1b
        new(DossierStatus.Received, DossierAction.StartProcessing, DossierStatus.InProgress),
        new(DossierStatus.InProgress, DossierAction.RequestSupplement, DossierStatus.AwaitingSupplement), // art. 19.4
        new(DossierStatus.AwaitingSupplement, DossierAction.CompleteSupplement, DossierStatus.InProgress),
        new(DossierStatus.InProgress, DossierAction.RequestPayment, DossierStatus.AwaitingPayment),
        new(DossierStatus.AwaitingPayment, DossierAction.CompletePayment, DossierStatus.InProgress),
        .. Open.Select(s => new DossierTransition(s, DossierAction.RequestWithdrawal, DossierStatus.WithdrawalRequested)),
        new(DossierStatus.WithdrawalRequested, DossierAction.ConfirmWithdrawal, DossierStatus.Stopped),
        new(DossierStatus.InProgress, DossierAction.Stop, DossierStatus.Stopped),             // art. 19.8 refusal after appraisal
        new(DossierStatus.InProgress, DossierAction.Resolve, DossierStatus.Resolved),
        new(DossierStatus.Resolved, DossierAction.Deliver, DossierStatus.Delivered),
    ];

    private static readonly Dictionary<(DossierStatus, DossierAction), DossierStatus> Table =
        Transitions.ToDictionary(t => (t.From, t.Action), t => t.To);

    /// <summary>No action leads out of it.</summary>
    public static bool IsTerminal(DossierStatus status) =>
        status is DossierStatus.Refused or DossierStatus.Stopped or DossierStatus.Delivered;

    /// <summary>
    /// Processing has ended, for timeliness: status 9, 10, 8 or 3 (domain-rules A7: the end is the time of
    /// status 9, else 10, else 8/3).
    /// </summary>
    public static bool EndsProcessing(DossierStatus status) => IsTerminal(status) || status == DossierStatus.Resolved;

    public static IEnumerable<DossierAction> AllowedActions(DossierStatus from) =>
        Transitions.Where(t => t.From == from).Select(t => t.Action);

    public static bool CanApply(DossierStatus from, DossierAction action) => Table.ContainsKey((from, action));

    /// <summary>The status after <paramref name="action"/>; a step the table does not allow throws.</summary>
    public static DossierStatus Apply(DossierStatus from, DossierAction action) =>
        Table.TryGetValue((from, action), out var to)
            ? to
            : throw new RuleViolation($"Không thể {Verb(action)} khi hồ sơ đang ở trạng thái «{Name(from)}».", "status");

    /// <summary>The Vietnamese name of a status as the national portal shows it.</summary>
    public static string Name(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "Mới đăng ký",
        DossierStatus.Received => "Được tiếp nhận",
        DossierStatus.Refused => "Không được tiếp nhận",
        DossierStatus.InProgress => "Đang xử lý",
        DossierStatus.AwaitingSupplement => "Yêu cầu bổ sung giấy tờ",
        DossierStatus.AwaitingPayment => "Yêu cầu thực hiện nghĩa vụ tài chính",
        DossierStatus.WithdrawalRequested => "Công dân yêu cầu rút hồ sơ",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.Resolved => "Đã xử lý xong",
        DossierStatus.Delivered => "Đã trả kết quả",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string Verb(DossierAction action) => action switch
    {
        DossierAction.Receive => "tiếp nhận hồ sơ",
        DossierAction.Refuse => "từ chối tiếp nhận hồ sơ",
        DossierAction.StartProcessing => "chuyển hồ sơ xử lý",
        DossierAction.RequestSupplement => "yêu cầu bổ sung hồ sơ",
        DossierAction.CompleteSupplement => "ghi nhận hồ sơ đã bổ sung",
        DossierAction.RequestPayment => "yêu cầu thực hiện nghĩa vụ tài chính",
        DossierAction.CompletePayment => "ghi nhận đã thực hiện nghĩa vụ tài chính",
        DossierAction.RequestWithdrawal => "ghi nhận yêu cầu rút hồ sơ",
        DossierAction.ConfirmWithdrawal => "xác nhận rút hồ sơ",
        DossierAction.Stop => "dừng xử lý hồ sơ",
        DossierAction.Resolve => "ghi nhận đã xử lý xong",
        DossierAction.Deliver => "trả kết quả",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

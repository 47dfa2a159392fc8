using Cchc.Core.Common;
using Cchc.Core.Text;

namespace Cchc.Core.Plans;

/// <summary>The stored state of a task. "Overdue" is not one of them: it is derived (<see cref="TaskStatusRules"/>).</summary>
public enum PlanTaskStatus
{
    NotStarted,
    InProgress,
    Done,

    /// <summary>Dropped with the approval of the plan's issuer; left out of completion rates (domain-rules E1.2).</summary>
    Cancelled,
}

/// <summary>
/// A task of a plan (nhiệm vụ): a row of the appendix (seeds 002, 003) or a bullet of the content. The lead
/// and partner units are unit ids once the user has matched them; <see cref="LeadText"/> and
/// <see cref="PartnersText"/> keep the plan's words ("Văn phòng", "Các phòng Sở").
/// </summary>
public sealed class PlanTask : IVersioned
{
    public const int MaxContentLength = 4000;

    private List<int> _partnerUnitIds = [];
    private List<Deadline> _deadlines = [];

    private PlanTask() { }

    public PlanTask(string number, string content, string? area, IEnumerable<Deadline> deadlines)
    {
        Edit(number, content, area, null, null);
        SetDeadlines(deadlines);
    }

    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public string Number { get; private set; } = "";
    public string Content { get; private set; } = "";
    public string? Area { get; private set; }
    public int? LeadUnitId { get; private set; }
    public IReadOnlyList<int> PartnerUnitIds => _partnerUnitIds;
    public string? LeadText { get; private set; }
    public string? PartnersText { get; private set; }
    /// <summary>The product the task delivers: "Kế hoạch", "Báo cáo", "Quyết định", "Công văn"…</summary>
    public string? ProductType { get; private set; }
    /// <summary>The requirement or scoring rule of the row ("Ban hành sau thời điểm … thì không tính điểm").</summary>
    public string? Requirement { get; private set; }
    /// <summary>The deadlines in document order, each keeping the plan's words; the last due date decides lateness.</summary>
    public IReadOnlyList<Deadline> Deadlines => _deadlines;
    public PlanTaskStatus Status { get; private set; }
    public int Progress { get; private set; }
    public string? ProductNumber { get; private set; }
    public DateOnly? ProductDate { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? CancellationApproval { get; private set; }
    public int Version { get; set; }

    /// <summary>
    /// The last due date the deadlines fix; null when none fixes a date ("Theo yêu cầu của Sở Nội vụ"). Kept
    /// as a column so that lists can filter overdue tasks in the database; it changes only with the deadlines.
    /// </summary>
    public DateOnly? LastDue { get; private set; }

    public void Edit(string number, string content, string? area, string? productType, string? requirement)
    {
        number = VietnameseText.FoldWhitespace(number);
        content = VietnameseText.Nfc(content).Trim();
        if (number.Length > 20) throw new RuleViolation("Số thứ tự nhiệm vụ tối đa 20 ký tự.", nameof(Number));
        if (content.Length == 0) throw new RuleViolation("Nội dung nhiệm vụ bắt buộc.", nameof(Content));
        if (content.Length > MaxContentLength)
            throw new RuleViolation($"Nội dung nhiệm vụ tối đa {MaxContentLength} ký tự.", nameof(Content));
        Number = number;
        Content = content;
        Area = ReformAreaNames.Check(area, nameof(Area));
        ProductType = Plan.Optional(productType, 200, "Sản phẩm", nameof(ProductType));
        Requirement = Plan.Optional(requirement, MaxContentLength, "Yêu cầu", nameof(Requirement));
    }

    public void Assign(int? leadUnitId, IEnumerable<int> partnerUnitIds, string? leadText = null, string? partnersText = null)
    {
        var partners = partnerUnitIds.Distinct().ToList();
        if (leadUnitId is { } lead && partners.Contains(lead))
            throw new RuleViolation("Đơn vị chủ trì không đồng thời là đơn vị phối hợp.", nameof(PartnerUnitIds));
        LeadUnitId = leadUnitId;
        _partnerUnitIds.Clear();
        _partnerUnitIds.AddRange(partners);
        LeadText = Plan.Optional(leadText, 500, "Đơn vị chủ trì", nameof(LeadText));
        PartnersText = Plan.Optional(partnersText, 1000, "Đơn vị phối hợp", nameof(PartnersText));
    }

    public void SetDeadlines(IEnumerable<Deadline> deadlines)
    {
        var list = deadlines.ToList();
        foreach (var d in list)
        {
            if (VietnameseText.FoldWhitespace(d.Text).Length is 0 or > DeadlineParser.MaxParsedLength)
                throw new RuleViolation("Mỗi thời hạn cần giữ nguyên văn bản (tối đa 2000 ký tự).", nameof(Deadlines));
            if (d.From is { } f && d.Due is { } u && f > u)
                throw new RuleViolation($"Thời hạn \"{d.Text}\": ngày bắt đầu sau ngày kết thúc.", nameof(Deadlines));
        }
        _deadlines.Clear();
        _deadlines.AddRange(list);
        LastDue = list.Select(d => d.Due).Where(d => d is not null).Max();
    }

    /// <summary>Progress of an unfinished task; 0 means not started.</summary>
    public void ReportProgress(int percent)
    {
        EnsureOpen();
        if (Status == PlanTaskStatus.Done)
            throw new RuleViolation("Nhiệm vụ đã hoàn thành; mở lại trước khi cập nhật tiến độ.", nameof(Progress));
        if (percent is < 0 or > 100)
            throw new RuleViolation("Tiến độ phải từ 0 đến 100%.", nameof(Progress));
        Progress = percent;
        Status = percent == 0 ? PlanTaskStatus.NotStarted : PlanTaskStatus.InProgress;
    }

    /// <summary>Done on <paramref name="on"/>, with the product that proves it (số và ngày văn bản), when there is one.</summary>
    public void Complete(DateOnly on, string? productNumber = null, DateOnly? productDate = null)
    {
        EnsureOpen();
        if (productDate is { } p && p > on)
            throw new RuleViolation("Ngày của sản phẩm không được sau ngày hoàn thành.", nameof(ProductDate));
        ProductNumber = Plan.Optional(productNumber, 100, "Số văn bản", nameof(ProductNumber));
        ProductDate = productDate;
        CompletedOn = on;
        Progress = 100;
        Status = PlanTaskStatus.Done;
    }

    /// <summary>A task marked done by mistake goes back in progress; its completion date is forgotten.</summary>
    public void Reopen()
    {
        if (Status != PlanTaskStatus.Done)
            throw new RuleViolation("Chỉ nhiệm vụ đã hoàn thành mới mở lại được.", nameof(Status));
        Status = PlanTaskStatus.InProgress;
        CompletedOn = null;
        Progress = 99;
    }

    public void Cancel(string approval)
    {
        EnsureOpen();
        if (Status == PlanTaskStatus.Done)
            throw new RuleViolation("Nhiệm vụ đã hoàn thành, không thể hủy.", nameof(Status));
        approval = VietnameseText.FoldWhitespace(approval);
        if (approval.Length is 0 or > 500)
            throw new RuleViolation("Hủy nhiệm vụ cần ghi văn bản chấp thuận của cấp ban hành kế hoạch.", nameof(CancellationApproval));
        CancellationApproval = approval;
        Status = PlanTaskStatus.Cancelled;
    }

    /// <summary>The facts the status and completion rules read (a query can project the same record).</summary>
    public TaskFacts Facts() => new(Status, LastDue, CompletedOn);

    /// <summary>A copy for a subordinate unit's plan: the same content and deadlines, not started, not yet assigned.</summary>
    internal PlanTask CopyUnassigned()
    {
        var copy = new PlanTask(Number, Content, Area, _deadlines);
        copy.Edit(Number, Content, Area, ProductType, Requirement);
        return copy;
    }

    private void EnsureOpen()
    {
        if (Status == PlanTaskStatus.Cancelled)
            throw new RuleViolation("Nhiệm vụ đã hủy.", nameof(Status));
    }
}

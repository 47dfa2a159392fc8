using Cchc.Core.Common;
using Cchc.Core.Text;

namespace Cchc.Core.Plans;

public enum PlanStatus
{
    Draft,
    Issued,
    Superseded,
}

/// <summary>
/// A reform plan (Kế hoạch CCHC): its header, its sections, targets and tasks. The content is edited while
/// the plan is a draft; once issued only tasks' progress and targets' entered figures move (the tasks are
/// the plan's own records). A plan made from a parent's plan points to it by <see cref="ParentPlanId"/>.
/// </summary>
public sealed class Plan : IVersioned
{
    public const int MaxTitleLength = 500;
    public const int MaxTextLength = 8000;

    private List<string> _bases = [];
    private readonly List<PlanSection> _sections = [];
    private readonly List<Target> _targets = [];
    private readonly List<PlanTask> _tasks = [];

    private Plan() { }

    public Plan(int issuingUnitId, string title, int periodFrom, int periodTo)
    {
        IssuingUnitId = issuingUnitId;
        Describe(title, periodFrom, periodTo);
    }

    public int Id { get; private set; }
    /// <summary>"375/KH-SGDĐT"; null until the plan is issued (drafts are often numbered at signature).</summary>
    public string? Number { get; private set; }
    public int IssuingUnitId { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public int PeriodFrom { get; private set; }
    public int PeriodTo { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The legal bases ("Căn cứ …", "Thực hiện …"), in document order.</summary>
    public IReadOnlyList<string> Bases => _bases;
    public string? Purpose { get; private set; }
    public string? Requirements { get; private set; }
    public PlanStatus Status { get; private set; }
    /// <summary>The date subordinate units must issue their own plan by (000: 25/02/2022); null when the plan sets none.</summary>
    public DateOnly? ChildPlanDue { get; private set; }
    public int? ParentPlanId { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<PlanSection> Sections => _sections;
    public IReadOnlyList<Target> Targets => _targets;
    public IReadOnlyList<PlanTask> Tasks => _tasks;

    public void Describe(string title, int periodFrom, int periodTo)
    {
        EnsureDraft();
        title = VietnameseText.FoldWhitespace(title);
        if (title.Length is 0 or > MaxTitleLength)
            throw new RuleViolation($"Tên kế hoạch bắt buộc, tối đa {MaxTitleLength} ký tự.", nameof(Title));
        if (periodFrom is < 2000 or > 2100 || periodTo is < 2000 or > 2100)
            throw new RuleViolation("Năm của kỳ kế hoạch không hợp lệ.", nameof(PeriodFrom));
        if (periodTo < periodFrom)
            throw new RuleViolation("Năm kết thúc kỳ kế hoạch không được trước năm bắt đầu.", nameof(PeriodTo));
        Title = title;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
    }

    public void SetBases(IEnumerable<string> bases)
    {
        EnsureDraft();
        var cleaned = bases.Select(VietnameseText.FoldWhitespace).Where(b => b.Length > 0).ToList();
        if (cleaned.Any(b => b.Length > 2000))
            throw new RuleViolation("Mỗi căn cứ tối đa 2000 ký tự.", nameof(Bases));
        _bases.Clear();
        _bases.AddRange(cleaned);
    }

    public void SetPurpose(string? purpose, string? requirements)
    {
        EnsureDraft();
        Purpose = Optional(purpose, MaxTextLength, "Mục đích", nameof(Purpose));
        Requirements = Optional(requirements, MaxTextLength, "Yêu cầu", nameof(Requirements));
    }

    public void SetChildPlanDue(DateOnly? due)
    {
        EnsureDraft();
        if (due is { } d && (d.Year < PeriodFrom - 1 || d.Year > PeriodTo))
            throw new RuleViolation("Hạn đơn vị cấp dưới ban hành kế hoạch phải nằm trong kỳ kế hoạch (hoặc cuối năm trước).", nameof(ChildPlanDue));
        ChildPlanDue = due;
    }

    /// <summary>Makes this plan the implementation of a parent unit's plan (cascading, domain.md "Child-plan deadline").</summary>
    public void Implement(Plan parent)
    {
        EnsureDraft();
        if (ReferenceEquals(parent, this) || (parent.Id != 0 && parent.Id == Id))
            throw new RuleViolation("Kế hoạch không thể triển khai chính nó.", nameof(ParentPlanId));
        if (parent.IssuingUnitId == IssuingUnitId)
            throw new RuleViolation("Kế hoạch cấp trên phải của một đơn vị khác.", nameof(ParentPlanId));
        ParentPlanId = parent.Id;
    }

    public void Issue(string number, DateOnly issuedOn)
    {
        if (Status != PlanStatus.Draft)
            throw new RuleViolation("Chỉ kế hoạch dự thảo mới được ban hành.", nameof(Status));
        number = VietnameseText.FoldWhitespace(number);
        if (number.Length is 0 or > 50)
            throw new RuleViolation("Số kế hoạch bắt buộc khi ban hành, tối đa 50 ký tự.", nameof(Number));
        if (issuedOn.Year > PeriodTo)
            throw new RuleViolation("Ngày ban hành không được sau kỳ kế hoạch.", nameof(IssuedOn));
        Number = number;
        IssuedOn = issuedOn;
        Status = PlanStatus.Issued;
    }

    /// <summary>An issued plan replaced by a newer one (an amended plan) keeps its history but is no longer followed.</summary>
    public void Supersede()
    {
        if (Status != PlanStatus.Issued)
            throw new RuleViolation("Chỉ kế hoạch đã ban hành mới có thể bị thay thế.", nameof(Status));
        Status = PlanStatus.Superseded;
    }

    public static bool CanMove(PlanStatus from, PlanStatus to) =>
        (from, to) is (PlanStatus.Draft, PlanStatus.Issued) or (PlanStatus.Issued, PlanStatus.Superseded);

    public PlanSection AddSection(string path, string heading, string? area)
    {
        EnsureDraft();
        var section = new PlanSection(path, heading, area);
        if (_sections.Any(s => s.Path == section.Path))
            throw new RuleViolation($"Mục \"{section.Path}\" đã có trong kế hoạch.", nameof(PlanSection.Path));
        _sections.Add(section);
        return section;
    }

    public void RemoveSection(PlanSection section)
    {
        EnsureDraft();
        _sections.Remove(section);
    }

    public Target AddTarget(Target target)
    {
        EnsureDraft();
        if (_targets.Contains(target)) throw new InvalidOperationException("The target is already in the plan.");
        _targets.Add(target);
        return target;
    }

    public void RemoveTarget(Target target)
    {
        EnsureDraft();
        _targets.Remove(target);
    }

    /// <summary>Tasks can be added to an issued plan too: plans are supplemented during the year ("bổ sung nhiệm vụ").</summary>
    public PlanTask AddTask(PlanTask task)
    {
        if (Status == PlanStatus.Superseded)
            throw new RuleViolation("Kế hoạch đã bị thay thế, không thể thêm nhiệm vụ.", nameof(Tasks));
        if (_tasks.Contains(task)) throw new InvalidOperationException("The task is already in the plan.");
        _tasks.Add(task);
        return task;
    }

    public void RemoveTask(PlanTask task)
    {
        EnsureDraft();
        _tasks.Remove(task);
    }

    private void EnsureDraft()
    {
        if (Status != PlanStatus.Draft)
            throw new RuleViolation("Kế hoạch đã ban hành, không thể sửa nội dung.", nameof(Status));
    }

    internal static string? Optional(string? text, int max, string label, string field)
    {
        text = VietnameseText.Nfc(text).Trim();
        if (text.Length == 0) return null;
        if (text.Length > max) throw new RuleViolation($"{label} tối đa {max} ký tự.", field);
        return text;
    }
}

/// <summary>A numbered heading of the plan: path "II.3", its text and the reform area it belongs to.</summary>
public sealed class PlanSection
{
    private PlanSection() { }

    public PlanSection(string path, string heading, string? area)
    {
        path = VietnameseText.FoldWhitespace(path);
        heading = VietnameseText.FoldWhitespace(heading);
        if (path.Length is 0 or > 50) throw new RuleViolation("Số mục bắt buộc, tối đa 50 ký tự.", nameof(Path));
        if (heading.Length is 0 or > 1000) throw new RuleViolation("Tên mục bắt buộc, tối đa 1000 ký tự.", nameof(Heading));
        Path = path;
        Heading = heading;
        Area = ReformAreaNames.Check(area, nameof(Area));
    }

    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public string Path { get; private set; } = "";
    public string Heading { get; private set; } = "";
    public string? Area { get; private set; }
}

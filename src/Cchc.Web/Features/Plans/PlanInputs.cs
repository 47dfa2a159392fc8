using System.ComponentModel.DataAnnotations;

namespace Cchc.Web.Features.Plans;

/// <summary>Body of POST/PUT /api/v1/plans and the plan form: the same attributes validate both.</summary>
public sealed class PlanInput
{
    [Required(ErrorMessage = "Vui lòng nhập tên kế hoạch.")]
    [StringLength(500, ErrorMessage = "Tên kế hoạch tối đa 500 ký tự.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập năm bắt đầu của kỳ kế hoạch.")]
    [Range(2000, 2100, ErrorMessage = "Năm bắt đầu phải từ 2000 đến 2100.")]
    public int? PeriodFrom { get; set; }

    /// <summary>Empty for a one-year plan.</summary>
    [Range(2000, 2100, ErrorMessage = "Năm kết thúc phải từ 2000 đến 2100.")]
    public int? PeriodTo { get; set; }

    /// <summary>Creation only: the issuing unit (the caller's own unit when empty); ignored on edit.</summary>
    public int? IssuingUnitId { get; set; }

    /// <summary>The legal bases ("Căn cứ …"), one per item.</summary>
    public List<string>? Bases { get; set; }

    [StringLength(8000, ErrorMessage = "Mục đích tối đa 8000 ký tự.")]
    public string? Purpose { get; set; }

    [StringLength(8000, ErrorMessage = "Yêu cầu tối đa 8000 ký tự.")]
    public string? Requirements { get; set; }

    /// <summary>Reform area codes (ReformAreaNames.Codes); each becomes a section "II.n" of the content.</summary>
    public List<string>? Areas { get; set; }

    public DateOnly? ChildPlanDue { get; set; }

    /// <summary>The version read (edits only); a stale one is refused with 409.</summary>
    public int? Version { get; set; }
}

/// <summary>Body of PUT /api/v1/plans/{id}: the header as <see cref="PlanInput"/>, and optionally a move to another status.</summary>
public sealed class PlanUpdateInput
{
    [Required(ErrorMessage = "Vui lòng gửi phiên bản (version) của kế hoạch đã đọc.")]
    public int? Version { get; set; }

    /// <summary>The new header while a draft; leave out to change the status only.</summary>
    public PlanInput? Plan { get; set; }

    /// <summary>"Issued" (with number and date) or "Superseded"; empty keeps the status.</summary>
    public string? Status { get; set; }

    [StringLength(50, ErrorMessage = "Số kế hoạch tối đa 50 ký tự.")]
    public string? Number { get; set; }

    public DateOnly? IssuedOn { get; set; }
}

/// <summary>A task (row of the appendix): body of POST /api/v1/plans/{id}/tasks and of the task form.</summary>
public sealed class TaskInput
{
    [StringLength(20, ErrorMessage = "Số thứ tự tối đa 20 ký tự.")]
    public string? Number { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập nội dung nhiệm vụ.")]
    [StringLength(4000, ErrorMessage = "Nội dung nhiệm vụ tối đa 4000 ký tự.")]
    public string? Content { get; set; }

    public string? Area { get; set; }

    public int? LeadUnitId { get; set; }

    public List<int>? PartnerUnitIds { get; set; }

    [StringLength(500, ErrorMessage = "Đơn vị chủ trì (nguyên văn) tối đa 500 ký tự.")]
    public string? LeadText { get; set; }

    [StringLength(1000, ErrorMessage = "Đơn vị phối hợp (nguyên văn) tối đa 1000 ký tự.")]
    public string? PartnersText { get; set; }

    [StringLength(200, ErrorMessage = "Sản phẩm tối đa 200 ký tự.")]
    public string? ProductType { get; set; }

    [StringLength(4000, ErrorMessage = "Yêu cầu tối đa 4000 ký tự.")]
    public string? Requirement { get; set; }

    /// <summary>The plan's words, one deadline per line ("Quý I/2022", "Lần 1: … Lần 2: …", "Theo yêu cầu của Sở Nội vụ").</summary>
    [StringLength(2000, ErrorMessage = "Thời hạn tối đa 2000 ký tự.")]
    public string? Deadlines { get; set; }

    public int? Version { get; set; }
}

/// <summary>Body of PUT /api/v1/tasks/{id} and the progress form: what the lead unit reports.</summary>
public sealed class TaskProgressInput
{
    [Required(ErrorMessage = "Vui lòng gửi phiên bản (version) của nhiệm vụ đã đọc.")]
    public int? Version { get; set; }

    /// <summary>NotStarted, InProgress or Done.</summary>
    [Required(ErrorMessage = "Vui lòng chọn trạng thái.")]
    public string? Status { get; set; }

    [Range(0, 100, ErrorMessage = "Tiến độ phải từ 0 đến 100%.")]
    public int? Progress { get; set; }

    /// <summary>Done only: the day the task was finished (today when empty).</summary>
    public DateOnly? CompletedOn { get; set; }

    [StringLength(100, ErrorMessage = "Số văn bản tối đa 100 ký tự.")]
    public string? ProductNumber { get; set; }

    public DateOnly? ProductDate { get; set; }
}

/// <summary>A target or a trajectory (several years in one line), as the target form sends it.</summary>
public sealed class TargetLineInput
{
    /// <summary>A code of the indicator catalogue; empty for a figure of the plan's own (then <see cref="CustomName"/>).</summary>
    public string? IndicatorCode { get; set; }

    [StringLength(500, ErrorMessage = "Tên chỉ tiêu tối đa 500 ký tự.")]
    public string? CustomName { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn phép so sánh.")]
    public string? Comparator { get; set; } = ">=";

    [Required(ErrorMessage = "Vui lòng chọn đơn vị tính.")]
    public string? Unit { get; set; } = "%";

    /// <summary>"100" with <see cref="Year"/>, or a trajectory "2023: 30; 2025: 50".</summary>
    [Required(ErrorMessage = "Vui lòng nhập giá trị chỉ tiêu.")]
    [StringLength(500, ErrorMessage = "Giá trị theo năm tối đa 500 ký tự.")]
    public string? Values { get; set; }

    [Range(2000, 2100, ErrorMessage = "Năm phải từ 2000 đến 2100.")]
    public int? Year { get; set; }

    [StringLength(4000, ErrorMessage = "Nội dung chỉ tiêu tối đa 4000 ký tự.")]
    public string? Text { get; set; }

    public double? ValueTo { get; set; }

    public double? GroupMinimum { get; set; }

    /// <summary>None, Increase or Decrease (change over <see cref="BaseYear"/>).</summary>
    public string? Change { get; set; }

    public int? BaseYear { get; set; }
}

public sealed class TargetFigureInput
{
    [Required(ErrorMessage = "Vui lòng nhập số liệu đạt được.")]
    public double? Value { get; set; }

    [Required(ErrorMessage = "Vui lòng ghi rõ tài liệu kiểm chứng.")]
    [StringLength(4000, ErrorMessage = "Tài liệu kiểm chứng tối đa 4000 ký tự.")]
    public string? EvidenceNote { get; set; }
}

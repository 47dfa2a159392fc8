using Cchc.Core.Common;
using Cchc.Core.Text;

namespace Cchc.Core.Plans;

/// <summary>Whether the value is a level, or a change over <see cref="Target.BaseYear"/> ("tăng bậc so với năm 2021").</summary>
public enum TargetChange
{
    None,
    Increase,
    Decrease,
}

/// <summary>
/// A measurable commitment of a plan (chỉ tiêu): an indicator of the catalogue (or a name of the plan's
/// own), a comparator, a value, a unit and the year the value is due. A trajectory ("≥30% by 2023 and
/// ≥50% by 2025", seed 001) is several targets sharing one <see cref="LineKey"/>. Until the engine gives a
/// live value, a figure is entered with its evidence.
/// </summary>
public sealed class Target : IVersioned
{
    public const int MaxTextLength = 4000;

    private Target() { }

    public Target(string? indicatorCode, string? customName, Comparator comparator, double value, string unit, int? year)
    {
        Define(indicatorCode, customName, comparator, value, unit, year);
    }

    public int Id { get; private set; }
    public int PlanId { get; private set; }
    /// <summary>A code of the indicator catalogue (domain.md); null for a target the catalogue does not know.</summary>
    public string? IndicatorCode { get; private set; }
    /// <summary>The name shown when there is no indicator code ("Tổ chức đối thoại với doanh nghiệp").</summary>
    public string? CustomName { get; private set; }
    public Comparator Comparator { get; private set; }
    public double Value { get; private set; }
    /// <summary>"%", "minutes", "times", "rank", "points" (plan-import.md).</summary>
    public string Unit { get; private set; } = "%";
    public int? Year { get; private set; }
    /// <summary>Targets of one trajectory share this key; a single target's key is empty.</summary>
    public string LineKey { get; private set; } = "";
    /// <summary>The plan's sentence the target came from.</summary>
    public string? Text { get; private set; }
    public string? SectionPath { get; private set; }
    /// <summary>
    /// A floor every group must reach as well as the whole (seed 004: "đạt trên 97% không có lĩnh vực nào
    /// dưới 95%" = value 97, group minimum 95 per field).
    /// </summary>
    public double? GroupMinimum { get; private set; }
    /// <summary>The top of a range ("từ 30 đến 40%", seed 004); the target is judged on <see cref="Value"/>, its floor.</summary>
    public double? ValueTo { get; private set; }
    /// <summary>For a change target, the change is measured against this year's value (evaluation is given the change).</summary>
    public TargetChange Change { get; private set; }
    public int? BaseYear { get; private set; }
    public double? EnteredValue { get; private set; }
    public string? EvidenceNote { get; private set; }
    public DateOnly? EnteredOn { get; private set; }
    public int Version { get; set; }

    public string DisplayName => CustomName ?? IndicatorCode ?? "";

    public void Define(string? indicatorCode, string? customName, Comparator comparator, double value, string unit, int? year)
    {
        indicatorCode = string.IsNullOrWhiteSpace(indicatorCode) ? null : indicatorCode.Trim().ToUpperInvariant();
        customName = VietnameseText.FoldWhitespace(customName);
        if (indicatorCode is null && customName.Length == 0)
            throw new RuleViolation("Chỉ tiêu cần mã chỉ số hoặc tên.", nameof(CustomName));
        if (indicatorCode is { Length: > 60 })
            throw new RuleViolation("Mã chỉ số tối đa 60 ký tự.", nameof(IndicatorCode));
        if (customName.Length > 500)
            throw new RuleViolation("Tên chỉ tiêu tối đa 500 ký tự.", nameof(CustomName));
        unit = (unit ?? "").Trim();
        if (unit.Length is 0 or > 20)
            throw new RuleViolation("Đơn vị tính bắt buộc, tối đa 20 ký tự.", nameof(Unit));
        CheckFigure(value, unit, nameof(Value));
        if (year is < 2000 or > 2100)
            throw new RuleViolation("Năm của chỉ tiêu không hợp lệ.", nameof(Year));
        if (GroupMinimum is { } min && unit == "%" && min > value && comparator.WantsMore())
            throw new RuleViolation("Mức tối thiểu của từng nhóm không được cao hơn chỉ tiêu chung.", nameof(GroupMinimum));
        IndicatorCode = indicatorCode;
        CustomName = customName.Length == 0 ? null : customName;
        Comparator = comparator;
        Value = value;
        Unit = unit;
        Year = year;
    }

    public void Describe(string? text, string? sectionPath)
    {
        Text = Plan.Optional(text, MaxTextLength, "Nội dung chỉ tiêu", nameof(Text));
        SectionPath = Plan.Optional(sectionPath, 50, "Số mục", nameof(SectionPath));
    }

    public void JoinLine(string lineKey)
    {
        lineKey = (lineKey ?? "").Trim();
        if (lineKey.Length > 60) throw new RuleViolation("Mã lộ trình tối đa 60 ký tự.", nameof(LineKey));
        LineKey = lineKey;
    }

    public void SetGroupMinimum(double? minimum)
    {
        if (minimum is { } m)
        {
            CheckFigure(m, Unit, nameof(GroupMinimum));
            if (Unit == "%" && Comparator.WantsMore() && m > Value)
                throw new RuleViolation("Mức tối thiểu của từng nhóm không được cao hơn chỉ tiêu chung.", nameof(GroupMinimum));
        }
        GroupMinimum = minimum;
    }

    public void SetRange(double? valueTo)
    {
        if (valueTo is { } top)
        {
            CheckFigure(top, Unit, nameof(ValueTo));
            if (top < Value) throw new RuleViolation("Cận trên của khoảng không được nhỏ hơn giá trị chỉ tiêu.", nameof(ValueTo));
        }
        ValueTo = valueTo;
    }

    public void SetChange(TargetChange change, int? baseYear)
    {
        if (change == TargetChange.None) baseYear = null;
        if (baseYear is { } b && (b < 2000 || (Year is { } y && b >= y)))
            throw new RuleViolation("Năm gốc phải trước năm của chỉ tiêu.", nameof(BaseYear));
        Change = change;
        BaseYear = baseYear;
    }

    /// <summary>Records a figure the system cannot compute, with the evidence it rests on (tài liệu kiểm chứng).</summary>
    public void Enter(double value, string evidenceNote, DateOnly on)
    {
        CheckFigure(value, Unit, nameof(EnteredValue));
        evidenceNote = VietnameseText.Nfc(evidenceNote).Trim();
        if (evidenceNote.Length is 0 or > MaxTextLength)
            throw new RuleViolation($"Cần ghi rõ tài liệu kiểm chứng cho số liệu nhập tay (tối đa {MaxTextLength} ký tự).", nameof(EvidenceNote));
        EnteredValue = value;
        EvidenceNote = evidenceNote;
        EnteredOn = on;
    }

    public void ClearEntry()
    {
        EnteredValue = null;
        EvidenceNote = null;
        EnteredOn = null;
    }

    private static void CheckFigure(double value, string unit, string field)
    {
        if (!double.IsFinite(value))
            throw new RuleViolation("Giá trị chỉ tiêu phải là một số.", field);
        if (unit == "%" && value is < 0 or > 100)
            throw new RuleViolation("Tỷ lệ phải từ 0 đến 100%.", field);
        if (unit is "minutes" or "times" or "days" or "hours" && value < 0)
            throw new RuleViolation("Giá trị chỉ tiêu không được âm.", field);
    }
}

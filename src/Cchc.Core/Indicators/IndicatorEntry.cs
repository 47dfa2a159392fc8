using Cchc.Core.Common;
using Cchc.Core.Text;

namespace Cchc.Core.Indicators;

/// <summary>
/// A figure of an indicator the system cannot observe (catalogue source "entered": staff trained, documents
/// signed digitally, dialogues held…), entered for one unit and one reporting period with its evidence.
/// A rate is entered as numerator and denominator (so that it rolls up) or as a bare percentage; a count as
/// a value. One entry per unit, indicator and period: entering again corrects it (who and when is audited).
/// </summary>
public sealed class IndicatorEntry : IVersioned
{
    public const int MaxNoteLength = 2000;

    private IndicatorEntry() { }

    public IndicatorEntry(int unitId, string code, ReportingPeriod period)
    {
        var definition = IndicatorCatalogue.Find(code) ?? throw new RuleViolation("Mã chỉ số không có trong danh mục.", nameof(Code));
        if (definition.IsComputed)
            throw new RuleViolation("Chỉ số này được hệ thống tính từ dữ liệu, không nhập tay.", nameof(Code));
        UnitId = unitId;
        Code = definition.Code;
        Kind = period.Kind;
        PeriodFrom = period.From;
        PeriodTo = period.To;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public string Code { get; private set; } = "";
    public PeriodKind Kind { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public double? Numerator { get; private set; }
    public double? Denominator { get; private set; }
    public double? Value { get; private set; }
    /// <summary>What the evidence is ("Báo cáo số 12/BC-VP ngày 05/4/2025").</summary>
    public string Note { get; private set; } = "";
    public string EnteredBy { get; private set; } = "";
    public DateTime EnteredAtUtc { get; private set; }
    public bool IsDemo { get; private set; }
    public int Version { get; set; }

    public ReportingPeriod Period => new(Kind, PeriodFrom, PeriodTo);

    public IndicatorDefinition Definition => IndicatorCatalogue.Find(Code)!;

    public void MarkDemo() => IsDemo = true;

    /// <summary>
    /// Sets the figure: numerator and denominator together (the value follows), or a value alone. A rate lies
    /// between 0 and 100 and its numerator cannot exceed its denominator; a count is a whole number ≥ 0.
    /// </summary>
    public void Enter(double? numerator, double? denominator, double? value, string? note, string enteredBy, DateTime enteredAtUtc)
    {
        var kind = Definition.Kind;
        if (numerator is not null || denominator is not null)
        {
            if (numerator is not { } n || denominator is not { } d)
                throw new RuleViolation("Nhập đủ cả tử số và mẫu số, hoặc chỉ nhập giá trị.", nameof(Denominator));
            if (!double.IsFinite(n) || !double.IsFinite(d) || n < 0 || d <= 0)
                throw new RuleViolation("Tử số phải ≥ 0 và mẫu số phải > 0.", nameof(Denominator));
            if (kind == IndicatorKind.Rate && n > d)
                throw new RuleViolation("Tử số không được lớn hơn mẫu số.", nameof(Numerator));
            var computed = kind == IndicatorKind.Rate ? IndicatorValue.Rate(Code, n, d) : IndicatorValue.Average(Code, n, d);
            if (kind == IndicatorKind.Count) computed = IndicatorValue.Of(Code, n);
            (Numerator, Denominator, Value) = (n, d, computed.Value);
        }
        else
        {
            if (value is not { } v || !double.IsFinite(v))
                throw new RuleViolation("Nhập giá trị, hoặc tử số và mẫu số.", nameof(Value));
            if (v < 0) throw new RuleViolation("Giá trị không được âm.", nameof(Value));
            if (kind == IndicatorKind.Rate && v > 100) throw new RuleViolation("Tỷ lệ không được lớn hơn 100%.", nameof(Value));
            if (kind == IndicatorKind.Count && v != Math.Floor(v)) throw new RuleViolation("Số lần phải là số nguyên.", nameof(Value));
            (Numerator, Denominator, Value) = (null, null, v);
        }
        note = VietnameseText.FoldWhitespace(note);
        if (note.Length == 0) throw new RuleViolation("Ghi rõ tài liệu kiểm chứng (số, ngày văn bản, nguồn số liệu).", nameof(Note));
        if (note.Length > MaxNoteLength) throw new RuleViolation($"Ghi chú tối đa {MaxNoteLength} ký tự.", nameof(Note));
        Note = note;
        EnteredBy = enteredBy;
        EnteredAtUtc = enteredAtUtc;
    }

    public IndicatorValue ToValue() => new(Code, Numerator, Denominator, Value);
}

/// <summary>
/// How entered figures add up over a period and a subtree (docs/indicators.md "Entered values"):
/// for one unit, the entries of the coarsest period kind present are used (a year's figure over its
/// months'); a count adds up, a rate with numerator/denominator sums both, a bare rate takes the latest.
/// Across units, fractions roll up (<see cref="IndicatorValue.RollUp"/>) and counts add up; bare rates of
/// several units are never averaged: the result is "no data" with a reason.
/// </summary>
public static class EnteredFigures
{
    public sealed record Combined(IndicatorValue Value, string? Reason);

    public static Combined Combine(string code, IEnumerable<(int UnitId, ReportingPeriod Period, IndicatorValue Value)> entries)
    {
        var kind = IndicatorCatalogue.Find(code)?.Kind ?? IndicatorKind.Rate;
        var perUnit = entries.GroupBy(e => e.UnitId).Select(g =>
        {
            var coarsest = g.Max(e => Coarseness(e.Period.Kind));
            var chosen = g.Where(e => Coarseness(e.Period.Kind) == coarsest).OrderBy(e => e.Period.To).ToList();
            return Fold(code, kind, chosen.Select(e => e.Value).ToList());
        }).ToList();
        if (perUnit.Count == 0) return new(IndicatorValue.Of(code, null), null);
        if (perUnit.Count == 1) return new(perUnit[0], null);
        if (kind == IndicatorKind.Count) return new(IndicatorValue.Of(code, perUnit.Sum(v => v.Value ?? 0)), null);
        if (perUnit.All(v => v.Numerator is not null && v.Denominator is not null)) return new(IndicatorValue.RollUp(code, perUnit), null);
        return new(IndicatorValue.Of(code, null), "Một số đơn vị chỉ nhập tỷ lệ (không có tử số, mẫu số) nên không cộng dồn được.");
    }

    private static IndicatorValue Fold(string code, IndicatorKind kind, IReadOnlyList<IndicatorValue> values)
    {
        if (kind == IndicatorKind.Count) return IndicatorValue.Of(code, values.Sum(v => v.Value ?? 0));
        if (values.All(v => v.Numerator is not null && v.Denominator is not null)) return IndicatorValue.RollUp(code, values);
        return values[^1];
    }

    /// <summary>Year over half over quarter over month; a free range counts as the finest.</summary>
    private static int Coarseness(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => 4,
        PeriodKind.Half => 3,
        PeriodKind.Quarter => 2,
        PeriodKind.Month => 1,
        _ => 0,
    };
}

using System.Text.Json.Serialization;

namespace Cchc.Core.PlanImport;

// The output contract of plan-import.md. Property names are fixed by the contract (camelCase); fields
// beyond the contract are additions, never renames. Dates serialise as ISO yyyy-MM-dd.

/// <summary>A plan document read into structure, for the user to correct on the preview page.</summary>
public sealed record ImportedPlan(
    [property: JsonPropertyName("document")] ImportedDocument Document,
    [property: JsonPropertyName("sections")] IReadOnlyList<ImportedSection> Sections,
    [property: JsonPropertyName("targets")] IReadOnlyList<ImportedTarget> Targets,
    [property: JsonPropertyName("tasks")] IReadOnlyList<ImportedTask> Tasks,
    [property: JsonPropertyName("reports")] IReadOnlyList<ImportedReport> Reports,
    [property: JsonPropertyName("childPlanDue")] DateOnly? ChildPlanDue,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);

public sealed record ImportedDocument(
    [property: JsonPropertyName("number")] string? Number,
    [property: JsonPropertyName("place")] string? Place,
    [property: JsonPropertyName("issuedOn")] DateOnly? IssuedOn,
    [property: JsonPropertyName("issuedYear")] int? IssuedYear,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("periodFrom")] int? PeriodFrom,
    [property: JsonPropertyName("periodTo")] int? PeriodTo,
    [property: JsonPropertyName("bases")] IReadOnlyList<string> Bases,
    [property: JsonPropertyName("signer")] ImportedSigner? Signer,
    [property: JsonPropertyName("recipients")] IReadOnlyList<string> Recipients)
{
    /// <summary>The letterhead's issuing bodies, top to bottom ("UBND TỈNH BÀ RỊA – VŨNG TÀU / SỞ GIÁO DỤC VÀ ĐÀO TẠO").</summary>
    [JsonPropertyName("issuer")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Issuer { get; init; }
}

/// <summary>"KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" keeps both lines of the title, joined by " / ".</summary>
public sealed record ImportedSigner(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>A numbered heading: path "II.3" or "IV.3.1", its text, its reform area or null.</summary>
public sealed record ImportedSection(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("heading")] string Heading,
    [property: JsonPropertyName("area")] string? Area);

/// <summary>
/// A measurable commitment. <see cref="Unit"/> is "%", "minutes", "days", "hours", "times" (per year),
/// "rank" (ranks gained over <see cref="BaseYear"/>) or "points" (score gained over <see cref="BaseYear"/>).
/// <see cref="Change"/> is "increase"/"decrease" when the value is a change rather than a level;
/// <see cref="ValueTo"/> closes a range ("từ 30 đến 40%").
/// </summary>
public sealed record ImportedTarget(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("indicator")] string? Indicator,
    [property: JsonPropertyName("comparator")] string Comparator,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("section")] string? Section)
{
    [JsonPropertyName("valueTo")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ValueTo { get; init; }

    [JsonPropertyName("baseYear")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BaseYear { get; init; }

    [JsonPropertyName("change")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Change { get; init; }

    /// <summary>The number of the appendix task whose cells state the target (003 row 16: desk wait ≤ 30 minutes).</summary>
    [JsonPropertyName("task")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Task { get; init; }
}

/// <summary>
/// A task: an appendix row, or a content bullet where the plan has no appendix. Rows split into
/// sub-rows ("a) Sở…", "b) Phòng GD&amp;ĐT…", "c) Đơn vị giáo dục") keep them in <see cref="Parts"/>;
/// the task's lead, partners and deadlines are then the union of its parts'.
/// </summary>
public sealed record ImportedTask(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("area")] string? Area,
    [property: JsonPropertyName("lead")] IReadOnlyList<string> Lead,
    [property: JsonPropertyName("partners")] IReadOnlyList<string> Partners,
    [property: JsonPropertyName("product")] string? Product,
    [property: JsonPropertyName("requirement")] string? Requirement,
    [property: JsonPropertyName("deadlines")] IReadOnlyList<ImportedDeadline> Deadlines)
{
    [JsonPropertyName("section")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Section { get; init; }

    [JsonPropertyName("parts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ImportedTaskPart>? Parts { get; init; }
}

public sealed record ImportedTaskPart(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("lead")] IReadOnlyList<string> Lead,
    [property: JsonPropertyName("partners")] IReadOnlyList<string> Partners,
    [property: JsonPropertyName("product")] string? Product,
    [property: JsonPropertyName("deadlines")] IReadOnlyList<ImportedDeadline> Deadlines);

/// <summary>A deadline: the document's words, the last day allowed (null when none is fixed), and where it is a period, its first day.</summary>
public sealed record ImportedDeadline(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("due")] DateOnly? Due)
{
    [JsonPropertyName("from")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? From { get; init; }
}

/// <summary>One periodic report: period Q1..Q4, H1, YEAR, M01..M12 or ADHOC, its year and due date.</summary>
public sealed record ImportedReport(
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("due")] DateOnly? Due,
    [property: JsonPropertyName("text")] string Text);

/// <summary>Options of one import: the year to assume where the document states none.</summary>
public sealed record PlanImportOptions(int? DefaultYear = null);

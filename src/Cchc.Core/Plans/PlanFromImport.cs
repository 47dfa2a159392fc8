using Cchc.Core.Common;
using Cchc.Core.PlanImport;
using Cchc.Core.Text;

namespace Cchc.Core.Plans;

/// <summary>A plan built from an import, with what could not be taken over as it stood.</summary>
public sealed record ImportedPlanDraft(Plan Plan, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns the importer's output (plan-import.md), as corrected on the preview page, into a plan with its
/// sections, targets and tasks. Nothing is dropped silently: a row the rules refuse is left out with a
/// Vietnamese warning naming it.
/// </summary>
public static class PlanFromImport
{
    /// <summary>
    /// The plan is a draft unless <paramref name="issue"/> is set and the document states its number and
    /// date (an imported plan is usually already signed).
    /// </summary>
    public static ImportedPlanDraft Create(ImportedPlan imported, int issuingUnitId, int fallbackYear, bool issue = false)
    {
        var warnings = new List<string>();
        var doc = imported.Document;
        var from = doc.PeriodFrom ?? doc.IssuedYear ?? fallbackYear;
        var to = doc.PeriodTo is { } t && t >= from ? t : from;
        var title = VietnameseText.FoldWhitespace(doc.Title);
        if (title.Length == 0)
        {
            title = $"Kế hoạch cải cách hành chính năm {from}";
            warnings.Add("Văn bản không có tên kế hoạch; đã đặt tên mặc định.");
        }
        var plan = new Plan(issuingUnitId, title.Length > Plan.MaxTitleLength ? title[..Plan.MaxTitleLength] : title, from, to);
        plan.SetBases(doc.Bases);

        Try(warnings, "Hạn ban hành kế hoạch của đơn vị cấp dưới", () => plan.SetChildPlanDue(imported.ChildPlanDue));

        foreach (var s in imported.Sections)
            Try(warnings, $"Mục {s.Path}", () => plan.AddSection(s.Path, s.Heading, s.Area));

        AddTargets(plan, imported.Targets, warnings);

        foreach (var it in imported.Tasks)
        {
            Try(warnings, $"Nhiệm vụ {it.Number}", () =>
            {
                var task = new PlanTask(it.Number, it.Content, it.Area,
                    it.Deadlines.Select(d => new Deadline(d.Text, d.From, d.Due)));
                task.Edit(it.Number, it.Content, it.Area, it.Product, it.Requirement);
                task.Assign(null, [], string.Join("; ", it.Lead), string.Join("; ", it.Partners));
                plan.AddTask(task);
            });
        }

        if (issue && doc.Number is { } number && doc.IssuedOn is { } issuedOn)
            Try(warnings, "Ban hành", () => plan.Issue(number, issuedOn));
        return new ImportedPlanDraft(plan, warnings);
    }

    private static void AddTargets(Plan plan, IReadOnlyList<ImportedTarget> targets, List<string> warnings)
    {
        // One sentence giving the same indicator for several years is a trajectory (seed 001: "≥30% by 2023,
        // ≥50% by 2025"); the same sentence giving two values for one year with "không có lĩnh vực nào dưới"
        // is a target and its per-field floor (seed 004: "trên từ 97% không có lĩnh vực nào dưới 95%").
        var groups = targets.Select((t, i) => (t, i))
            .GroupBy(x => (x.t.Indicator, Text: VietnameseText.FoldWhitespace(x.t.Text), x.t.Section));
        var line = 0;
        foreach (var g in groups)
        {
            var items = g.Select(x => x.t).ToList();
            var floorTargets = new HashSet<ImportedTarget>();
            if (VietnameseText.Fold(g.Key.Text).Contains("khong co linh vuc nao duoi", StringComparison.Ordinal))
            {
                foreach (var sameYear in items.GroupBy(t => t.Year).Where(y => y.Count() == 2))
                {
                    var ordered = sameYear.OrderByDescending(t => t.Value).ToList();
                    floorTargets.Add(ordered[1]);
                }
            }
            var lineKey = items.Select(t => t.Year).Distinct().Count() > 1 ? $"L{++line}" : "";
            foreach (var it in items.Where(t => !floorTargets.Contains(t)))
            {
                Try(warnings, $"Chỉ tiêu \"{Short(it.Text)}\"", () =>
                {
                    var name = it.Indicator is null ? Short(it.Text, 500) : null;
                    var target = new Target(it.Indicator, name, Comparators.Parse(it.Comparator), it.Value, it.Unit, it.Year);
                    target.Describe(it.Text, it.Section);
                    target.JoinLine(lineKey);
                    target.SetRange(it.ValueTo);
                    target.SetChange(it.Change switch
                    {
                        "increase" => TargetChange.Increase,
                        "decrease" => TargetChange.Decrease,
                        _ => it.BaseYear is null ? TargetChange.None : TargetChange.Increase,
                    }, it.BaseYear);
                    var floor = floorTargets.FirstOrDefault(f => f.Year == it.Year);
                    if (floor is not null) target.SetGroupMinimum(floor.Value);
                    plan.AddTarget(target);
                });
            }
        }
    }

    private static void Try(List<string> warnings, string what, Action action)
    {
        try
        {
            action();
        }
        catch (RuleViolation ex)
        {
            warnings.Add($"{what}: {ex.Message}");
        }
    }

    private static string Short(string text, int max = 60)
    {
        text = VietnameseText.FoldWhitespace(text);
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}

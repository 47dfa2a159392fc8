using System.Text.Json;
using Cchc.Core.PlanImport;
using Cchc.Core.Text;

namespace Cchc.Core.Tests.PlanImport;

/// <summary>
/// The importer against the five seed plans, each with its expected output checked by hand against the
/// document (Fixtures/*.expected.json; corrections to the importer's output are listed in
/// docs/plan-import-notes.md). Prints precision and recall for tasks, targets and report deadlines.
/// </summary>
public sealed class PlanImportFixtureTests(ITestOutputHelper output)
{
    public static TheoryData<string> Seeds => new()
    {
        "000_fcf002577bc9b2e4",
        "001_b971e2fce0b8640b",
        "002_973fc81fd04e73b7",
        "003_8a3eb3d91dcc6825",
        "004_46d96e7777ab5f3c",
    };

    internal static ImportedPlan Import(string seed) =>
        PlanImporter.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "PlanImport", "Seeds", seed + ".txt")));

    internal static ImportedPlan Expected(string seed) =>
        JsonSerializer.Deserialize<ImportedPlan>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PlanImport", "Fixtures", seed + ".expected.json")))!;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Document_header_matches_the_fixture(string seed)
    {
        var actual = Import(seed).Document;
        var expected = Expected(seed).Document;

        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.Place, actual.Place);
        Assert.Equal(expected.IssuedOn, actual.IssuedOn);
        Assert.Equal(expected.IssuedYear, actual.IssuedYear);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.PeriodFrom, actual.PeriodFrom);
        Assert.Equal(expected.PeriodTo, actual.PeriodTo);
        Assert.Equal(expected.Bases, actual.Bases);
        Assert.Equal(expected.Signer, actual.Signer);
        Assert.Equal(expected.Recipients, actual.Recipients);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Sections_match_the_fixture(string seed)
    {
        var actual = Import(seed).Sections;
        var expected = Expected(seed).Sections;

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Report_schedule_and_child_plan_deadline_match_the_fixture(string seed)
    {
        var actual = Import(seed);
        var expected = Expected(seed);

        var (p, r) = PrecisionRecall(expected.Reports.Select(ReportKey).ToList(), actual.Reports.Select(ReportKey).ToList());
        output.WriteLine($"{seed} reports: {actual.Reports.Count} found, {expected.Reports.Count} expected, precision {p:P0}, recall {r:P0}");
        Assert.Equal(expected.Reports.Select(ReportKey), actual.Reports.Select(ReportKey));
        Assert.Equal(expected.ChildPlanDue, actual.ChildPlanDue);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tasks_match_the_fixture(string seed)
    {
        var actual = Import(seed).Tasks;
        var expected = Expected(seed).Tasks;

        var (p, r) = PrecisionRecall(expected.Select(TaskKey).ToList(), actual.Select(TaskKey).ToList());
        output.WriteLine($"{seed} tasks: {actual.Count} found, {expected.Count} expected, precision {p:P1}, recall {r:P1}");
        foreach (var e in expected)
        {
            var a = actual.FirstOrDefault(t => t.Number == e.Number);
            if (a is null)
            {
                output.WriteLine($"  task {e.Number}: missing");
                continue;
            }
            Report($"task {e.Number} content", e.Content, a.Content);
            Report($"task {e.Number} lead", string.Join(" | ", e.Lead), string.Join(" | ", a.Lead));
            Report($"task {e.Number} partners", string.Join(" | ", e.Partners), string.Join(" | ", a.Partners));
            Report($"task {e.Number} product", e.Product, a.Product);
            Report($"task {e.Number} area", e.Area, a.Area);
            Report($"task {e.Number} deadlines", Deadlines(e), Deadlines(a));
        }
        Assert.True(p >= 0.9 && r >= 0.9, $"tasks precision {p:P1}, recall {r:P1}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Targets_match_the_fixture(string seed)
    {
        var actual = Import(seed).Targets;
        var expected = Expected(seed).Targets;

        var (p, r) = PrecisionRecall(expected.Select(TargetKey).ToList(), actual.Select(TargetKey).ToList());
        var sameIndicator = expected.Count(e => actual.Any(a => TargetKey(a) == TargetKey(e) && a.Indicator == e.Indicator));
        output.WriteLine($"{seed} targets: {actual.Count} found, {expected.Count} expected, precision {p:P1}, recall {r:P1}, " +
            $"indicator agrees on {sameIndicator}/{expected.Count}");
        foreach (var e in expected.Where(e => !actual.Any(a => TargetKey(a) == TargetKey(e))))
            output.WriteLine($"  missed: {TargetKey(e)}");
        foreach (var a in actual.Where(a => !expected.Any(e => TargetKey(a) == TargetKey(e))))
            output.WriteLine($"  extra: {TargetKey(a)}");
        foreach (var e in expected)
        {
            var a = actual.FirstOrDefault(x => TargetKey(x) == TargetKey(e));
            if (a is not null && a.Indicator != e.Indicator) output.WriteLine($"  indicator {a.Indicator ?? "null"} ≠ {e.Indicator ?? "null"}: {Short(e.Text)}");
            if (a is not null && a.Task != e.Task) output.WriteLine($"  task {a.Task ?? "null"} ≠ {e.Task ?? "null"}: {Short(e.Text)}");
        }
        Assert.True(p >= 0.9 && r >= 0.9, $"targets precision {p:P1}, recall {r:P1}");
    }

    // plan-import.md and the brief: 002's appendix has 69 tasks, 003's has 38, each with a lead unit and a deadline.
    [Theory]
    [InlineData("002_973fc81fd04e73b7", 69)]
    [InlineData("003_8a3eb3d91dcc6825", 38)]
    public void Every_appendix_task_is_read_with_its_lead_and_deadline(string seed, int count)
    {
        var tasks = Import(seed).Tasks;

        Assert.Equal(count, tasks.Count);
        Assert.Equal(Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), tasks.Select(t => t.Number));
        Assert.All(tasks, t => Assert.NotEmpty(t.Lead));
        Assert.All(tasks, t => Assert.NotEmpty(t.Deadlines));
    }

    // Seed 003 rows 17-20: product and deadline columns swapped in the document.
    [Fact]
    public void Swapped_product_and_deadline_columns_are_swapped_back_with_a_warning()
    {
        var plan = Import("003_8a3eb3d91dcc6825");

        foreach (var n in new[] { "17", "18", "19", "20" })
        {
            var task = plan.Tasks.Single(t => t.Number == n);
            Assert.NotNull(task.Deadlines.Single().Due);
            Assert.Contains(plan.Warnings, w => w.StartsWith($"Nhiệm vụ {n}: cột Sản phẩm và cột Thời gian bị đổi chỗ", StringComparison.Ordinal));
        }
        Assert.Equal("Báo cáo, đề xuất", plan.Tasks.Single(t => t.Number == "17").Product);
        Assert.Equal(new DateOnly(2022, 3, 31), plan.Tasks.Single(t => t.Number == "17").Deadlines[0].Due);
    }

    // Seed 003 task 1 has no number in the document and is split into sub-rows a), b), c).
    [Fact]
    public void A_task_split_into_sub_rows_keeps_each_part()
    {
        var task = Import("003_8a3eb3d91dcc6825").Tasks[0];

        Assert.Equal("Ban hành Kế hoạch cải cách hành chính năm 2022", task.Content);
        Assert.Equal(["a", "b", "c"], task.Parts!.Select(p => p.Label));
        Assert.Equal(["Văn phòng", "UBND quận, huyện", "Sở GD&ĐT"], task.Lead);
        Assert.Equal([new DateOnly(2021, 12, 31), new DateOnly(2022, 1, 10)], task.Deadlines.Select(d => d.Due!.Value));
    }

    private void Report(string what, string? expected, string? actual)
    {
        if (VietnameseText.Fold(expected) != VietnameseText.Fold(actual))
            output.WriteLine($"  {what}: expected \"{Short(expected)}\", got \"{Short(actual)}\"");
    }

    private static string Short(string? s) => s is null ? "null" : s.Length <= 70 ? s : s[..67] + "…";

    private static string Deadlines(ImportedTask t) => string.Join(" | ", t.Deadlines.Select(d => $"{d.Text}→{d.Due}"));

    private static string ReportKey(ImportedReport r) => $"{r.Period} {r.Year} {r.Due}";

    private static string TaskKey(ImportedTask t) =>
        $"{t.Number} {VietnameseText.Fold(t.Content)} {string.Join(",", t.Lead.Select(VietnameseText.Fold))} {string.Join(",", t.Deadlines.Select(d => d.Due))}";

    private static string TargetKey(ImportedTarget t) =>
        $"{t.Comparator} {t.Value} {t.Unit} {t.Year} {t.Section} {VietnameseText.Fold(t.Text)}";

    /// <summary>Multiset precision and recall of found keys against expected keys.</summary>
    private static (double Precision, double Recall) PrecisionRecall(List<string> expected, List<string> found)
    {
        var pool = expected.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var hits = 0;
        foreach (var k in found)
        {
            if (pool.TryGetValue(k, out var n) && n > 0)
            {
                pool[k] = n - 1;
                hits++;
            }
        }
        var precision = found.Count == 0 ? (expected.Count == 0 ? 1 : 0) : (double)hits / found.Count;
        var recall = expected.Count == 0 ? 1 : (double)hits / expected.Count;
        return (precision, recall);
    }
}

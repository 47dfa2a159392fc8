using System.Text.Json;
using Cchc.Core.Indicators;
using Cchc.Core.PlanImport;
using Cchc.Core.Plans;

namespace Cchc.Core.Tests.Plans;

/// <summary>The hand-checked import of each seed (PlanImport/Fixtures) turned into a plan.</summary>
public sealed class PlanFromImportTests
{
    private static ImportedPlan Fixture(string seed) =>
        JsonSerializer.Deserialize<ImportedPlan>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PlanImport", "Fixtures", seed + ".expected.json")))!;

    [Fact]
    public void Seed_002_gives_an_issued_plan_with_its_69_tasks()
    {
        var imported = Fixture("002_973fc81fd04e73b7");
        var (plan, warnings) = PlanFromImport.Create(imported, 1, 2019, issue: true);

        Assert.Empty(warnings);
        Assert.Equal(PlanStatus.Issued, plan.Status);
        Assert.Equal("375/KH-SGDĐT", plan.Number);
        Assert.Equal(new DateOnly(2019, 2, 10), plan.ChildPlanDue);
        Assert.Equal(69, plan.Tasks.Count);
        Assert.Equal(imported.Targets.Count, plan.Targets.Count);
        var row39 = plan.Tasks.Single(t => t.Number == "39");
        Assert.Equal("Báo cáo mức độ hoàn thành kế hoạch", row39.Content);
        Assert.Equal(new DateOnly(2019, 10, 31), row39.LastDue);
        Assert.Equal("Văn phòng", row39.LeadText);
    }

    [Fact]
    public void Seed_003_tasks_keep_their_partners_and_deadline_words()
    {
        var (plan, warnings) = PlanFromImport.Create(Fixture("003_8a3eb3d91dcc6825"), 1, 2022);
        Assert.Empty(warnings);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(38, plan.Tasks.Count);
        Assert.Contains(plan.Tasks, t => t.Deadlines.Any(d => d.Text == "Từ Quý IV/2022 đến Quý I/2023" && d.Due == new DateOnly(2023, 3, 31)));
        Assert.All(plan.Tasks, t => Assert.NotNull(t.LeadText));
    }

    [Fact]
    public void Seed_001_trajectories_share_a_line()
    {
        var (plan, _) = PlanFromImport.Create(Fixture("001_b971e2fce0b8640b"), 1, 2021);
        var online = plan.Targets.Where(t => t.IndicatorCode == IndicatorCodes.DossierOnlineRate).OrderBy(t => t.Year).ToList();
        Assert.Equal([(2023, 30.0), (2025, 50.0)], online.Select(t => (t.Year!.Value, t.Value)));
        Assert.NotEqual("", online[0].LineKey);
        Assert.Equal(online[0].LineKey, online[1].LineKey);
        var satisfaction = plan.Targets.Where(t => t.IndicatorCode == IndicatorCodes.SatisfactionRate).Select(t => t.LineKey).ToList();
        Assert.DoesNotContain(online[0].LineKey, satisfaction);
    }

    [Fact]
    public void Seed_004_per_field_floor_becomes_the_group_minimum()
    {
        // "đạt trên từ 97% không có lĩnh vực nào dưới 95%": one target of 97 with a floor of 95, not two targets.
        var (plan, _) = PlanFromImport.Create(Fixture("004_46d96e7777ab5f3c"), 1, 2019);
        var onTime = Assert.Single(plan.Targets, t => t.IndicatorCode == IndicatorCodes.DossierOnTimeRate);
        Assert.Equal((97.0, 95.0), (onTime.Value, onTime.GroupMinimum!.Value));
        var range = Assert.Single(plan.Targets, t => t.IndicatorCode == IndicatorCodes.ProcedureOnlineCoverage);
        Assert.Equal((30.0, 40.0), (range.Value, range.ValueTo!.Value));
        var par = Assert.Single(plan.Targets, t => t.IndicatorCode == IndicatorCodes.ParIndexScore);
        Assert.Equal((TargetChange.Increase, 2018), (par.Change, par.BaseYear!.Value));
    }

    [Fact]
    public void Targets_without_an_indicator_take_their_sentence_as_name()
    {
        var (plan, _) = PlanFromImport.Create(Fixture("001_b971e2fce0b8640b"), 1, 2021);
        Assert.All(plan.Targets.Where(t => t.IndicatorCode is null), t => Assert.False(string.IsNullOrEmpty(t.CustomName)));
    }

    [Fact]
    public void A_refused_row_is_reported_not_dropped_silently()
    {
        var imported = Fixture("000_fcf002577bc9b2e4");
        var broken = imported with
        {
            Targets = [.. imported.Targets, new ImportedTarget("Tỷ lệ 150%", "DOSSIER_ON_TIME_RATE", ">=", 150, "%", 2022, "I")],
        };
        var (plan, warnings) = PlanFromImport.Create(broken, 1, 2022);
        Assert.Equal(imported.Targets.Count, plan.Targets.Count);
        Assert.Contains(warnings, w => w.Contains("Tỷ lệ 150%") && w.Contains("từ 0 đến 100%"));
    }
}

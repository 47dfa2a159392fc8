using System.Text.RegularExpressions;
using Cchc.Core.Indicators;
using Cchc.Core.Organisation;
using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Cchc.Web.Tests.Infrastructure;

namespace Cchc.Web.Tests.Indicators;

/// <summary>What the indicator tests read off the pages (rows by code and unit), and the caller the engine is asked for.</summary>
internal static partial class IndicatorHtml
{
    /// <summary>An overview line: its code and the raw value in its data-value.</summary>
    [GeneratedRegex("<tr data-code=\"([A-Z_]+)\">\\s*<th[^>]*>.*?</th>\\s*<td class=\"value\" data-value=\"([^\"]*)\"", RegexOptions.Singleline)]
    public static partial Regex ValueCells();

    /// <summary>A ranking row: the unit's code.</summary>
    [GeneratedRegex("<tr data-unit=\"([^\"]+)\">")]
    public static partial Regex RankingRows();

    public static CurrentUser Caller(AppUser user, Unit unit, string role) =>
        new(user.Id, user.FullName, unit.Id, unit.Path, new HashSet<string> { role });
}

/// <summary>The indicator tests' shared data: a plan of the test tree's department with tasks led by its schools.</summary>
internal static class IndicatorData
{
    public static PlanTask AddTask(Plan plan, string number, string deadline, int year, int leadUnitId, DateOnly? completedOn)
    {
        var t = plan.AddTask(new PlanTask(number, $"Nhiệm vụ {number}", null, DeadlineParser.Parse(deadline, year)));
        t.Assign(leadUnitId, []);
        if (completedOn is { } d) t.Complete(d);
        return t;
    }

    /// <summary>
    /// The 2026 plan (target: tasks 100 %, and <paramref name="moreTargets"/>): school A1 done in January, A2
    /// overdue, B1 done in February, so 2 of 3 for the department, District A 1/2, District B 1/1.
    /// </summary>
    public static async Task<TestTree> TreeWithTasksAsync(this TestApp app, params Target[] moreTargets)
    {
        var tree = await app.TreeAsync();
        var plan = new Plan(tree.Department.Id, "Kế hoạch Cải cách hành chính năm 2026", 2026, 2026);
        plan.AddTarget(new Target(IndicatorCodes.TaskCompletionRate, null, Comparator.AtLeast, 100, "%", 2026));
        foreach (var t in moreTargets) plan.AddTarget(t);
        AddTask(plan, "1", "Tháng 1/2026", 2026, tree.SchoolA1.Id, new DateOnly(2026, 1, 10));
        AddTask(plan, "2", "Tháng 1/2026", 2026, tree.SchoolA2.Id, null);
        AddTask(plan, "3", "Tháng 2/2026", 2026, tree.SchoolB1.Id, new DateOnly(2026, 2, 10));
        plan.Issue("9/KH-SGDĐT", new DateOnly(2026, 1, 5));
        await app.InsertAsync(plan);
        return tree;
    }
}

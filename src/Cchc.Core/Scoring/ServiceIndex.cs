namespace Cchc.Core.Scoring;

/// <summary>A group of a service-quality index (766 group 2 "Tiến độ, kết quả giải quyết", 20 points).</summary>
public sealed record ServiceIndexGroup(string Number, string Name, IReadOnlyList<ScoredIndicator> Indicators)
{
    public double MaxPoints => Indicators.Sum(i => i.MaxPoints);
}

/// <summary>The score of one indicator; null when its ratio has nothing to measure.</summary>
public sealed record IndicatorScore(string Id, double MaxPoints, double? RatioPercent, double? Points);

public sealed record GroupScore(string Number, double MaxPoints, double Points, IReadOnlyList<IndicatorScore> Indicators);

/// <summary>The index of a unit: points, the table's maximum, and the maximum of the indicators that had data.</summary>
public sealed record ServiceIndexResult(IReadOnlyList<GroupScore> Groups, double Points, double MaxPoints, double MeasuredMax);

/// <summary>
/// The real-time service-quality index of Decision 766/QĐ-TTg (domain-rules D). The table is configuration,
/// not code: the portal's sub-maxima have changed since the decision, so <see cref="Decision766"/> is the
/// table as observed and a province can pass its own. An indicator without data scores nothing and its
/// points are left out of <see cref="ServiceIndexResult.MeasuredMax"/>, so the index is not dragged down
/// by what the unit had no occasion to do.
/// </summary>
public static class ServiceIndex
{
    public static IReadOnlyList<ServiceIndexGroup> Decision766 { get; } =
    [
        new("1", "Công khai, minh bạch",
        [
            new("1.1", "TTHC công bố đúng hạn", 6),
            new("1.2", "TTHC cập nhật, công khai đúng hạn", 4),
            new("1.3", "TTHC công khai đầy đủ các bộ phận", 2),
            new("1.4", "Hồ sơ đồng bộ lên Cổng DVCQG", 6),
        ]),
        new("2", "Tiến độ, kết quả giải quyết", [new("2.1", "Hồ sơ xử lý trước hạn, đúng hạn", 20)]),
        new("3", "Cung cấp dịch vụ trực tuyến", [new("3", "Hồ sơ DVCTT toàn trình trên hồ sơ của TTHC đủ điều kiện", 12)]),
        new("4", "Thanh toán trực tuyến",
        [
            new("3.5", "TTHC có nghĩa vụ tài chính tích hợp thanh toán trực tuyến", 2, 80),
            new("3.5b", "TTHC có giao dịch thanh toán trực tuyến", 2, 80),
            new("3.6", "Hồ sơ thanh toán trực tuyến", 6),
        ]),
        new("5", "Số hóa hồ sơ",
        [
            new("4.1", "Hồ sơ có kết quả điện tử", 6),
            new("4.2", "Hồ sơ số hóa", 4, 80),
            new("4.2b", "Chứng thực bản sao điện tử từ bản chính", 2),
            new("4.3", "Tái sử dụng dữ liệu số hóa", 2, 80),
            new("4.4", "Kết nối kho dữ liệu cá nhân", 4),
            new("4.5b", "Hồ sơ sử dụng dữ liệu dân cư", 2),
            new("4.5a", "TTHC kết nối dữ liệu dân cư", 2),
        ]),
        new("6", "Mức độ hài lòng",
        [
            new("5.2", "Phản ánh, kiến nghị xử lý đúng hạn", 6),
            new("5.3", "Hài lòng xử lý phản ánh, kiến nghị", 6),
            new("5.4", "Hài lòng tiếp nhận, giải quyết TTHC", 6, 90),
        ]),
    ];

    /// <summary>Scores every indicator of <paramref name="table"/> from its ratio (in %, keyed by indicator id).</summary>
    public static ServiceIndexResult Score(IReadOnlyList<ServiceIndexGroup> table, IReadOnlyDictionary<string, double?> ratios)
    {
        var groups = new List<GroupScore>(table.Count);
        double points = 0, max = 0, measured = 0;
        foreach (var g in table)
        {
            var scores = g.Indicators
                .Select(i =>
                {
                    var ratio = ratios.GetValueOrDefault(i.Id);
                    return new IndicatorScore(i.Id, i.MaxPoints, ratio, i.Score(ratio));
                })
                .ToList();
            var groupPoints = ScoreRules.Round(scores.Sum(s => s.Points ?? 0));
            groups.Add(new GroupScore(g.Number, g.MaxPoints, groupPoints, scores));
            points += groupPoints;
            max += g.MaxPoints;
            measured += scores.Where(s => s.Points is not null).Sum(s => s.MaxPoints);
        }
        return new ServiceIndexResult(groups, ScoreRules.Round(points), max, measured);
    }
}

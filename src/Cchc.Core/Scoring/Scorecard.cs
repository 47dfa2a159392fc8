using Cchc.Core.Common;
using Cchc.Core.Indicators;

namespace Cchc.Core.Scoring;

public enum ScoreStage
{
    /// <summary>Tự đánh giá, with evidence documents.</summary>
    Self,

    /// <summary>Thẩm định by the parent.</summary>
    Appraised,
}

/// <summary>The score of one leaf criterion: self-score with its evidence, appraised score with the appraiser's comment.</summary>
public sealed record ScoreEntry(string Code, double? Self, string? Evidence, double? Appraised, string? Comment);

/// <summary>
/// One unit's assessment on a criteria tree for a year: self-scores first, then appraised scores. A score is
/// given to a leaf and lies between 0 and its maximum; totals of fields and criteria are sums of their
/// leaves; the index is total ÷ maximum × 100 (Rule E1.1).
/// </summary>
public sealed class Scorecard(CriteriaTemplate template, int unitId)
{
    private readonly Dictionary<string, ScoreEntry> _entries = new(StringComparer.Ordinal);

    public CriteriaTemplate Template { get; } = template;
    public int UnitId { get; } = unitId;
    public IReadOnlyCollection<ScoreEntry> Entries => _entries.Values;

    public void SetSelfScore(string code, double points, string? evidence)
    {
        var node = Leaf(code, points);
        evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        if (node.EvidenceRequired && evidence is null && points > 0)
            throw new RuleViolation($"Tiêu chí \"{node.Code}\" cần tài liệu kiểm chứng cho điểm tự đánh giá.", "Evidence");
        var old = _entries.GetValueOrDefault(code);
        _entries[code] = new ScoreEntry(code, points, evidence, old?.Appraised, old?.Comment);
    }

    public void SetAppraisedScore(string code, double points, string? comment)
    {
        Leaf(code, points);
        var old = _entries.GetValueOrDefault(code);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (old?.Self is { } self && self != points && comment is null)
            throw new RuleViolation($"Tiêu chí \"{code}\": điểm thẩm định khác điểm tự đánh giá cần ghi rõ lý do.", "Comment");
        _entries[code] = new ScoreEntry(code, old?.Self, old?.Evidence, points, comment);
    }

    /// <summary>The points of any node at a stage: the sum of its scored leaves.</summary>
    public double Total(string code, ScoreStage stage)
    {
        var node = Template.Find(code) ?? throw new RuleViolation($"Không có tiêu chí \"{code}\".", "Code");
        return ScoreRules.Round(Sum(node, stage));
    }

    public double Total(ScoreStage stage) => ScoreRules.Round(Template.Fields.Sum(f => Sum(f, stage)));

    /// <summary>Total ÷ maximum × 100, rounded to 2 decimals.</summary>
    public double IndexPercent(ScoreStage stage) => ScoreRules.Round(Total(stage) / Template.MaxPoints * 100);

    /// <summary>The leaves not yet scored at a stage (what the assessment still lacks).</summary>
    public IEnumerable<CriterionNode> Unscored(ScoreStage stage) =>
        Template.Leaves.Where(l => ScoreOf(l.Code, stage) is null);

    /// <summary>PAR_INDEX_SCORE as an indicator value: total over maximum, the index % as its value.</summary>
    public IndicatorValue ToIndicator(ScoreStage stage)
    {
        var total = Total(stage);
        return new IndicatorValue(IndicatorCodes.ParIndexScore, total, Template.MaxPoints, IndexPercent(stage));
    }

    private double Sum(CriterionNode node, ScoreStage stage) =>
        node.IsLeaf ? ScoreOf(node.Code, stage) ?? 0 : node.Children.Sum(c => Sum(c, stage));

    private double? ScoreOf(string code, ScoreStage stage) =>
        _entries.GetValueOrDefault(code) is { } e ? (stage == ScoreStage.Self ? e.Self : e.Appraised) : null;

    private CriterionNode Leaf(string code, double points)
    {
        var node = Template.Find(code) ?? throw new RuleViolation($"Không có tiêu chí \"{code}\".", "Code");
        if (!node.IsLeaf)
            throw new RuleViolation($"Tiêu chí \"{code}\" được tính từ các tiêu chí con, không chấm trực tiếp.", "Code");
        if (!double.IsFinite(points) || points < 0 || points > node.MaxPoints)
            throw new RuleViolation($"Điểm của tiêu chí \"{code}\" phải từ 0 đến {node.MaxPoints:0.##}.", "Points");
        return node;
    }
}

/// <summary>Ranks units by score, best first; equal scores share a rank (1, 2, 2, 4); units without a score are not ranked.</summary>
public static class Ranking
{
    public static IReadOnlyDictionary<int, int> Rank(IEnumerable<(int UnitId, double? Score)> scores)
    {
        var ranked = scores.Where(s => s.Score is not null)
            .OrderByDescending(s => s.Score!.Value)
            .ToList();
        var result = new Dictionary<int, int>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Score == ranked[i - 1].Score ? result[ranked[i - 1].UnitId] : i + 1;
            result[ranked[i].UnitId] = rank;
        }
        return result;
    }
}

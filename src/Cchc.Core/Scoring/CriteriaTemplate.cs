using Cchc.Core.Common;

namespace Cchc.Core.Scoring;

/// <summary>
/// A node of a PAR criteria tree (domain-rules E1.1): a field (lĩnh vực), a criterion (tiêu chí) or a
/// sub-criterion (tiêu chí thành phần), with its maximum points. Leaves are what is scored.
/// </summary>
public sealed record CriterionNode(
    string Code,
    string Name,
    double MaxPoints,
    IReadOnlyList<CriterionNode> Children,
    string? ScoringRule = null,
    bool EvidenceRequired = false)
{
    public bool IsLeaf => Children.Count == 0;

    public static CriterionNode Leaf(string code, string name, double maxPoints, string? scoringRule = null, bool evidenceRequired = true) =>
        new(code, name, maxPoints, [], scoringRule, evidenceRequired);

    public static CriterionNode Group(string code, string name, double maxPoints, params CriterionNode[] children) =>
        new(code, name, maxPoints, children);
}

/// <summary>
/// A versioned criteria tree of one province and year (Rule E1.1). A parent's maximum is the sum of its
/// children's, so that totals always add up; the tree is at most three levels deep.
/// </summary>
public sealed class CriteriaTemplate
{
    private readonly Dictionary<string, CriterionNode> _byCode = new(StringComparer.Ordinal);

    public CriteriaTemplate(string code, string name, int year, IReadOnlyList<CriterionNode> fields)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new RuleViolation("Mã bộ tiêu chí bắt buộc.", nameof(Code));
        if (string.IsNullOrWhiteSpace(name)) throw new RuleViolation("Tên bộ tiêu chí bắt buộc.", nameof(Name));
        if (fields.Count == 0) throw new RuleViolation("Bộ tiêu chí cần ít nhất một lĩnh vực.", nameof(Fields));
        Code = code.Trim();
        Name = name.Trim();
        Year = year;
        Fields = fields;
        foreach (var f in fields) Check(f, 1);
        MaxPoints = ScoreRules.Round(fields.Sum(f => f.MaxPoints));
    }

    public string Code { get; }
    public string Name { get; }
    public int Year { get; }
    public IReadOnlyList<CriterionNode> Fields { get; }
    public double MaxPoints { get; }

    public CriterionNode? Find(string code) => _byCode.GetValueOrDefault(code);

    public IEnumerable<CriterionNode> Leaves => _byCode.Values.Where(n => n.IsLeaf);

    private void Check(CriterionNode node, int depth)
    {
        if (depth > 3)
            throw new RuleViolation($"Tiêu chí \"{node.Code}\": bộ tiêu chí chỉ có ba cấp (lĩnh vực, tiêu chí, tiêu chí thành phần).", nameof(Fields));
        if (string.IsNullOrWhiteSpace(node.Code) || string.IsNullOrWhiteSpace(node.Name))
            throw new RuleViolation("Mỗi tiêu chí cần mã và tên.", nameof(Fields));
        if (!_byCode.TryAdd(node.Code, node))
            throw new RuleViolation($"Mã tiêu chí \"{node.Code}\" bị trùng.", nameof(Fields));
        if (!double.IsFinite(node.MaxPoints) || node.MaxPoints <= 0)
            throw new RuleViolation($"Tiêu chí \"{node.Code}\": điểm tối đa phải lớn hơn 0.", nameof(Fields));
        if (node.IsLeaf) return;
        var sum = node.Children.Sum(c => c.MaxPoints);
        if (Math.Abs(sum - node.MaxPoints) > 0.001)
            throw new RuleViolation($"Tiêu chí \"{node.Code}\": điểm tối đa {node.MaxPoints:0.##} khác tổng điểm các tiêu chí con {sum:0.##}.", nameof(Fields));
        foreach (var c in node.Children) Check(c, depth + 1);
    }
}

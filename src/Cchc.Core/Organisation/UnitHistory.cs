using Cchc.Core.Common;

namespace Cchc.Core.Organisation;

/// <summary>A unit as it was on one day: its name and its parent then.</summary>
public sealed record UnitState(int UnitId, string Name, int? ParentId);

/// <summary>
/// The organisation tree through time (domain-rules 0.2), folded from the recorded <see cref="UnitEvent"/>s.
/// Events of one day apply in the order given (the order they were recorded), so "move the schools, then
/// close the Phòng GDĐT" on 01/07/2025 reads as it happened. A unit exists from its Created day up to,
/// not including, the day of its Merged/Split/Closed event.
/// </summary>
public sealed class UnitHistory
{
    private readonly Dictionary<int, List<UnitEvent>> _byUnit = [];

    /// <param name="events">Every event, in recording order.</param>
    public UnitHistory(IEnumerable<UnitEvent> events)
    {
        foreach (var e in events)
        {
            if (!_byUnit.TryGetValue(e.UnitId, out var list)) _byUnit[e.UnitId] = list = [];
            list.Add(e);
        }
        // Stable: the same day keeps recording order.
        foreach (var key in _byUnit.Keys.ToList())
            _byUnit[key] = _byUnit[key].OrderBy(e => e.EffectiveOn).ToList();
    }

    public IEnumerable<int> UnitIds => _byUnit.Keys;

    /// <summary>Adds an event just recorded (after <see cref="EnsureCanRecord"/>), keeping date-then-recording order.</summary>
    public void Append(UnitEvent e)
    {
        if (!_byUnit.TryGetValue(e.UnitId, out var list)) _byUnit[e.UnitId] = list = [];
        var at = list.FindLastIndex(x => x.EffectiveOn <= e.EffectiveOn) + 1;
        list.Insert(at, e);
    }

    public IReadOnlyList<UnitEvent> TimelineOf(int unitId) => _byUnit.TryGetValue(unitId, out var list) ? list : [];

    /// <summary>The unit as it was on <paramref name="day"/>, or null when it did not exist that day.</summary>
    public UnitState? On(int unitId, DateOnly day)
    {
        if (!_byUnit.TryGetValue(unitId, out var list)) return null;
        string? name = null;
        int? parent = null;
        var created = false;
        foreach (var e in list)
        {
            if (e.EffectiveOn > day) break;
            switch (e.Kind)
            {
                case UnitEventKind.Created: created = true; name = e.Name; parent = e.ParentId; break;
                case UnitEventKind.Renamed: name = e.Name; break;
                case UnitEventKind.Moved: parent = e.ParentId; break;
                default: return null; // ended on or before this day
            }
        }
        return created ? new UnitState(unitId, name!, parent) : null;
    }

    public bool ExistsOn(int unitId, DateOnly day) => On(unitId, day) is not null;

    /// <summary>Every unit that existed on <paramref name="day"/>, with its name and parent of that day.</summary>
    public IReadOnlyList<UnitState> TreeOn(DateOnly day) =>
        _byUnit.Keys.Select(id => On(id, day)).OfType<UnitState>().ToList();

    /// <summary>The unit's ancestors on <paramref name="day"/>, nearest first.</summary>
    public IReadOnlyList<int> AncestorsOn(int unitId, DateOnly day)
    {
        var result = new List<int>();
        var current = On(unitId, day)?.ParentId;
        while (current is int id && !result.Contains(id) && id != unitId)
        {
            result.Add(id);
            current = On(id, day)?.ParentId;
        }
        return result;
    }

    /// <summary>True when <paramref name="unitId"/> was <paramref name="ancestorId"/> or under it on <paramref name="day"/>:
    /// how a figure of a past period is attributed to the tree as it was then.</summary>
    public bool IsWithinOn(int unitId, int ancestorId, DateOnly day) =>
        ExistsOn(unitId, day) && (unitId == ancestorId || AncestorsOn(unitId, day).Contains(ancestorId));

    /// <summary>
    /// The units existing on <paramref name="asOf"/> that a (possibly ended) unit's figures roll up to, following
    /// merge/split/closure successors. A unit that still exists is its own successor. Empty when the chain
    /// ends without a successor (a closure with none).
    /// </summary>
    public IReadOnlyList<int> SuccessorsOf(int unitId, DateOnly asOf)
    {
        var result = new List<int>();
        var seen = new HashSet<int>();
        Walk(unitId);
        return result;

        void Walk(int id)
        {
            if (!seen.Add(id)) return;
            if (ExistsOn(id, asOf)) { if (!result.Contains(id)) result.Add(id); return; }
            var end = TimelineOf(id).FirstOrDefault(e => e.Ends && e.EffectiveOn <= asOf);
            if (end is null) return; // not yet created on asOf
            foreach (var next in end.Successors) Walk(next);
        }
    }

    /// <summary>
    /// The one unit a past unit's figures count for on <paramref name="asOf"/>: the first successor of each
    /// step (a split's first successor takes the whole, so that nothing is counted twice), or null.
    /// </summary>
    public int? RollUpTarget(int unitId, DateOnly asOf)
    {
        var seen = new HashSet<int>();
        int? id = unitId;
        while (id is int current && seen.Add(current))
        {
            if (ExistsOn(current, asOf)) return current;
            var end = TimelineOf(current).FirstOrDefault(e => e.Ends && e.EffectiveOn <= asOf);
            id = end?.Successors.Count > 0 ? end.Successors[0] : null;
        }
        return null;
    }

    /// <summary>
    /// Does a figure recorded for <paramref name="sourceUnitId"/> count in <paramref name="ancestorId"/>'s subtree
    /// as the tree stands on <paramref name="asOf"/>? The source is replaced by its roll-up target first.
    /// </summary>
    public bool RollsUpInto(int sourceUnitId, int ancestorId, DateOnly asOf) =>
        RollUpTarget(sourceUnitId, asOf) is int target && IsWithinOn(target, ancestorId, asOf);

    /// <summary>
    /// Checks a new event against the history before it is recorded: the unit exists on the day, the day is not
    /// before its last recorded change, a new parent or successor exists that day, and a move makes no cycle.
    /// </summary>
    public void EnsureCanRecord(UnitEvent next)
    {
        var timeline = TimelineOf(next.UnitId);
        if (next.Kind == UnitEventKind.Created)
        {
            if (timeline.Count > 0) throw new InvalidOperationException("The unit already has a history.");
            EnsureParentExists(next.ParentId, next.EffectiveOn);
            return;
        }
        if (timeline.Count == 0) throw new InvalidOperationException("The unit has no history.");
        var last = timeline[^1];
        if (next.EffectiveOn < last.EffectiveOn)
            throw new RuleViolation($"Ngày hiệu lực không được trước thay đổi gần nhất của đơn vị ({last.EffectiveOn:dd/MM/yyyy}).", "EffectiveOn");
        if (!ExistsOn(next.UnitId, next.EffectiveOn))
            throw new RuleViolation("Đơn vị không còn tồn tại vào ngày hiệu lực.", "EffectiveOn");
        if (next.Kind == UnitEventKind.Moved)
        {
            EnsureParentExists(next.ParentId, next.EffectiveOn);
            if (next.ParentId is int p && (p == next.UnitId || AncestorsOn(p, next.EffectiveOn).Contains(next.UnitId)))
                throw new RuleViolation("Không thể chuyển đơn vị vào chính nó hoặc một đơn vị cấp dưới của nó.", "ParentId");
        }
        foreach (var s in next.Successors)
            if (!ExistsOn(s, next.EffectiveOn))
                throw new RuleViolation("Đơn vị kế thừa phải đang tồn tại vào ngày hiệu lực.", "SuccessorIds");
    }

    private void EnsureParentExists(int? parentId, DateOnly day)
    {
        if (parentId is int p && !ExistsOn(p, day))
            throw new RuleViolation("Đơn vị cấp trên không tồn tại vào ngày hiệu lực.", "ParentId");
    }
}

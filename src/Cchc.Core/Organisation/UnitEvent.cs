using Cchc.Core.Common;

namespace Cchc.Core.Organisation;

/// <summary>What happened to a unit on a date (domain-rules 0.2: units are renamed, moved, merged, split, closed).</summary>
public enum UnitEventKind
{
    Created = 1,
    Renamed = 2,
    Moved = 3,
    /// <summary>The unit ceased and everything under it passed to one successor (sáp nhập).</summary>
    Merged = 4,
    /// <summary>The unit ceased and was divided among several successors (chia tách); figures roll up to the first.</summary>
    Split = 5,
    /// <summary>The unit ceased (giải thể), optionally with one successor (Phòng GDĐT → Phòng VH-XH).</summary>
    Closed = 6,
}

/// <summary>
/// One dated change of the organisation tree. The events of a unit, in the order they were recorded, are
/// its whole history; <see cref="UnitHistory"/> folds them into "the tree as it was on a day".
/// A Created event carries the unit's first name and parent, so history never needs the current row.
/// </summary>
public sealed class UnitEvent
{
    private UnitEvent() { }

    private UnitEvent(int unitId, UnitEventKind kind, DateOnly effectiveOn, string? name, int? parentId, IReadOnlyList<int> successors)
    {
        UnitId = unitId;
        Kind = kind;
        EffectiveOn = effectiveOn;
        Name = name;
        ParentId = parentId;
        SuccessorIds = string.Join(',', successors.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public UnitEventKind Kind { get; private set; }
    /// <summary>The first day the change is in force.</summary>
    public DateOnly EffectiveOn { get; private set; }
    /// <summary>The name from this day (Created, Renamed).</summary>
    public string? Name { get; private set; }
    /// <summary>The parent from this day (Created, Moved); null means a root.</summary>
    public int? ParentId { get; private set; }
    /// <summary>Successor unit ids, comma separated (Merged: one, Split: several, Closed: none or one).</summary>
    public string SuccessorIds { get; private set; } = "";
    /// <summary>When the change was recorded (UTC); set by the application, not by the rule.</summary>
    public DateTime RecordedAt { get; set; }
    public int? RecordedBy { get; set; }

    public IReadOnlyList<int> Successors =>
        SuccessorIds.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public bool Ends => Kind is UnitEventKind.Merged or UnitEventKind.Split or UnitEventKind.Closed;

    public static UnitEvent Created(int unitId, DateOnly on, string name, int? parentId) =>
        new(unitId, UnitEventKind.Created, on, CheckName(name), parentId, []);

    public static UnitEvent Renamed(int unitId, DateOnly on, string name) =>
        new(unitId, UnitEventKind.Renamed, on, CheckName(name), null, []);

    public static UnitEvent Moved(int unitId, DateOnly on, int? parentId)
    {
        if (parentId == unitId)
            throw new RuleViolation("Không thể chuyển đơn vị vào chính nó hoặc một đơn vị cấp dưới của nó.", "ParentId");
        return new(unitId, UnitEventKind.Moved, on, null, parentId, []);
    }

    public static UnitEvent Merged(int unitId, DateOnly on, int intoId)
    {
        if (intoId == unitId) throw new RuleViolation("Không thể sáp nhập đơn vị vào chính nó.", "SuccessorIds");
        return new(unitId, UnitEventKind.Merged, on, null, null, [intoId]);
    }

    public static UnitEvent Split(int unitId, DateOnly on, IReadOnlyList<int> intoIds)
    {
        if (intoIds.Count < 2) throw new RuleViolation("Chia tách cần ít nhất hai đơn vị kế thừa.", "SuccessorIds");
        if (intoIds.Contains(unitId)) throw new RuleViolation("Đơn vị kế thừa không được là chính đơn vị bị chia tách.", "SuccessorIds");
        if (intoIds.Distinct().Count() != intoIds.Count) throw new RuleViolation("Danh sách đơn vị kế thừa bị trùng.", "SuccessorIds");
        return new(unitId, UnitEventKind.Split, on, null, null, intoIds);
    }

    public static UnitEvent Closed(int unitId, DateOnly on, int? successorId)
    {
        if (successorId == unitId) throw new RuleViolation("Đơn vị kế thừa không được là chính đơn vị bị giải thể.", "SuccessorIds");
        return new(unitId, UnitEventKind.Closed, on, null, null, successorId is int s ? [s] : []);
    }

    /// <summary>A data-entry correction of the name this event gave (not a rename: history says it was always so).</summary>
    public void CorrectName(string name)
    {
        if (Name is null) throw new InvalidOperationException("This event carries no name.");
        Name = CheckName(name);
    }

    private static string CheckName(string name)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 250) throw new RuleViolation("Tên đơn vị bắt buộc, tối đa 250 ký tự.", "Name");
        return name;
    }

    /// <summary>Vietnamese label for the timeline.</summary>
    public static string KindName(UnitEventKind kind) => kind switch
    {
        UnitEventKind.Created => "Thành lập",
        UnitEventKind.Renamed => "Đổi tên",
        UnitEventKind.Moved => "Chuyển đơn vị quản lý",
        UnitEventKind.Merged => "Sáp nhập",
        UnitEventKind.Split => "Chia tách",
        UnitEventKind.Closed => "Giải thể",
        _ => kind.ToString(),
    };
}

using Cchc.Core.Common;
using Cchc.Core.Organisation;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Core.Tests.Organisation;

/// <summary>
/// The 2025 reorganisation (domain-rules 0 "Local government", rule 0.2): from 01/07/2025 there is no district
/// level, the Phòng GDĐT are closed and pre-school/primary/lower-secondary schools come under the commune's
/// Phòng Văn hóa – Xã hội (TT 15/2025/TT-BGDĐT).
/// </summary>
public sealed class UnitHistoryTests
{
    private static readonly DateOnly Founded = new(2015, 1, 1);
    private static readonly DateOnly Reform = new(2025, 7, 1);
    private static readonly DateOnly DayBefore = new(2025, 6, 30);

    private const int So = 1, PhongGd = 2, Xa = 3, VhXh = 4, TruongTh = 5, TruongThcs = 6, Thpt = 7;

    private static List<UnitEvent> Reorganisation() =>
    [
        UnitEvent.Created(So, Founded, "Sở GDĐT tỉnh Demo", null),
        UnitEvent.Created(PhongGd, Founded, "Phòng GDĐT huyện Đông", So),
        UnitEvent.Created(TruongTh, Founded, "Trường Tiểu học Đông Hòa", PhongGd),
        UnitEvent.Created(TruongThcs, Founded, "Trường THCS Đông Hòa", PhongGd),
        UnitEvent.Created(Thpt, Founded, "Trường THPT Đông Sơn", So),
        UnitEvent.Created(Xa, Reform, "UBND xã Đông Hòa", null),
        UnitEvent.Created(VhXh, Reform, "Phòng Văn hóa – Xã hội xã Đông Hòa", Xa),
        UnitEvent.Moved(TruongTh, Reform, VhXh),
        UnitEvent.Moved(TruongThcs, Reform, VhXh),
        UnitEvent.Closed(PhongGd, Reform, VhXh),
    ];

    [Fact]
    public void On_the_day_before_the_reform_schools_are_under_the_district_office()
    {
        var history = new UnitHistory(Reorganisation());
        Assert.Equal(PhongGd, history.On(TruongTh, DayBefore)!.ParentId);
        Assert.Equal([PhongGd, So], history.AncestorsOn(TruongThcs, DayBefore));
        Assert.True(history.ExistsOn(PhongGd, DayBefore));
        Assert.False(history.ExistsOn(VhXh, DayBefore));
    }

    [Fact]
    public void From_1_July_2025_the_district_office_is_gone_and_schools_are_under_the_commune_culture_society_office()
    {
        var history = new UnitHistory(Reorganisation());
        Assert.Null(history.On(PhongGd, Reform));
        Assert.Equal(VhXh, history.On(TruongTh, Reform)!.ParentId);
        Assert.Equal([VhXh, Xa], history.AncestorsOn(TruongTh, Reform));
        Assert.DoesNotContain(history.TreeOn(Reform), s => s.UnitId == PhongGd);
        Assert.Contains(history.TreeOn(DayBefore), s => s.UnitId == PhongGd);
    }

    [Fact]
    public void A_school_figure_of_2024_counts_for_the_district_office_then_and_for_the_commune_today()
    {
        var history = new UnitHistory(Reorganisation());
        var inPeriod = new DateOnly(2024, 12, 31);
        var today = new DateOnly(2026, 3, 2);
        Assert.True(history.IsWithinOn(TruongTh, PhongGd, inPeriod));
        Assert.False(history.IsWithinOn(TruongTh, Xa, inPeriod));
        Assert.True(history.RollsUpInto(TruongTh, Xa, today));
        Assert.False(history.RollsUpInto(TruongTh, So, today));
    }

    [Fact]
    public void A_closed_district_office_rolls_up_to_its_successor()
    {
        var history = new UnitHistory(Reorganisation());
        var today = new DateOnly(2026, 3, 2);
        Assert.Equal([VhXh], history.SuccessorsOf(PhongGd, today));
        Assert.Equal(VhXh, history.RollUpTarget(PhongGd, today));
        Assert.Equal(PhongGd, history.RollUpTarget(PhongGd, DayBefore));
        Assert.True(history.RollsUpInto(PhongGd, Xa, today));
    }

    [Fact]
    public void Upper_secondary_schools_stay_under_the_department_through_the_reform()
    {
        var history = new UnitHistory(Reorganisation());
        Assert.Equal(So, history.On(Thpt, DayBefore)!.ParentId);
        Assert.Equal(So, history.On(Thpt, Reform)!.ParentId);
    }

    [Fact]
    public void A_rename_changes_the_name_from_its_day_only()
    {
        var events = Reorganisation();
        events.Add(UnitEvent.Renamed(So, new DateOnly(2026, 1, 1), "Sở Giáo dục và Đào tạo tỉnh Demo mới"));
        var history = new UnitHistory(events);
        Assert.Equal("Sở GDĐT tỉnh Demo", history.On(So, new DateOnly(2025, 12, 31))!.Name);
        Assert.Equal("Sở Giáo dục và Đào tạo tỉnh Demo mới", history.On(So, new DateOnly(2026, 1, 1))!.Name);
    }

    [Fact]
    public void A_unit_does_not_exist_before_its_creation_day()
    {
        var history = new UnitHistory(Reorganisation());
        Assert.Null(history.On(Xa, DayBefore));
        Assert.Empty(history.SuccessorsOf(Xa, DayBefore));
    }

    [Fact]
    public void Successors_follow_a_chain_of_merges_to_the_unit_existing_today()
    {
        var events = Reorganisation();
        const int Other = 8, Third = 9;
        events.Add(UnitEvent.Created(Other, Founded, "Trường TH Đông Phú", VhXh));
        events.Add(UnitEvent.Created(Third, Founded, "Trường TH Đông Tây", VhXh));
        events.Add(UnitEvent.Merged(TruongTh, new DateOnly(2025, 9, 1), Other));
        events.Add(UnitEvent.Merged(Other, new DateOnly(2026, 1, 1), Third));
        var history = new UnitHistory(events);
        Assert.Equal([Other], history.SuccessorsOf(TruongTh, new DateOnly(2025, 12, 1)));
        Assert.Equal([Third], history.SuccessorsOf(TruongTh, new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void A_split_unit_has_every_part_as_successor_and_rolls_up_to_the_first()
    {
        var events = Reorganisation();
        const int PartA = 8, PartB = 9;
        var day = new DateOnly(2025, 9, 1);
        events.Add(UnitEvent.Created(PartA, day, "Trường Tiểu học Đông Hòa A", VhXh));
        events.Add(UnitEvent.Created(PartB, day, "Trường Tiểu học Đông Hòa B", VhXh));
        events.Add(UnitEvent.Split(TruongTh, day, [PartA, PartB]));
        var history = new UnitHistory(events);
        Assert.Equal([PartA, PartB], history.SuccessorsOf(TruongTh, day));
        Assert.Equal(PartA, history.RollUpTarget(TruongTh, day));
    }

    [Fact]
    public void Moving_a_unit_under_its_own_descendant_is_refused()
    {
        var history = new UnitHistory(Reorganisation());
        var move = UnitEvent.Moved(So, new DateOnly(2025, 1, 1), TruongTh);
        var error = Assert.Throws<RuleViolation>(() => history.EnsureCanRecord(move));
        Assert.Equal("ParentId", error.Field);
        Assert.Contains("cấp dưới", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_appended_event_counts_as_if_it_had_been_loaded()
    {
        var loaded = new UnitHistory(Reorganisation());
        var rename = UnitEvent.Renamed(Thpt, new DateOnly(2025, 9, 5), "Trường THPT Nguyễn Du");
        loaded.EnsureCanRecord(rename);
        loaded.Append(rename);
        var rebuilt = new UnitHistory([.. Reorganisation(), rename]);
        Assert.Equal(rebuilt.On(Thpt, new DateOnly(2025, 9, 5)), loaded.On(Thpt, new DateOnly(2025, 9, 5)));
        Assert.Equal("Trường THPT Đông Sơn", loaded.On(Thpt, new DateOnly(2025, 9, 4))!.Name);
    }

    [Fact]
    public void Moving_a_unit_under_itself_is_refused()
    {
        var error = Assert.Throws<RuleViolation>(() => UnitEvent.Moved(So, Reform, So));
        Assert.Contains("chính nó", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_under_a_unit_that_no_longer_exists_is_refused()
    {
        var history = new UnitHistory(Reorganisation());
        var move = UnitEvent.Moved(Thpt, new DateOnly(2025, 8, 1), PhongGd);
        Assert.Throws<RuleViolation>(() => history.EnsureCanRecord(move));
    }

    [Fact]
    public void A_change_dated_before_the_last_recorded_change_is_refused()
    {
        var history = new UnitHistory(Reorganisation());
        var rename = UnitEvent.Renamed(TruongTh, new DateOnly(2025, 1, 1), "Tên mới");
        var error = Assert.Throws<RuleViolation>(() => history.EnsureCanRecord(rename));
        Assert.Equal("EffectiveOn", error.Field);
    }

    [Fact]
    public void A_closed_unit_cannot_change_afterwards()
    {
        var history = new UnitHistory(Reorganisation());
        var rename = UnitEvent.Renamed(PhongGd, new DateOnly(2025, 8, 1), "Tên mới");
        Assert.Throws<RuleViolation>(() => history.EnsureCanRecord(rename));
    }

    [Fact]
    public void A_split_needs_two_distinct_successors()
    {
        Assert.Throws<RuleViolation>(() => UnitEvent.Split(TruongTh, Reform, [VhXh]));
        Assert.Throws<RuleViolation>(() => UnitEvent.Split(TruongTh, Reform, [VhXh, VhXh]));
    }

    [Fact]
    public void Accepted_moves_never_make_a_unit_its_own_ancestor()
    {
        // Invariant: whatever moves are attempted, the ones EnsureCanRecord accepts leave every day's tree acyclic.
        Prop.ForAll(
            Gen.ArrayOf(Gen.Zip(Gen.Choose(1, 7), Gen.Choose(1, 7))).ToArbitrary(),
            moves =>
            {
                var events = Reorganisation();
                var day = new DateOnly(2025, 8, 1);
                foreach (var (unit, parent) in moves)
                {
                    try
                    {
                        var move = UnitEvent.Moved(unit, day, parent);
                        new UnitHistory(events).EnsureCanRecord(move);
                        events.Add(move);
                    }
                    catch (RuleViolation) { }
                    day = day.AddDays(1);
                }
                var history = new UnitHistory(events);
                return history.TreeOn(day).All(s => !history.AncestorsOn(s.UnitId, day).Contains(s.UnitId));
            }).QuickCheckThrowOnFailure();
    }
}

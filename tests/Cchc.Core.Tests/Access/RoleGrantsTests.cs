using Cchc.Core.Access;
using Cchc.Core.Common;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Core.Tests.Access;

public sealed class RoleGrantsTests
{
    private static HashSet<string> Set(params string[] roles) => roles.ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void A_system_admin_grants_every_role()
    {
        Assert.Equal(Roles.All, RoleGrants.Grantable(Set(Roles.SystemAdmin)));
    }

    [Fact]
    public void A_unit_admin_grants_every_role_but_system_admin()
    {
        var grantable = RoleGrants.Grantable(Set(Roles.UnitAdmin));
        Assert.DoesNotContain(Roles.SystemAdmin, grantable);
        Assert.Equal(Roles.All.Count - 1, grantable.Count);
    }

    [Theory]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.Specialist)]
    [InlineData(Roles.OneStopOfficer)]
    [InlineData(Roles.Inspector)]
    public void Other_roles_grant_nothing(string role)
    {
        Assert.Empty(RoleGrants.Grantable(Set(role)));
    }

    [Fact]
    public void A_unit_admin_asking_for_system_admin_is_refused_in_vietnamese()
    {
        var e = Assert.Throws<RuleViolation>(() => RoleGrants.CheckAssignment(Set(Roles.UnitAdmin), [Roles.Leader, Roles.SystemAdmin]));
        Assert.Equal("Bạn không có quyền cấp vai trò “Quản trị hệ thống”.", e.Message);
        Assert.Equal("Roles", e.Field);
    }

    [Fact]
    public void An_empty_or_unknown_role_set_is_refused()
    {
        Assert.Equal("Chọn ít nhất một vai trò.", Assert.Throws<RuleViolation>(() => RoleGrants.CheckAssignment(Set(Roles.SystemAdmin), [])).Message);
        Assert.StartsWith("Vai trò không hợp lệ", Assert.Throws<RuleViolation>(() => RoleGrants.CheckAssignment(Set(Roles.SystemAdmin), ["root"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_admin_cannot_manage_a_system_admin_but_a_system_admin_can()
    {
        Assert.False(RoleGrants.CanManage(Set(Roles.UnitAdmin), [Roles.SystemAdmin]));
        Assert.True(RoleGrants.CanManage(Set(Roles.UnitAdmin), [Roles.UnitAdmin, Roles.Leader]));
        Assert.True(RoleGrants.CanManage(Set(Roles.SystemAdmin), [Roles.SystemAdmin]));
        Assert.False(RoleGrants.CanManage(Set(Roles.Leader), [Roles.Specialist]));
    }

    [Fact]
    public void Whatever_a_granter_holds_a_grant_it_passes_never_contains_a_role_it_could_not_hand_out()
    {
        // Invariant: CheckAssignment accepts a set only when every role is in Grantable(granter).
        var roleSets = Gen.SubListOf(Roles.All.ToArray()).Select(l => l.ToList());
        Prop.ForAll(roleSets.ToArbitrary(), roleSets.ToArbitrary(), (granter, requested) =>
        {
            var granterSet = granter.ToHashSet(StringComparer.Ordinal);
            var accepted = true;
            try { RoleGrants.CheckAssignment(granterSet, requested); }
            catch (RuleViolation) { accepted = false; }
            var allowed = requested.Count > 0 && requested.All(r => RoleGrants.Grantable(granterSet).Contains(r));
            return accepted == allowed && !(accepted && requested.Contains(Roles.SystemAdmin) && !granterSet.Contains(Roles.SystemAdmin));
        }).QuickCheckThrowOnFailure();
    }
}

public sealed class ApiKeyTests
{
    private static readonly DateTime Created = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_key_cannot_carry_an_administrator_role()
    {
        Assert.Throws<RuleViolation>(() => new ApiKey("Tập lệnh", "abcdefgh", new string('0', 64), 1, Roles.UnitAdmin, Created));
        Assert.Throws<RuleViolation>(() => new ApiKey("Tập lệnh", "abcdefgh", new string('0', 64), 1, Roles.SystemAdmin, Created));
    }

    [Fact]
    public void A_key_needs_a_name_of_at_most_100_characters()
    {
        Assert.Equal("Tên khóa API bắt buộc, tối đa 100 ký tự.",
            Assert.Throws<RuleViolation>(() => new ApiKey(" ", "abcdefgh", new string('0', 64), 1, Roles.Leader, Created)).Message);
        Assert.Throws<RuleViolation>(() => new ApiKey(new string('k', 101), "abcdefgh", new string('0', 64), 1, Roles.Leader, Created));
    }

    [Fact]
    public void Use_is_recorded_at_most_once_a_minute_and_revocation_keeps_its_first_time()
    {
        var key = new ApiKey("Một cửa tỉnh", "abcdefgh", new string('0', 64), 1, Roles.OneStopOfficer, Created);
        Assert.True(key.MarkUsed(Created));
        Assert.False(key.MarkUsed(Created.AddSeconds(59)));
        Assert.True(key.MarkUsed(Created.AddMinutes(1)));
        Assert.Equal(Created.AddMinutes(1), key.LastUsedAt);

        key.Revoke(Created.AddHours(1));
        key.Revoke(Created.AddHours(2));
        Assert.True(key.IsRevoked);
        Assert.Equal(Created.AddHours(1), key.RevokedAt);
    }
}

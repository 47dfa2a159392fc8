using Cchc.Core.Common;
using Cchc.Core.Organisation;

namespace Cchc.Core.Tests.Organisation;

public sealed class UnitTypesTests
{
    [Fact]
    public void Every_type_reads_back_from_its_Vietnamese_name_as_the_import_sheet_writes_it()
    {
        foreach (var type in UnitTypes.All)
            Assert.Equal(type, UnitTypes.Parse(UnitTypes.DisplayName(type)));
    }

    [Theory]
    [InlineData("trường tiểu học", UnitType.PrimarySchool)]
    [InlineData("11", UnitType.PrimarySchool)]
    [InlineData("Phòng Văn hóa – Xã hội", UnitType.CommuneCultureSociety)]
    public void A_type_is_read_from_any_case_or_its_number(string text, UnitType expected) =>
        Assert.Equal(expected, UnitTypes.Parse(text));

    [Theory]
    [InlineData("Trường đại học")]
    [InlineData("")]
    [InlineData("7")]
    public void An_unknown_type_reads_as_nothing(string text) => Assert.Null(UnitTypes.Parse(text));

    [Fact]
    public void A_unit_cannot_be_closed_before_it_was_founded()
    {
        var unit = new Unit("TH01", "Trường Tiểu học Đông Sơn", UnitType.PrimarySchool, new DateOnly(2015, 1, 1));
        Assert.Throws<RuleViolation>(() => unit.Close(new DateOnly(2014, 12, 31), null));
    }
}

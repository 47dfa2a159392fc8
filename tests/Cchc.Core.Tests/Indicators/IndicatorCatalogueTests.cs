using System.Text;
using System.Text.RegularExpressions;
using Cchc.Core.Indicators;

namespace Cchc.Core.Tests.Indicators;

public sealed class IndicatorCatalogueTests
{
    // domain.md, "Indicators the seeds commit to": every canonical code, no more.
    private static readonly string[] DomainCodes =
    [
        "DOSSIER_ON_TIME_RATE", "DOSSIER_EARLY_RATE", "DOSSIER_ONLINE_RATE", "PROCEDURE_ONLINE_COVERAGE",
        "PROCEDURE_ONLINE_WITH_DOSSIERS", "PROCEDURE_POSTAL_COVERAGE", "DOSSIER_POSTAL_RECEIPT_RATE",
        "DOSSIER_POSTAL_RETURN_RATE", "DOSSIER_DIGITISED_RESULT_RATE", "ONLINE_PAYMENT_COVERAGE", "ONLINE_PAYMENT_RATE",
        "INTERNAL_ELECTRONIC_TRANSFER_RATE", "DATA_REUSE_RATE", "LATE_DOSSIER_APOLOGY_RATE", "DESK_WAIT_MINUTES_AVG",
        "SATISFACTION_RATE", "RATING_PARTICIPATION_RATE", "PETITION_HANDLED_RATE", "PROCEDURE_PUBLISHED_RATE",
        "PROCEDURE_ISO_RATE", "PROCEDURE_EISO_RATE", "TASK_COMPLETION_RATE", "REPORT_ON_TIME_RATE",
        "UNIT_PLAN_SUBMITTED_RATE", "INSPECTION_COVERAGE_RATE", "INSPECTION_FINDINGS_RESOLVED_RATE",
        "ONLINE_WORKFILE_RATE", "E_DOCUMENT_SIGNED_RATE", "STAFF_TRAINED_RATE", "STAFF_DATA_SKILLS_RATE",
        "SELF_FINANCED_UNIT_RATE", "BUSINESS_DIALOGUES_PER_YEAR", "PAR_INDEX_RANK", "PAR_INDEX_SCORE",
    ];

    [Fact]
    public void The_catalogue_holds_every_code_of_the_domain_table_once() =>
        Assert.Equal(DomainCodes.Order(), IndicatorCatalogue.All.Select(d => d.Code).Order());

    [Fact]
    public void Every_indicator_the_importer_assigns_to_a_seed_target_is_known()
    {
        var codes = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "PlanImport", "Fixtures"), "*.json")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"indicator\": \"([A-Z_]+)\"").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.True(IndicatorCatalogue.IsKnown(c), c));
    }

    [Fact]
    public void Names_are_given_in_both_languages_in_NFC() =>
        Assert.All(IndicatorCatalogue.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.NameVi));
            Assert.False(string.IsNullOrWhiteSpace(d.NameEn));
            Assert.True(d.NameVi.IsNormalized(NormalizationForm.FormC), d.Code);
        });

    [Theory]
    [InlineData("DESK_WAIT_MINUTES_AVG", IndicatorKind.Minutes, IndicatorSource.QueueTickets, IndicatorDirection.LowerIsBetter)]
    [InlineData("PAR_INDEX_RANK", IndicatorKind.Rank, IndicatorSource.Scoring, IndicatorDirection.LowerIsBetter)]
    [InlineData("BUSINESS_DIALOGUES_PER_YEAR", IndicatorKind.Count, IndicatorSource.Entered, IndicatorDirection.HigherIsBetter)]
    [InlineData("DOSSIER_ON_TIME_RATE", IndicatorKind.Rate, IndicatorSource.Dossiers, IndicatorDirection.HigherIsBetter)]
    [InlineData("STAFF_TRAINED_RATE", IndicatorKind.Rate, IndicatorSource.Entered, IndicatorDirection.HigherIsBetter)]
    public void Kind_source_and_direction(string code, IndicatorKind kind, IndicatorSource source, IndicatorDirection direction)
    {
        var d = IndicatorCatalogue.Find(code)!;
        Assert.Equal((kind, source, direction), (d.Kind, d.Source, d.Direction));
        Assert.Equal(source != IndicatorSource.Entered, d.IsComputed);
    }

    [Fact]
    public void Unknown_codes_are_not_found() => Assert.Null(IndicatorCatalogue.Find("NO_SUCH_CODE"));

    [Fact]
    public void A_rate_with_nothing_to_count_has_no_value_not_zero()
    {
        var v = IndicatorValue.Rate("DOSSIER_ON_TIME_RATE", 0, 0);
        Assert.Null(v.Value);
        Assert.False(v.HasValue);
        Assert.Equal(0, IndicatorValue.Rate("DOSSIER_ON_TIME_RATE", 0, 4).Value);
    }

    [Fact]
    public void Rates_roll_up_by_their_counts_not_by_averaging()
    {
        // A school with 1 of 2 dossiers on time and a department with 99 of 100: 100/102, not (50 + 99) / 2.
        var v = IndicatorValue.RollUp("DOSSIER_ON_TIME_RATE",
            [IndicatorValue.Rate("DOSSIER_ON_TIME_RATE", 1, 2), IndicatorValue.Rate("DOSSIER_ON_TIME_RATE", 99, 100)]);
        Assert.Equal(100.0 / 102 * 100, v.Value!.Value, 9);
    }

    [Fact]
    public void Averages_roll_up_as_averages()
    {
        var v = IndicatorValue.RollUp("DESK_WAIT_MINUTES_AVG",
            [IndicatorValue.Average("DESK_WAIT_MINUTES_AVG", 60, 3), IndicatorValue.Average("DESK_WAIT_MINUTES_AVG", 40, 1)]);
        Assert.Equal(25, v.Value);
    }
}

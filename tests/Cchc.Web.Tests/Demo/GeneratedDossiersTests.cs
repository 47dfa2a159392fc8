using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Web.Data;
using Cchc.Web.Features.Calendar;
using Cchc.Web.Features.Demo;
using Cchc.Web.Features.Dossiers;
using Cchc.Web.Features.Procedures;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cchc.Web.Tests.Demo;

/// <summary>The generator over a real database: bulk insert, read back through EF, codes, and the command line.</summary>
public abstract class GeneratedDossiersTests(TestApp app) : DataTest(app)
{
    private async Task<DossierYearSource> SourceAsync(DateOnly from, DateOnly to) =>
        await App.WithServicesAsync(async sp =>
        {
            await DemoData.EnsureTreeAsync(sp, CancellationToken.None);
            var calendar = await sp.GetRequiredService<CalendarProvider>().GetAsync(CancellationToken.None);
            return await GeneratedDossiers.LoadSourceAsync(sp.GetRequiredService<CchcDb>(), calendar, from, to, CancellationToken.None);
        });

    private Task<List<Dossier>> StoredAsync(DateOnly from, DateOnly to) => App.WithDbAsync(db => db.Dossiers().AsNoTracking()
        .Include(d => d.Supplements).Include(d => d.Steps).Include(d => d.Events).AsSplitQuery()
        .Where(d => d.IsDemo && d.CodeDate >= from && d.CodeDate <= to).ToListAsync());

    [Fact]
    public async Task Bulk_inserted_dossiers_read_back_through_EF_equal_the_generated_ones_and_the_next_insert_gets_a_fresh_id()
    {
        var from = new DateOnly(2025, 6, 16);
        var to = new DateOnly(2025, 7, 11);
        var asOf = GeneratedDossierChecks.Vn(2025, 7, 14, 10);
        var source = await SourceAsync(from, to);
        var generated = new DossierYear(source, new DossierYearSettings(from, to, 1_500, 11, asOf)).Generate().ToList();

        var result = await App.WithDbAsync(db => BulkInsert.InsertAsync(db, generated, batchSize: 400));
        Assert.Equal(1_500, result.Roots);
        Assert.Equal(1_500, result.RowsByTable["dossiers"]);
        Assert.Equal(generated.Sum(d => d.Events.Count), result.RowsByTable["dossier_events"]);
        Assert.Equal(generated.Sum(d => d.Steps.Count), result.RowsByTable["dossier_steps"]);
        Assert.Equal(generated.Sum(d => d.Supplements.Count), result.RowsByTable["dossier_supplements"]);
        Assert.Contains(generated, d => d.Steps.Count > 0);
        Assert.Contains(generated, d => d.Supplements.Count > 0);

        // Ids: assigned in order, the children pointing at their dossier.
        Assert.Equal(generated.Count, generated.Select(d => d.Id).Distinct().Count());
        Assert.All(generated, d => Assert.All(d.Events, e => Assert.Equal(d.Id, e.DossierId)));
        Assert.All(generated, d => Assert.All(d.Steps, s => Assert.Equal(d.Id, s.DossierId)));
        var eventIds = generated.SelectMany(d => d.Events).Select(e => e.Id).ToList();
        Assert.Equal(eventIds.Order(), eventIds);

        var stored = (await StoredAsync(from, to)).ToDictionary(d => d.Id);
        var model = await App.WithDbAsync(db => Task.FromResult(db.Model));
        foreach (var d in generated)
        {
            var back = stored[d.Id];
            AssertSameColumns(model, d, back);
            Assert.Equal(d.Supplements.Count, back.Supplements.Count);
            foreach (var (a, b) in d.Supplements.Zip(back.Supplements.OrderBy(s => s.Number))) AssertSameColumns(model, a, b);
            foreach (var (a, b) in d.Steps.Zip(back.Steps.OrderBy(s => s.Number), (a, b) => (a, b))) AssertSameColumns(model, a, b);
            Assert.Equal(d.Steps.Count, back.Steps.Count);
            Assert.Equal(d.Events.Count, back.Events.Count);
            foreach (var (a, b) in d.Events.Zip(back.Events.OrderBy(e => e.Id))) AssertSameColumns(model, a, b);
        }

        // What was stored passes the rules too (statuses, due dates against the clock, units on their dates).
        var calendar = await App.WithServicesAsync(sp => sp.GetRequiredService<CalendarProvider>().GetAsync(CancellationToken.None));
        var desks = source.Units.ToDictionary(u => u.Id);
        var problems = stored.Values.SelectMany(d => GeneratedDossierChecks.Problems(d, new DossierClock(calendar), calendar, desks, asOf)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));

        // The identity sequences moved past the bulk keys: an ordinary insert gets a fresh id.
        var fresh = await App.WithDbAsync(async db =>
        {
            var procedure = await db.Procedures().FirstAsync(p => p.Code == "DEMO.1.0001");
            var desk = await db.Units.FirstAsync(u => u.Code == "DEMO-KTKD");
            var d = Dossier.Receive(DossierService.AgencyCode(desk), 9_000, procedure, desk.Id, new Applicant("Người nộp thử", "0912345678", null, null),
                SubmissionChannel.Desk, GeneratedDossierChecks.Vn(2025, 6, 16, 9), null, new DossierActor("Cán bộ thử", null, DossierEventSource.Desk),
                new DossierClock(calendar));
            db.Dossiers().Add(d);
            await db.SaveChangesAsync();
            return d;
        });
        Assert.True(fresh.Id > generated.Max(d => d.Id));
        Assert.True(fresh.Events.Single().Id > eventIds.Max());
    }

    [Fact]
    public async Task Generating_twice_over_the_same_days_continues_each_units_sequence_and_keeps_codes_unique()
    {
        var from = new DateOnly(2025, 3, 3);
        var to = new DateOnly(2025, 3, 7);
        await SourceAsync(from, to);
        var settings = new DossierYearSettings(from, to, 600, 5, GeneratedDossierChecks.Vn(2025, 3, 10, 8));
        var first = await GeneratedDossiers.RunAsync(App.Services, settings);
        var second = await GeneratedDossiers.RunAsync(App.Services, settings);
        Assert.Equal((600, 600), (first.Dossiers, second.Dossiers));

        var stored = await StoredAsync(from, to);
        Assert.Equal(1_200, stored.Count);
        Assert.Equal(stored.Count, stored.Select(d => d.Code).Distinct().Count());
        foreach (var day in stored.GroupBy(d => (d.ReceivingUnitId, d.CodeDate)))
            Assert.Equal(Enumerable.Range(1, day.Count()), day.Select(d => d.Sequence).Order());
    }

    [Fact]
    public async Task The_command_generates_dossiers_prints_the_speed_and_is_refused_in_Production()
    {
        var from = new DateOnly(2025, 9, 8);
        var to = new DateOnly(2025, 9, 12);
        string[] args = ["--from", "2025-09-08", "--to", "2025-09-12", "--count", "500", "--seed", "9"];
        var output = new StringWriter();
        var errors = new StringWriter();

        Assert.Equal(3, await Cli.GenerateDossiersAsync(App.Services, new TestHostEnvironment(Environments.Production), args, output, errors, CancellationToken.None));
        Assert.Contains("Production", errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(from, to));

        Assert.Equal(2, await Cli.GenerateDossiersAsync(App.Services, new TestHostEnvironment("Testing"), ["--from", "2025-09-08", "--count", "5"], output, errors, CancellationToken.None));
        Assert.Equal(2, await Cli.GenerateDossiersAsync(App.Services, new TestHostEnvironment("Testing"), ["--from", "2025-09-08", "--to", "2099-01-01", "--count", "5"], output, errors, CancellationToken.None));
        Assert.Contains("generate-dossiers --from", errors.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, await Cli.GenerateDossiersAsync(App.Services, new TestHostEnvironment("Testing"), args, output, errors, CancellationToken.None));
        Assert.Contains("hồ sơ/s", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("dossiers/s", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(500, (await StoredAsync(from, to)).Count);
    }

    /// <summary>Every mapped column (read from the EF model, so new columns are compared too) holds the same value.</summary>
    private static void AssertSameColumns(IModel model, object expected, object actual)
    {
        var type = model.FindEntityType(expected.GetType())!;
        foreach (var property in type.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            var getter = property.GetGetter();
            object? a = Normalise(getter.GetClrValue(expected)), b = Normalise(getter.GetClrValue(actual));
            Assert.True(Equals(a, b), $"{type.DisplayName()}.{property.Name}: generated {a}, stored {b}");
        }
    }

    // PostgreSQL keeps microseconds (the due instant 23:59:59.9999999 reads back one tick earlier) and SQLite no kind.
    private static object? Normalise(object? value) => value is DateTime t ? new DateTime(t.Ticks - t.Ticks % 10, DateTimeKind.Utc) : value;
}

public sealed class GeneratedDossiersTestsOnSqlite(SqliteApp app) : GeneratedDossiersTests(app), IClassFixture<SqliteApp>;

public sealed class GeneratedDossiersTestsOnPostgres(PostgresApp app) : GeneratedDossiersTests(app), IClassFixture<PostgresApp>;

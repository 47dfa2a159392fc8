namespace Cchc.Web.Tests.Infrastructure;

/// <summary>
/// Base of every data test: the same tests run once per provider, through two sealed subclasses
/// (`…OnSqlite(SqliteApp)`, `…OnPostgres(PostgresApp)`). Without a PostgreSQL server the PostgreSQL
/// half skips on a developer's machine and fails in CI.
/// </summary>
public abstract class DataTest
{
    protected DataTest(TestApp app)
    {
        if (!app.Available)
        {
            if (PostgresServer.Required) Assert.Fail("PostgreSQL is required in CI: " + PostgresServer.UnavailableReason);
            Assert.Skip("PostgreSQL not installed here: " + PostgresServer.UnavailableReason);
        }
        App = app;
    }

    protected TestApp App { get; }
}

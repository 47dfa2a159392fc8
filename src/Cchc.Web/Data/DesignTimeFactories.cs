using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cchc.Web.Data;

// Used only by `dotnet ef` (build/migrations.sh) to build each provider's model; never at run time.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteCchcDb>
{
    public SqliteCchcDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCchcDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresCchcDb>
{
    public PostgresCchcDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCchcDb>().UseNpgsql("Host=localhost;Database=design").Options);
}

using Cchc.Core.Common;
using Cchc.Core.Organisation;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Data;

/// <summary>
/// The one DbContext. Each provider has its own subclass so that each keeps its own migrations set
/// (SQLite and PostgreSQL generate different column types); the app always asks for <see cref="CchcDb"/>.
/// </summary>
public abstract class CchcDb(DbContextOptions options) : IdentityDbContext<AppUser, AppRole, int>(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitEvent> UnitEvents => Set<UnitEvent>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Every modified versioned record gets the next version; EF checks the original one in the UPDATE's
    // WHERE clause, so a stale edit updates no row and raises DbUpdateConcurrencyException.
    private void BeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
            if (entry.State == EntityState.Modified)
                entry.Entity.Version++;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CchcDb).Assembly);
    }
}

public sealed class SqliteCchcDb(DbContextOptions<SqliteCchcDb> options) : CchcDb(options);

public sealed class PostgresCchcDb(DbContextOptions<PostgresCchcDb> options) : CchcDb(options);

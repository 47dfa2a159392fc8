using System.Threading.RateLimiting;
using Cchc.Core.Dossiers;
using Cchc.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Dossiers;

/// <summary>What a citizen sees of their dossier: status, appointment date and the steps in plain words, nothing else.</summary>
public sealed record PublicDossierView(string Code, string ProcedureName, string StatusName, DateOnly? AppointmentDate, IReadOnlyList<PublicDossierStep> Steps);

public sealed record PublicDossierStep(DateTime At, string Text);

public enum LookupResult { Found, NotFound, TooManyAttempts }

/// <summary>
/// Failed lookups per client address, with the ASP.NET rate limiter primitives: 5 failures in 15 minutes, then
/// the client waits for the window to end. Successful lookups take no permit (a citizen checking their own
/// dossier is never slowed down); a guesser is.
/// </summary>
public sealed class LookupThrottle : IDisposable
{
    public const int FailuresAllowed = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = FailuresAllowed,
            Window = Window,
            QueueLimit = 0,
        }));

    /// <summary>True while the client still has failures left.</summary>
    public bool MayTry(string client) => (_limiter.GetStatistics(client)?.CurrentAvailablePermits ?? FailuresAllowed) > 0;

    public void Failed(string client) => _limiter.AttemptAcquire(client).Dispose();

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Point 5: the anonymous citizen lookup by dossier code and the last four digits of the phone number.</summary>
public sealed class DossierLookup(CchcDb db, LookupThrottle throttle)
{
    public async Task<(LookupResult Result, PublicDossierView? View)> FindAsync(string client, string? code, string? phoneTail, CancellationToken ct)
    {
        if (!throttle.MayTry(client)) return (LookupResult.TooManyAttempts, null);
        var c = (code ?? "").Trim().ToUpperInvariant();
        var tail = (phoneTail ?? "").Trim();
        var dossier = c.Length is > 0 and <= Dossier.CodeMaxLength && tail.Length == 4 && tail.All(char.IsAsciiDigit)
            ? await db.Dossiers().AsNoTracking().Include(d => d.Events).AsSplitQuery()
                .FirstOrDefaultAsync(d => d.Code == c && d.PhoneTail == tail, ct)
            : null;
        // An unknown code and a wrong phone give the same answer: nobody learns that a code exists.
        if (dossier is null)
        {
            throttle.Failed(client);
            return (LookupResult.NotFound, null);
        }

        var procedure = await db.Set<Cchc.Core.Procedures.Procedure>().AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        var steps = dossier.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Where(e => e.Action != (int)DossierEventKind.Note)
            .Select(e => new PublicDossierStep(e.AtUtc, e.ToStatus is { } to && e.FromStatus != to ? DossierWorkflow.Name(to) : e.Describe()))
            .ToList();
        return (LookupResult.Found, new PublicDossierView(dossier.Code, procedure, DossierWorkflow.Name(dossier.Status), dossier.AppointmentDate, steps));
    }
}

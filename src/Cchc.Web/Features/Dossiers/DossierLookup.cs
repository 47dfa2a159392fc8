using System.Threading.RateLimiting;
using Cchc.Core.Dossiers;
using Cchc.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Dossiers;

/// <summary>What a citizen sees of their dossier: status, appointment date and the steps in plain words, nothing else.</summary>
/// <param name="ResultName">The result document the desk returned online (status 10, trả trực tuyến), which the citizen may download; else null.</param>
public sealed record PublicDossierView(string Code, string ProcedureName, string StatusName, DateOnly? AppointmentDate, IReadOnlyList<PublicDossierStep> Steps,
    string? ResultName = null);

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
        var (result, dossier) = await MatchAsync(client, code, phoneTail, ct);
        if (dossier is null) return (result, null);

        var procedure = await db.Set<Cchc.Core.Procedures.Procedure>().AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        var steps = dossier.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Where(e => e.Action != (int)DossierEventKind.Note)
            .Select(e => new PublicDossierStep(e.AtUtc, e.ToStatus is { } to && e.FromStatus != to ? DossierWorkflow.Name(to) : e.Describe()))
            .ToList();
        var document = ReturnedOnline(dossier) ? await ResultFileAsync(dossier, ct) : null;
        return (LookupResult.Found, new PublicDossierView(dossier.Code, procedure, DossierWorkflow.Name(dossier.Status), dossier.AppointmentDate, steps,
            document?.Attachment.OriginalName));
    }

    /// <summary>The result document of a dossier returned online, for the citizen who knows its code and phone; throttled like a lookup.</summary>
    public async Task<(LookupResult Result, (Files.FileAttachment Attachment, Files.StoredFile File)? Document)> ResultAsync(
        string client, string? code, string? phoneTail, CancellationToken ct)
    {
        var (result, dossier) = await MatchAsync(client, code, phoneTail, ct);
        if (dossier is null) return (result, null);
        return ReturnedOnline(dossier) && await ResultFileAsync(dossier, ct) is { } file ? (LookupResult.Found, file) : (LookupResult.NotFound, null);
    }

    // NĐ 61 art. 20: the result is handed over where the applicant chose; online only once the desk returned it so.
    private static bool ReturnedOnline(Dossier d) => d is { Status: DossierStatus.Delivered, ReturnMethod: ReturnMethod.Online, ResultFileId: not null };

    private async Task<(Files.FileAttachment Attachment, Files.StoredFile File)?> ResultFileAsync(Dossier d, CancellationToken ct)
    {
        var attachment = await db.Set<Files.FileAttachment>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == d.ResultFileId && a.OwnerKind == Files.FileOwners.Dossier && a.OwnerId == d.Id, ct);
        if (attachment is null) return null;
        return (attachment, await db.Set<Files.StoredFile>().AsNoTracking().SingleAsync(f => f.Id == attachment.StoredFileId, ct));
    }

    private async Task<(LookupResult, Dossier?)> MatchAsync(string client, string? code, string? phoneTail, CancellationToken ct)
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
        return (LookupResult.Found, dossier);
    }
}

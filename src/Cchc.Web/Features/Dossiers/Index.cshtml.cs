using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using Cchc.Core.Procedures;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Dossiers;

/// <summary>The visible dossiers with filters (status, live state, channel, procedure, dates) and counts per status.</summary>
public sealed class IndexModel(DossierService service) : PageModel
{
    [BindProperty(SupportsGet = true)] public DossierStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Live { get; set; }
    [BindProperty(SupportsGet = true)] public SubmissionChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public DossierPage Result { get; private set; } = new(0, 1, 50, [], new Dictionary<DossierStatus, int>());
    public IReadOnlyList<Procedure> Procedures { get; private set; } = [];
    public bool CanReceive { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        CanReceive = DossierService.MayReceive(user);
        Procedures = await service.ProcedureOptionsAsync(ct);
        try
        {
            Result = await service.ListAsync(user, new DossierFilter(From, To, Status, null, Live, Channel, Procedure, PageNumber, 50), ct);
        }
        catch (RuleViolation rule)
        {
            ModelState.AddModelError(string.Empty, rule.Message);
        }
    }

    public static string ChannelName(SubmissionChannel c) => c switch
    {
        SubmissionChannel.Desk => "Trực tiếp",
        SubmissionChannel.Online => "Trực tuyến",
        _ => "Bưu chính",
    };

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["Status"] = Status?.ToString(), ["Live"] = Live, ["Channel"] = Channel?.ToString(), ["Procedure"] = Procedure,
            ["From"] = From?.ToString("yyyy-MM-dd"), ["To"] = To?.ToString("yyyy-MM-dd"), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}

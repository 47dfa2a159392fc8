using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cchc.Core.Access;
using Cchc.Core.Organisation;
using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Security;

/// <summary>
/// Walks every page and API endpoint of the running app (read from its EndpointDataSource, so a new
/// endpoint is walked without being listed here) as anonymous, each role, an API key and — for endpoints
/// that take a record — with the record of a sibling unit, and checks each answer against <see cref="Rules"/>.
/// </summary>
public abstract partial class AuthorizationTests(TestApp app) : DataTest(app)
{
    // ── THE TABLE ──────────────────────────────────────────────────────────────────────────────────────
    // Key: "PAGE /Folder/Page" for a Razor page (its view path), "VERB /route/{pattern}" for an API endpoint.
    // Rule: Anonymous | AnyRole | Only(roles…); .PeopleOnly() refuses API keys; .RedirectsTo(path) when the
    // page's normal answer to a GET is a redirect; .Route(name, r => r.X) fills a route value from the
    // caller's own records (and, for the sibling check, from the sibling unit's records).
    // Pages are checked with GET; their POST handlers sit behind the same page-level policy. A named GET handler
    // (a file: "PAGE /Folder/Page?handler=Pdf") is walked as an endpoint of its own, since it answers without the
    // page's view and does its own scoping.
    /// <summary>Who drafts and follows plans (docs/plans.md, "Permissions"); one-stop officers and inspectors read.</summary>
    private static readonly string[] PlanEditors = [Roles.SystemAdmin, Roles.UnitAdmin, Roles.Leader, Roles.Specialist];

    /// <summary>Who acts on and who reads the one-stop desk queue (docs/queue.md).</summary>
    private static readonly string[] QueueActors = [Roles.SystemAdmin, Roles.UnitAdmin, Roles.OneStopOfficer];
    private static readonly string[] QueueReaders = [.. QueueActors, Roles.Leader, Roles.Inspector];

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["PAGE /Index"] = Rule.AnyRole,
        ["PAGE /Error"] = Rule.Anonymous,
        ["PAGE /Account/Login"] = Rule.Anonymous,
        ["PAGE /Account/LoginWith2fa"] = Rule.Anonymous.RedirectsTo("/Account/Login"),
        ["PAGE /Account/Logout"] = Rule.AnyRole.RedirectsTo("/"),
        ["PAGE /Account/AccessDenied"] = Rule.Anonymous,
        ["PAGE /Account/ChangePassword"] = Rule.AnyRole.PeopleOnly(),
        ["PAGE /Account/TwoFactor"] = Rule.AnyRole.PeopleOnly(),
        ["PAGE /Admin/Index"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["PAGE /Admin/Users/Index"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["PAGE /Admin/Users/Create"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["PAGE /Admin/Users/Edit"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin).Route("id", r => r.User.Id),
        ["PAGE /Admin/ApiKeys/Index"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["GET /api/v1/me"] = Rule.AnyRole,
        // The API description is public, as integrators read it before they hold a key.
        ["GET /openapi/{documentName}.json"] = Rule.Anonymous.Route("documentName", "v1"),
        ["GET /health"] = Rule.Anonymous,
        ["GET /language"] = Rule.Anonymous.RedirectsTo("/"),
        ["PAGE /Admin/Audit"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["PAGE /Admin/DocumentSamples"] = Rule.Only(Roles.SystemAdmin),
        ["PAGE /Admin/DocumentSamples?handler=File"] = Rule.Only(Roles.SystemAdmin).Query("form=slip&period=61&format=pdf"),
        ["GET /api/v1/audit"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["PAGE /Plans/Index"] = Rule.AnyRole,
        ["PAGE /Plans/Details"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        ["PAGE /Plans/Print"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        ["PAGE /Plans/Edit"] = Rule.Only(PlanEditors).Route("id", r => r.Plan.Id),
        ["PAGE /Plans/Target"] = Rule.Only(PlanEditors).Route("planId", r => r.Plan.Id).Route("targetId", r => r.TargetId),
        ["PAGE /Plans/TaskEdit"] = Rule.Only(PlanEditors).Route("planId", r => r.Plan.Id).Route("taskId", r => r.TaskId),
        ["PAGE /Plans/Task"] = Rule.AnyRole.Route("id", r => r.TaskId),
        ["GET /files/{id:int}"] = Rule.AnyRole.Route("id", r => r.FileId),
        ["GET /api/v1/plans"] = Rule.AnyRole,
        ["POST /api/v1/plans"] = Rule.Only(PlanEditors),
        ["GET /api/v1/plans/{id:int}"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        ["PUT /api/v1/plans/{id:int}"] = Rule.Only(PlanEditors).Route("id", r => r.Plan.Id),
        ["GET /api/v1/plans/{id:int}/tasks"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        ["POST /api/v1/plans/{id:int}/tasks"] = Rule.Only(PlanEditors).Route("id", r => r.Plan.Id),
        ["GET /api/v1/tasks/{id:int}"] = Rule.AnyRole.Route("id", r => r.TaskId),
        ["PUT /api/v1/tasks/{id:int}"] = Rule.Only(PlanEditors).Route("id", r => r.TaskId),
        ["PAGE /Tasks/Index"] = Rule.AnyRole,
        ["PAGE /Dossiers/Index"] = Rule.AnyRole,
        ["PAGE /Indicators/Index"] = Rule.AnyRole,
        ["PAGE /Indicators/Index?handler=Xlsx"] = Rule.AnyRole,
        ["PAGE /Indicators/Index?handler=RankingXlsx"] = Rule.AnyRole,
        ["PAGE /Indicators/Print"] = Rule.AnyRole,
        ["PAGE /Indicators/Print?handler=Pdf"] = Rule.AnyRole,
        ["PAGE /Reports/Index"] = Rule.AnyRole,
        ["PAGE /Feedback/Index"] = Rule.AnyRole,
        ["PAGE /Inspections/Index"] = Rule.AnyRole,
        ["PAGE /Units/Index"] = Rule.AnyRole,
        ["PAGE /Units/Index?handler=Export"] = Rule.AnyRole,
        ["PAGE /Units/Details"] = Rule.AnyRole.Route("code", r => r.Unit.Code),
        ["PAGE /Units/Create"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["PAGE /Units/Edit"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin).Route("code", r => r.Unit.Code),
        ["PAGE /Units/Change"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin).Route("code", r => r.Unit.Code).Route("kind", "rename"),
        ["PAGE /Units/Import"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["GET /api/v1/units"] = Rule.AnyRole,
        ["GET /api/v1/units/{code}"] = Rule.AnyRole.Route("code", r => r.Unit.Code),
        ["POST /api/v1/units"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["POST /api/v1/units/{code}/events"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin).Route("code", r => r.Unit.Code),
        ["PAGE /PlanImport/Index"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.Leader, Roles.Specialist),
        // Without a draft key the preview sends the user back to the upload.
        ["PAGE /PlanImport/Preview"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.Leader, Roles.Specialist).RedirectsTo("/PlanImport"),
        ["POST /api/v1/plan-imports"] = Rule.AnyRole,
        ["GET /api/v1/users"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin),
        ["GET /api/v1/users/{id:int}"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin).Route("id", r => r.User.Id),
        ["PAGE /Tasks/Calendar"] = Rule.AnyRole,
        ["PAGE /Tasks/Completion"] = Rule.AnyRole,
        ["GET /api/v1/tasks"] = Rule.AnyRole,
        ["PAGE /Plans/Children/Index"] = Rule.AnyRole.Route("parentId", r => r.Plan.Id),
        ["PAGE /Plans/Children/Create"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.Leader, Roles.Specialist).Route("parent", r => r.Plan.Id),
        ["GET /api/v1/plans/{id:int}/children"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        // Plan files: reading needs the plan visible, importing needs it editable (the caller's unit's own plan here).
        ["PAGE /Plans/Spreadsheet/Export"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        ["PAGE /Plans/Spreadsheet/Import"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        ["PAGE /Plans/Document/Export"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        ["GET /api/v1/plans/{id:int}/tasks.xlsx"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        ["POST /api/v1/plans/{id:int}/tasks.xlsx"] = Rule.Only(PlanEditors).Route("id", r => r.Plan.Id),
        ["GET /api/v1/plans/{id:int}.docx"] = Rule.AnyRole.Route("id", r => r.Plan.Id),
        // The working calendar: every signed-in person reads it (edits are checked in the page's handlers:
        // system admin only); the due-date API is public, used by other systems.
        ["PAGE /Admin/Calendar"] = Rule.AnyRole,
        ["GET /api/v1/calendar/due-date"] = Rule.Anonymous.Query("from=2025-01-24&days=1"),
        ["GET /api/v1/calendar/holidays"] = Rule.Anonymous.Query("year=2025"),
        // The procedure catalogue: read within the owning unit's subtree, edited by admins and one-stop officers;
        // the public pages and search are anonymous.
        ["PAGE /Procedures/Index"] = Rule.AnyRole,
        ["PAGE /Procedures/Index?handler=Export"] = Rule.AnyRole,
        ["PAGE /Procedures/Edit"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.OneStopOfficer),
        ["PAGE /Procedures/Import"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.OneStopOfficer),
        ["PAGE /Public/Procedures/Index"] = Rule.Anonymous,
        ["PAGE /Public/Procedures/Details"] = Rule.Anonymous.RedirectsTo("/Public/Procedures"),
        ["GET /api/v1/procedures"] = Rule.AnyRole,
        ["GET /api/v1/procedures/{code}"] = Rule.AnyRole.Route("code", r => r.Procedure.Code),
        ["POST /api/v1/procedures"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.OneStopOfficer),
        ["PUT /api/v1/procedures/{code}"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.OneStopOfficer).Route("code", r => r.Procedure.Code),
        ["GET /api/v1/public/procedures"] = Rule.Anonymous,
        // The one-stop desk queue (docs/queue.md): one-stop officers and administrators act on their subtree's
        // queues, leaders and inspectors also read the statistics; the board at the desk is public.
        ["PAGE /Queue/Index"] = Rule.Only(QueueActors),
        ["PAGE /Queue/Kiosk"] = Rule.Only(QueueActors),
        ["PAGE /Queue/Ticket"] = Rule.Only(QueueActors).Route("id", r => r.QueueTicketId),
        ["PAGE /Queue/Stats"] = Rule.Only(QueueReaders),
        ["PAGE /Public/Queue/Display"] = Rule.Anonymous.Route("unitCode", r => r.Unit.Code),
        ["POST /api/v1/queue/{unitCode}/tickets"] = Rule.Only(QueueActors).Route("unitCode", r => r.Unit.Code),
        ["POST /api/v1/queue/{unitCode}/call-next"] = Rule.Only(QueueActors).Route("unitCode", r => r.Unit.Code),
        ["POST /api/v1/queue/tickets/{id:int}/call"] = Rule.Only(QueueActors).Route("id", r => r.QueueTicketId),
        ["POST /api/v1/queue/tickets/{id:int}/finish"] = Rule.Only(QueueActors).Route("id", r => r.QueueTicketId),
        ["POST /api/v1/queue/tickets/{id:int}/skip"] = Rule.Only(QueueActors).Route("id", r => r.QueueTicketId),
        ["GET /api/v1/queue/{unitCode}/stats"] = Rule.Only(QueueReaders).Route("unitCode", r => r.Unit.Code),
        // Dossiers (docs/dossiers.md): read by the receiving unit's subtree and the units holding a step; the desk
        // receives; a province system pushes with a one-stop officer's key; citizens look up anonymously.
        ["PAGE /Dossiers/Receive"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.OneStopOfficer),
        ["PAGE /Dossiers/Details"] = Rule.AnyRole.Route("code", r => r.Dossier.Code),
        // The test dossier is not late and has no apology letter: 404 is its normal answer; callers without the right still get refused.
        ["PAGE /Dossiers/Details?handler=ApologyPdf"] = Rule.AnyRole.Route("code", r => r.Dossier.Code).NotFoundIsNormal(),
        ["PAGE /Dossiers/Details?handler=ApologyDocx"] = Rule.AnyRole.Route("code", r => r.Dossier.Code).NotFoundIsNormal(),
        ["PAGE /Dossiers/Receipt"] = Rule.AnyRole.Route("code", r => r.Dossier.Code),
        ["PAGE /Dossiers/Receipt?handler=Pdf"] = Rule.AnyRole.Route("code", r => r.Dossier.Code),
        ["PAGE /Dossiers/Receipt?handler=Docx"] = Rule.AnyRole.Route("code", r => r.Dossier.Code),
        ["PAGE /Public/Dossiers/Index"] = Rule.Anonymous,
        ["PAGE /Public/Dossiers/Submit"] = Rule.Anonymous,
        ["GET /api/v1/dossiers"] = Rule.AnyRole,
        ["GET /api/v1/dossiers/{code}"] = Rule.AnyRole.Route("code", r => r.Dossier.Code),
        ["PUT /api/v1/dossiers/{code}"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.OneStopOfficer).Route("code", r => r.Dossier.Code),
        // Indicators: any reader, for their own unit by default (another unit outside their subtree → 404).
        ["GET /api/v1/indicators"] = Rule.AnyRole,
        ["PAGE /Indicators/Records"] = Rule.AnyRole.Query("code=TASK_COMPLETION_RATE"),
        ["PAGE /Indicators/Enter"] = Rule.Only(Roles.SystemAdmin, Roles.UnitAdmin, Roles.Leader, Roles.Specialist),
    };

    /// <summary>Records of one unit that route values are filled from; add a property when an endpoint takes a new kind of record.</summary>
    public sealed record Records(Unit Unit, AppUser User, Cchc.Core.Plans.Plan Plan, int TargetId, int TaskId, int FileId, Cchc.Core.Procedures.Procedure Procedure, int QueueTicketId, Cchc.Core.Dossiers.Dossier Dossier);

    private async Task<Records> RecordsOfAsync(Unit unit)
    {
        var user = await App.UserAsync(unit, Roles.Specialist);
        var plan = new Cchc.Core.Plans.Plan(unit.Id, "Kế hoạch CCHC năm 2026", 2026, 2026);
        var target = plan.AddTarget(new Cchc.Core.Plans.Target(null, "Đối thoại với người dân", Cchc.Core.Plans.Comparator.AtLeast, 2, "times", 2026));
        var task = plan.AddTask(new Cchc.Core.Plans.PlanTask("1", "Xây dựng kế hoạch CCHC", null, Cchc.Core.Plans.DeadlineParser.Parse("Quý I/2026")));
        task.Assign(unit.Id, []);
        await App.InsertAsync(plan);
        var fileId = await App.WithServicesAsync(async sp =>
        {
            var files = sp.GetRequiredService<Cchc.Web.Features.Files.FileStore>();
            var caller = new CurrentUser(user.Id, user.FullName, unit.Id, unit.Path, new HashSet<string> { Roles.Specialist });
            var a = await files.AttachAsync("bao-cao.pdf", [.. "%PDF-1.7 "u8, .. System.Text.Encoding.UTF8.GetBytes(unit.Code)],
                Cchc.Web.Features.Files.FileOwners.Task, task.Id, Cchc.Web.Features.Files.FilePurposes.Evidence, caller, CancellationToken.None);
            return a.Id;
        });
        var procedure = await App.InsertAsync(new Cchc.Core.Procedures.Procedure(Make.UniqueCode("AUTH"),
            new Cchc.Core.Procedures.ProcedureDetails("Thủ tục kiểm thử phân quyền", "Giáo dục trung học", Cchc.Core.Procedures.CompetentLevel.Department, unit.Id,
                Cchc.Core.Dossiers.ProcessingTime.WorkingDays(5), null, null, Cchc.Core.Procedures.OnlineLevel.None, false, false, false,
                Cchc.Core.Procedures.IsoProcess.None, true, false, new DateOnly(2024, 1, 1), null)));
        var ticket = await App.InsertAsync(new Cchc.Core.Queue.QueueTicket(unit.Id, 1, null, App.Clock.GetUtcNow().UtcDateTime));
        var dossier = await App.WithServicesAsync(sp => sp.GetRequiredService<Cchc.Web.Features.Dossiers.DossierService>().ReceiveAsync(
            new CurrentUser(user.Id, user.FullName, unit.Id, unit.Path, new HashSet<string> { Roles.OneStopOfficer }),
            new Cchc.Web.Features.Dossiers.IntakeInput { ProcedureCode = procedure.Code, ApplicantName = "Người nộp thử", Channel = 1 }, CancellationToken.None));
        return new(unit, user, plan, target.Id, task.Id, fileId, procedure, ticket.Id, dossier);
    }

    // ── THE WALK ───────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public async Task Every_endpoint_has_a_rule()
    {
        var missing = (await EndpointsAsync()).Select(e => e.Key).Where(k => !Rules.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing.Select(k => $"add a rule for “{k}” to AuthorizationTests.Rules")));
    }

    [Fact]
    public async Task Every_rule_names_an_endpoint_that_exists()
    {
        var keys = (await EndpointsAsync()).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var stale = Rules.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "rules for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_rule_says()
    {
        var tree = await App.TreeAsync();
        var own = await RecordsOfAsync(tree.DistrictA);
        var sibling = await RecordsOfAsync(tree.DistrictB);
        var callers = new List<Caller> { new("anonymous", null, App.AnonymousClient()) };
        foreach (var role in Roles.All)
            callers.Add(new Caller(role, role, App.ClientFor(await App.UserAsync(tree.DistrictA, role))));
        var output = new StringWriter();
        await Cli.CreateApiKeyAsync(App.Services, ["--unit", tree.DistrictA.Code, "--role", Roles.Specialist], output, TextWriter.Null);
        var keyClient = App.AnonymousClient();
        keyClient.DefaultRequestHeaders.Add(ApiKeyHandler.Header, output.ToString().Trim().Split('\n')[^1].Trim());
        callers.Add(new Caller("api key (specialist)", Roles.Specialist, keyClient, IsApiKey: true));

        var failures = new List<string>();
        var checks = 0;
        foreach (var endpoint in await EndpointsAsync())
        {
            if (!Rules.TryGetValue(endpoint.Key, out var rule)) continue; // reported by Every_endpoint_has_a_rule
            foreach (var caller in callers)
            {
                var expected = Expect(rule, endpoint, caller, siblingRecord: false);
                var actual = await SendAsync(caller, endpoint, endpoint.Url(rule.UrlFor(endpoint.Pattern, own)));
                checks++;
                if (!Matches(expected, actual, endpoint, rule))
                    failures.Add($"{endpoint.Key} as {caller.Name}: expected {expected}, got {Describe(actual)}");

                if (!rule.Scoped || caller.Role is null) continue;
                var expectedSibling = Expect(rule, endpoint, caller, siblingRecord: true);
                var actualSibling = await SendAsync(caller, endpoint, endpoint.Url(rule.UrlFor(endpoint.Pattern, sibling)));
                checks++;
                if (!Matches(expectedSibling, actualSibling, endpoint, rule))
                    failures.Add($"{endpoint.Key} as {caller.Name} with a sibling unit's record: expected {expectedSibling}, got {Describe(actualSibling)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} checks failed:\n" + string.Join("\n", failures));
        Assert.True(checks >= Rules.Count * callers.Count, "fewer checks than endpoints × callers");
    }

    private enum Outcome { Allowed, NotFound, SignIn, Forbidden }

    private sealed record Caller(string Name, string? Role, HttpClient Client, bool IsApiKey = false);

    /// <summary>
    /// IsApi: under /api, where callers get 401/403 and API keys count; elsewhere (pages, /openapi…) the cookie's redirects apply.
    /// Handler: a page's named GET handler, asked with ?handler=.
    /// </summary>
    private sealed record Endpoint(string Key, string Pattern, string Method, bool IsApi, string? Handler = null)
    {
        public string Url(string url) => Handler is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}handler={Handler}";
    }

    private static Outcome Expect(Rule rule, Endpoint endpoint, Caller caller, bool siblingRecord)
    {
        if (rule.AllowedRoles is null) return Outcome.Allowed;
        if (caller.Role is null) return Outcome.SignIn;
        // API keys authenticate on /api only; elsewhere they are an unknown caller.
        if (caller.IsApiKey && !endpoint.IsApi) return Outcome.SignIn;
        if (caller.IsApiKey && !rule.ApiClients) return Outcome.Forbidden;
        if (!rule.AllowedRoles.Contains(caller.Role)) return Outcome.Forbidden;
        return siblingRecord && caller.Role != Roles.SystemAdmin ? Outcome.NotFound : Outcome.Allowed;
    }

    private static bool Matches(Outcome expected, HttpResponseMessage actual, Endpoint endpoint, Rule rule)
    {
        var status = actual.StatusCode;
        var location = actual.Headers.Location?.OriginalString ?? "";
        return expected switch
        {
            Outcome.Allowed => (int)status is >= 200 and < 300
                || (status == HttpStatusCode.NotFound && rule.NotFoundIsNormalAnswer)
                || (status == HttpStatusCode.Redirect && rule.NormalRedirect is not null && location == rule.NormalRedirect)
                || (endpoint.IsApi && endpoint.Method != "GET" && status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict),
            Outcome.NotFound => status == HttpStatusCode.NotFound,
            Outcome.SignIn => !endpoint.IsApi
                ? status == HttpStatusCode.Unauthorized || (status == HttpStatusCode.Redirect && location.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal))
                : status == HttpStatusCode.Unauthorized,
            Outcome.Forbidden => !endpoint.IsApi
                ? status == HttpStatusCode.Redirect && location.Contains("/Account/AccessDenied", StringComparison.Ordinal)
                : status == HttpStatusCode.Forbidden,
            _ => false,
        };
    }

    private static string Describe(HttpResponseMessage r) =>
        $"{(int)r.StatusCode}{(r.Headers.Location is { } l ? " → " + l.OriginalString : "")}";

    private static async Task<HttpResponseMessage> SendAsync(Caller caller, Endpoint endpoint, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return await caller.Client.SendAsync(request);
    }

    /// <summary>The app's pages (one per view path, and one per named GET handler) and API endpoints (one per verb and route).</summary>
    private async Task<List<Endpoint>> EndpointsAsync()
    {
        var list = new List<Endpoint>();
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = App.Services.GetRequiredService<PageLoader>();
        foreach (var page in routes.Select(e => (e, d: e.Metadata.GetMetadata<PageActionDescriptor>())).Where(x => x.d is not null)
                     .GroupBy(x => x.d!.ViewEnginePath))
        {
            // An Index page answers at "Folder" and "Folder/Index": walk the shorter one.
            var pattern = "/" + page.Select(x => x.e.RoutePattern.RawText ?? "").OrderBy(p => p.Length).First();
            list.Add(new Endpoint("PAGE " + page.Key, pattern, "GET", IsApi: false));
            var compiled = await loader.LoadAsync(page.First().d!, EndpointMetadataCollection.Empty);
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(h.Name)).Select(h => h.Name!).Distinct())
                list.Add(new Endpoint($"PAGE {page.Key}?handler={handler}", pattern, "GET", IsApi: false, handler));
        }
        foreach (var e in routes.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null))
        {
            // A group's "" route reads "/prefix/"; the key is written without the trailing slash.
            var pattern = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
            foreach (var method in e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                list.Add(new Endpoint($"{method} {pattern}", pattern, method, IsApi: pattern.StartsWith("/api/", StringComparison.Ordinal)));
        }
        return list;
    }

    private sealed partial record Rule(IReadOnlySet<string>? AllowedRoles, bool ApiClients = true, string? NormalRedirect = null)
    {
        private readonly Dictionary<string, Func<Records, object>> _routeValues = new(StringComparer.OrdinalIgnoreCase);

        public static Rule Anonymous => new((IReadOnlySet<string>?)null);
        public static Rule AnyRole => new(Roles.All.ToHashSet(StringComparer.Ordinal));
        public static Rule Only(params string[] roles) => new(roles.ToHashSet(StringComparer.Ordinal));

        public Rule PeopleOnly() => this with { ApiClients = false };
        public Rule RedirectsTo(string location) => this with { NormalRedirect = location };

        /// <summary>The test's records hold nothing for it to return (a dossier without an apology letter): 404 counts as allowed.</summary>
        public Rule NotFoundIsNormal() => this with { NotFoundIsNormalAnswer = true };

        public bool NotFoundIsNormalAnswer { get; private init; }

        /// <summary>A route value taken from a record: the caller's own unit, then a sibling unit's (expected 404 but for a system admin).</summary>
        public Rule Route(string name, Func<Records, object> value)
        {
            var copy = this with { Scoped = true };
            copy._routeValues[name] = value;
            return copy;
        }

        /// <summary>A fixed route value (not a record).</summary>
        public Rule Route(string name, string value)
        {
            var copy = this with { };
            copy._routeValues[name] = _ => value;
            return copy;
        }

        public bool Scoped { get; private init; }

        /// <summary>A query string the endpoint needs to give its normal answer (e.g. required parameters).</summary>
        public Rule Query(string query) => this with { QueryString = query };

        private string? QueryString { get; init; }

        public string UrlFor(string pattern, Records records) => Parameter().Replace(pattern, m =>
            _routeValues.TryGetValue(m.Groups[1].Value, out var value)
                ? Uri.EscapeDataString(Convert.ToString(value(records), CultureInfo.InvariantCulture)!)
                : throw new InvalidOperationException($"no value for route parameter “{m.Groups[1].Value}” of {pattern}: add .Route(\"{m.Groups[1].Value}\", …) to its rule"))
            + (QueryString is null ? "" : "?" + QueryString);

        [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
        private static partial Regex Parameter();
    }
}

public sealed class AuthorizationTestsOnSqlite(SqliteApp app) : AuthorizationTests(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationTestsOnPostgres(PostgresApp app) : AuthorizationTests(app), IClassFixture<PostgresApp>;

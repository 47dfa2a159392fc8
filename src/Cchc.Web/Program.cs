using Cchc.Web;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Units;
using Cchc.Web.Features.Plans;
using Cchc.Web.Features.Tasks;
using Cchc.Web.Features.Plans.Children;
using Cchc.Web.Features.Reminders;
using Cchc.Web.Features.PlanImport;
using Cchc.Web.Features.Admin;
using Cchc.Web.Features.Plans.Document;
using Cchc.Web.Features.Calendar;
using Cchc.Web.Features.Procedures;
using Cchc.Web.Features.Queue;
using Cchc.Web.Features.Dossiers;
using Cchc.Web.Features.Indicators;
using Cchc.Web.Operations;
using Cchc.Web.Shared;

var (verb, hostArgs) = Cli.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.AddCchcData();
builder.AddCchcAccounts();
builder.AddUnits();
builder.AddPlans();
builder.AddTasks();
builder.AddPlanChildren();
builder.AddReminders();
builder.AddPlanImport();
builder.AddCalendar();
builder.AddProcedures();
builder.AddQueue();
builder.AddDossiers();
builder.AddIndicators();
builder.AddCchcOperations();
builder.AddPlanFiles();
builder.Services.AddSingleton(TimeProvider.System);
// Vietnamese text is written as itself, not as &#x...; entities (readable source, smaller pages).
builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddCchcLocalization();
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features").AddViewLocalization();
builder.Services.AddCchcErrors();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "CCHC – API quản lý cải cách hành chính ngành Giáo dục";
    doc.Info.Description = "API của hệ thống CCHC. Lỗi trả về dạng ProblemDetails (RFC 9457) với tiêu đề tiếng Việt; "
        + "vi phạm quy tắc nghiệp vụ và xung đột phiên bản trả về 409, dữ liệu không hợp lệ trả về 400.";
    return Task.CompletedTask;
}));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddCchcAudit();
builder.Services.AddScoped<FirstStart>();
builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddHostedService<Cchc.Web.Features.Demo.DemoYearService>();

var app = builder.Build();

if (verb is not null)
    return await Cli.RunAsync(app, verb, hostArgs);

app.UseCchcErrors();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapCchcOperations();
app.MapCchcLanguageSwitch();
app.MapCchcAudit();
app.MapRazorPages();
app.MapUnits();
app.MapPlans();
app.MapPlanImport();
app.MapAccount();
app.MapAdmin();
app.MapTasks();
app.MapPlanChildren();
app.MapPlanFiles();
app.MapCalendar();
app.MapProcedures();
app.MapQueue();
app.MapDossiers();
app.MapIndicators();

app.Run();
return 0;

public partial class Program;

using Cchc.Web;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Admin;

var (verb, hostArgs) = Cli.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.AddCchcData();
builder.AddCchcAccounts();
builder.Services.AddSingleton(TimeProvider.System);
// Vietnamese text is written as itself, not as &#x...; entities (readable source, smaller pages).
builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddScoped<FirstStart>();
builder.Services.AddHostedService<DatabaseStartup>();

var app = builder.Build();

if (verb is not null)
    return await Cli.RunAsync(app, verb, hostArgs);

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseAuthorization();

app.MapOpenApi();
app.MapRazorPages();
app.MapAccount();
app.MapAdmin();

app.Run();
return 0;

public partial class Program;

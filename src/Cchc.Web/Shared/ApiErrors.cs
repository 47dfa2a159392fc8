using System.Text.Json;
using Cchc.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Shared;

/// <summary>
/// The one place where errors become answers (style.md, "Errors"). For `/api` requests: ProblemDetails with
/// a Vietnamese title — RuleViolation and stale edits → 409, malformed requests → 400, anything else → 500
/// without internals; status codes without a body (unknown route, 401, 403) get one too. Pages keep the
/// error page (/Error).
/// </summary>
public static class ApiErrors
{
    public const string ConflictTitle = "Bản ghi đã được người khác sửa trong lúc bạn thao tác. Vui lòng tải lại trang và thực hiện lại thay đổi.";
    public const string RuleTitle = "Yêu cầu vi phạm quy tắc nghiệp vụ";
    public const string JsonTitle = "Nội dung yêu cầu không đúng định dạng JSON";
    public const string BadRequestTitle = "Yêu cầu không hợp lệ";
    public const string ValidationTitle = "Dữ liệu nhập không hợp lệ";
    public const string ServerErrorTitle = "Đã xảy ra lỗi trong hệ thống. Vui lòng thử lại sau.";

    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static bool IsApiPath(string path) => new PathString(path).StartsWithSegments("/api");

    public static void AddCchcErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var p = ctx.ProblemDetails;
            var status = p.Status ?? ctx.HttpContext.Response.StatusCode;
            if (p.Title is null || EnglishDefaults.Contains(p.Title)) p.Title = TitleFor(status, p);
            p.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<CchcExceptionHandler>();
        // Minimal APIs then throw BadHttpRequestException for unreadable input (in every environment), and
        // the handler above answers it; without this they answer an empty 400 outside Development.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    }

    /// <summary>Exception handler first, then bodies for bare status codes: ProblemDetails for /api, the error page otherwise.</summary>
    public static void UseCchcErrors(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        app.UseWhen(ctx => ctx.Request.IsApi(), api => api.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
        }));
        app.UseWhen(ctx => !ctx.Request.IsApi(), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
    }

    private static readonly HashSet<string> EnglishDefaults = new(StringComparer.Ordinal)
    {
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Not Acceptable", "Conflict",
        "Unsupported Media Type", "Unprocessable Entity", "Too Many Requests", "Request Entity Too Large", "Payload Too Large",
        "An error occurred while processing your request.", "One or more validation errors occurred.", "Internal Server Error",
    };

    private static string TitleFor(int status, ProblemDetails p) => status switch
    {
        400 when p is HttpValidationProblemDetails => ValidationTitle,
        400 => BadRequestTitle,
        401 => "Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn",
        403 => "Không có quyền thực hiện thao tác này",
        404 => "Không tìm thấy tài nguyên yêu cầu",
        405 => "Phương thức HTTP không được hỗ trợ cho địa chỉ này",
        406 => "Định dạng phản hồi yêu cầu không được hỗ trợ",
        409 => "Xung đột dữ liệu",
        413 => "Nội dung yêu cầu quá lớn",
        415 => "Kiểu nội dung yêu cầu không được hỗ trợ",
        422 => ValidationTitle,
        429 => "Quá nhiều yêu cầu. Vui lòng thử lại sau.",
        >= 500 => ServerErrorTitle,
        _ => BadRequestTitle,
    };
}

/// <summary>Maps exceptions of /api requests to ProblemDetails; other requests fall through to the error page.</summary>
public sealed class CchcExceptionHandler(IProblemDetailsService problems, Microsoft.Extensions.Options.IOptions<HttpJsonOptions> json, ILogger<CchcExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at /Error; the feature keeps the original path.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (!ApiErrors.IsApiPath(path)) return false;
        var problem = Describe(exception, json.Value.SerializerOptions.PropertyNamingPolicy);
        if (problem.Status >= 500)
            log.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, path);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails Describe(Exception exception, JsonNamingPolicy? naming) => exception switch
    {
        RuleViolation rule => RuleProblem(rule, naming),
        DbUpdateConcurrencyException => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = ApiErrors.ConflictTitle },
        BadHttpRequestException { InnerException: JsonException } or JsonException =>
            new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = ApiErrors.JsonTitle },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Nội dung yêu cầu quá lớn",
                StatusCodes.Status415UnsupportedMediaType => "Kiểu nội dung yêu cầu không được hỗ trợ (cần application/json)",
                _ => ApiErrors.BadRequestTitle,
            },
        },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = ApiErrors.ServerErrorTitle },
    };

    private static ProblemDetails RuleProblem(RuleViolation rule, JsonNamingPolicy? naming)
    {
        var problem = new HttpValidationProblemDetails { Status = StatusCodes.Status409Conflict, Title = ApiErrors.RuleTitle, Detail = rule.Message };
        if (rule.Field is { Length: > 0 } field)
            problem.Errors[naming?.ConvertName(field) ?? field] = [rule.Message];
        return problem;
    }
}

using Cchc.Web.Shared;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Cchc.Core.Common;
using Cchc.Core.Organisation;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Units;

/// <summary>Body of POST /api/v1/units (and the create page): the same attributes validate both.</summary>
public sealed class UnitInput
{
    [Required(ErrorMessage = "Vui lòng nhập mã đơn vị.")]
    [StringLength(50, ErrorMessage = "Mã đơn vị tối đa 50 ký tự.")]
    [RegularExpression(@"^[A-Za-z0-9._\-]+$", ErrorMessage = "Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên đơn vị.")]
    [StringLength(250, ErrorMessage = "Tên đơn vị tối đa 250 ký tự.")]
    public string? Name { get; set; }

    /// <summary>The type's identifier (e.g. PrimarySchool), number or Vietnamese name.</summary>
    [Required(ErrorMessage = "Vui lòng chọn loại đơn vị.")]
    public string? Type { get; set; }

    [StringLength(50, ErrorMessage = "Mã đơn vị cấp trên tối đa 50 ký tự.")]
    public string? ParentCode { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập ngày hiệu lực.")]
    public DateOnly? ValidFrom { get; set; }

    public static UnitType? ParseType(string? text) =>
        Enum.TryParse<UnitType>(text, ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(text, out _) ? t : UnitTypes.Parse(text);
}

/// <summary>Body of POST /api/v1/units/{code}/events: one dated change.</summary>
public sealed class UnitEventInput
{
    /// <summary>rename, move, merge, split or close.</summary>
    [Required(ErrorMessage = "Vui lòng chọn loại thay đổi.")]
    public string? Kind { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập ngày hiệu lực.")]
    public DateOnly? EffectiveOn { get; set; }

    [StringLength(250, ErrorMessage = "Tên đơn vị tối đa 250 ký tự.")]
    public string? Name { get; set; }

    [StringLength(50, ErrorMessage = "Mã đơn vị cấp trên tối đa 50 ký tự.")]
    public string? ParentCode { get; set; }

    public List<string>? SuccessorCodes { get; set; }

    public int? Version { get; set; }
}

public sealed record UnitResponse(string Code, string Name, string Type, string TypeName, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo, int Depth, int Version, bool IsDemo)
{
    public static UnitResponse From(UnitRow r) =>
        new(r.Code, r.Name, r.Type.ToString(), UnitTypes.DisplayName(r.Type), r.ParentCode, r.ValidFrom, r.ValidTo, r.Depth, r.Version, r.IsDemo);
}

public sealed record UnitEventResponse(string Kind, string KindName, DateOnly EffectiveOn, string? Name, string? ParentCode, IReadOnlyList<string> SuccessorCodes);

public sealed record UnitDetailResponse(UnitResponse Unit, IReadOnlyList<UnitEventResponse> History);

public static class UnitsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void AddUnits(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganiseUnits>();
        builder.Services.AddScoped<UnitTree>();
        builder.Services.AddScoped<UnitSheet>();
    }

    public static void MapUnits(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/units").RequireAuthorization().WithTags("Đơn vị");

        api.MapGet("/", async (CurrentUser user, UnitTree tree, string? at, CancellationToken ct) =>
        {
            if (at is null) return Results.Ok((await tree.CurrentAsync(user, includeClosed: false, ct)).Select(UnitResponse.From));
            if (!DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return Problem(400, "Ngày không hợp lệ", new() { ["at"] = ["Ngày phải có dạng YYYY-MM-DD, ví dụ 2025-06-30."] });
            return Results.Ok((await tree.OnAsync(user, day, ct)).Select(UnitResponse.From));
        });

        api.MapGet("/{code}", async (string code, CurrentUser user, CchcDb db, UnitTree tree, CancellationToken ct) =>
        {
            var detail = await DetailAsync(db, tree, user, code, ct);
            return detail is null ? NotFound() : Results.Ok(detail);
        });

        api.MapPost("/", async (HttpRequest request, CurrentUser user, OrganiseUnits organise, CchcDb db, UnitTree tree, CancellationToken ct) =>
        {
            if (!OrganiseUnits.CanEdit(user)) return Forbidden();
            var (input, bad) = await ReadAsync<UnitInput>(request, ct);
            if (bad is not null) return bad;
            var errors = Validate(input!);
            var type = UnitInput.ParseType(input!.Type);
            if (type is null && !string.IsNullOrWhiteSpace(input.Type)) errors["type"] = ["Loại đơn vị không hợp lệ."];
            if (errors.Count > 0) return Problem(400, "Dữ liệu không hợp lệ", errors);
            return await RunAsync(async () =>
            {
                var unit = await organise.CreateAsync(user, new CreateUnit(input.Code!, input.Name!, type!.Value, input.ParentCode, input.ValidFrom!.Value), ct);
                var detail = await DetailAsync(db, tree, user, unit.Code, ct);
                return Results.Created($"/api/v1/units/{Uri.EscapeDataString(unit.Code)}", detail);
            });
        }).Accepts<UnitInput>("application/json").Produces<UnitDetailResponse>(201).ProducesValidationProblem();

        api.MapPost("/{code}/events", async (string code, HttpRequest request, CurrentUser user, OrganiseUnits organise, CchcDb db, UnitTree tree, CancellationToken ct) =>
        {
            if (!OrganiseUnits.CanEdit(user)) return Forbidden();
            // Visibility first: a unit outside the caller's subtree is 404 whatever the body says.
            if (!await db.Units.AsNoTracking().VisibleTo(user).AnyAsync(u => u.Code == code, ct))
                return Problem(404, OrganiseUnits.NotFoundMessage, []);
            var (input, bad) = await ReadAsync<UnitEventInput>(request, ct);
            if (bad is not null) return bad;
            var errors = Validate(input!);
            if (errors.Count > 0) return Problem(400, "Dữ liệu không hợp lệ", errors);
            var on = input!.EffectiveOn!.Value;
            return await RunAsync(async () =>
            {
                var kind = (input.Kind ?? "").Trim().ToLowerInvariant();
                _ = kind switch
                {
                    "rename" => await organise.RenameAsync(user, code, input.Version, Required(input.Name, "name", "Vui lòng nhập tên mới."), on, ct),
                    "move" => await organise.MoveAsync(user, code, input.Version, Required(input.ParentCode, "parentCode", "Vui lòng chọn đơn vị cấp trên mới."), on, ct),
                    "merge" => await organise.MergeAsync(user, code, input.Version, Required(input.SuccessorCodes?.FirstOrDefault(), "successorCodes", "Vui lòng chọn đơn vị tiếp nhận."), on, ct),
                    "split" => await organise.SplitAsync(user, code, input.Version, input.SuccessorCodes ?? [], on, ct),
                    "close" => await organise.CloseAsync(user, code, input.Version, input.SuccessorCodes?.FirstOrDefault(), on, ct),
                    _ => throw new RuleViolation("Loại thay đổi phải là rename, move, merge, split hoặc close.", "kind"),
                };
                return Results.Ok(await DetailAsync(db, tree, user, code, ct));
            });
        }).Accepts<UnitEventInput>("application/json").Produces<UnitDetailResponse>().ProducesValidationProblem();
    }

    internal static async Task<UnitDetailResponse?> DetailAsync(CchcDb db, UnitTree tree, CurrentUser user, string code, CancellationToken ct)
    {
        var rows = await tree.CurrentAsync(user, includeClosed: true, ct);
        var row = rows.FirstOrDefault(r => r.Code == code);
        if (row is null) return null;
        var events = await db.UnitEvents.AsNoTracking().Where(e => e.UnitId == row.Id).OrderBy(e => e.EffectiveOn).ThenBy(e => e.Id).ToListAsync(ct);
        var ids = events.SelectMany(e => e.Successors.Append(e.ParentId ?? 0)).Distinct().ToList();
        var codes = await db.Units.AsNoTracking().VisibleTo(user).Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var history = events.Select(e => new UnitEventResponse(
            e.Kind.ToString(), UnitEvent.KindName(e.Kind), e.EffectiveOn, e.Name,
            e.ParentId is int p ? codes.GetValueOrDefault(p) : null,
            e.Successors.Select(s => codes.GetValueOrDefault(s) ?? "").Where(c => c.Length > 0).ToList())).ToList();
        return new UnitDetailResponse(UnitResponse.From(row), history);
    }

    private static string Required(string? value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new RuleViolation(message, field) : value;

    private static async Task<IResult> RunAsync(Func<Task<IResult>> work)
    {
        try { return await work(); }
        catch (UnitNotFound e) { return Problem(404, e.Message, []); }
        catch (DuplicateCode e) { return Problem(409, e.Message, new() { ["code"] = [e.Message] }); }
        catch (UnitConflict e) { return Problem(409, e.Message, []); }
        catch (RuleViolation e) { return Problem(409, e.Message, e.Field is null ? [] : new() { [JsonNamingPolicy.CamelCase.ConvertName(e.Field)] = [e.Message] }); }
    }

    private static async Task<(T? Input, IResult? Bad)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.HasJsonContentType() is false)
            return (null, Problem(415, "Nội dung gửi lên phải là JSON (Content-Type: application/json).", []));
        try
        {
            var input = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, ct);
            return input is null ? (null, Problem(400, "Nội dung JSON trống.", [])) : (input, null);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } p ? p[2..] : "";
            return (null, Problem(400, "Nội dung JSON không đúng định dạng.",
                field.Length > 0 ? new() { [field] = ["Giá trị không đúng kiểu hoặc định dạng (ngày có dạng YYYY-MM-DD)."] } : []));
        }
    }

    private static Dictionary<string, string[]> Validate(object input) => ApiValidation.Errors(input, JsonNamingPolicy.CamelCase);

    private static IResult NotFound() => Problem(404, OrganiseUnits.NotFoundMessage, []);

    private static IResult Forbidden() => Problem(403, "Bạn không có quyền thay đổi cơ cấu tổ chức (cần vai trò quản trị đơn vị hoặc quản trị hệ thống).", []);

    internal static IResult Problem(int status, string title, Dictionary<string, string[]> errors)
    {
        var extensions = new Dictionary<string, object?>();
        if (errors.Count > 0) extensions["errors"] = errors;
        return Results.Problem(statusCode: status, title: title, extensions: extensions);
    }
}

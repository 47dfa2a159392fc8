namespace Cchc.Web.Features.Account;

public sealed record MeResponse(int Id, string Name, int UnitId, IReadOnlyList<string> Roles, bool IsApiClient);

public static class AccountEndpoints
{
    /// <summary>`GET /api/v1/me`: who the caller is; lets an API client check its key.</summary>
    public static void MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", (CurrentUser user) =>
                new MeResponse(user.Id, user.Name, user.UnitId, [.. user.Roles.Order(StringComparer.Ordinal)], user.IsApiClient))
            .RequireAuthorization(Policies.CanRead)
            .WithName("GetMe")
            .WithTags("Tài khoản");
    }
}

using Cchc.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Cchc.Web.Features.Account;

/// <summary>
/// Every authorization policy of the app, by name. Pages say `[Authorize(Policy = Policies.X)]`, endpoints
/// `.RequireAuthorization(Policies.X)`. An endpoint that says nothing gets <see cref="CanRead"/> (the
/// fallback policy): forgetting an attribute never opens a page to anonymous visitors.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in person or API client holding at least one role.</summary>
    public const string CanRead = "CanRead";
    /// <summary>Manages users and API keys of their subtree.</summary>
    public const string CanManageUnit = "CanManageUnit";
    public const string SystemAdmin = "SystemAdmin";
    /// <summary>A person signed in with the cookie (own password, second factor), never an API client.</summary>
    public const string Person = "Person";

    /// <summary>The scheme that picks the API key handler when the header is present, else the Identity cookie.</summary>
    public const string Scheme = "Cchc";

    private static readonly (string Name, string[] Roles)[] RolePolicies =
    [
        (CanRead, [.. Roles.All]),
        (CanManageUnit, [Roles.SystemAdmin, Roles.UnitAdmin]),
        (SystemAdmin, [Roles.SystemAdmin]),
    ];

    internal static void AddCchcAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IssueApiKey>();
        builder.Services.AddScoped<Admin.AdminUnits>();
        builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddPolicyScheme(Scheme, "Cookie or API key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeyHandler.Header) ? ApiKeyHandler.SchemeName : IdentityConstants.ApplicationScheme);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Person, p => p.RequireAuthenticatedUser().RequireAssertion(c => !c.User.HasClaim(x => x.Type == CchcClaims.ApiClient)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build());
        foreach (var (name, roles) in RolePolicies)
            builder.Services.AddAuthorizationBuilder().AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
    }
}

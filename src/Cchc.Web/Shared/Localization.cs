using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Shared;

/// <summary>
/// Vietnamese first (vi-VN), English beside it: the culture comes from `?culture=en` or the cookie the
/// language link sets; the browser's Accept-Language is not used, so Vietnamese stays the default for everyone.
/// Shared texts live in Resources/SharedResource(.en).resx, read through IStringLocalizer&lt;SharedResource&gt;.
/// </summary>
public static class Localization
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en";
    public static readonly CultureInfo[] Supported = [new(Vietnamese), new(English)];

    public static void AddCchcLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Vietnamese);
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            o.FallBackToParentCultures = true;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
    }

    /// <summary>GET /language?culture=en&amp;returnUrl=/Plans: remembers the choice for a year and goes back.</summary>
    public static void MapCchcLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language", (string? culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = Supported.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase))?.Name ?? Vietnamese;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>The culture that the language link switches to.</summary>
    public static string OtherThan(CultureInfo current) =>
        current.TwoLetterISOLanguageName == "en" ? Vietnamese : English;
}

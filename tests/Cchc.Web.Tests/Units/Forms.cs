using System.Net;
using System.Text.RegularExpressions;

namespace Cchc.Web.Tests.Units;

/// <summary>Posts a page's form the way a browser does: the antiforgery token comes from the page itself.</summary>
internal static partial class Forms
{
    [GeneratedRegex("<input [^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex(" (name|value)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    public static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await HiddenFieldsAsync(client, url))["__RequestVerificationToken"];

    /// <summary>The hidden fields of the page's forms (antiforgery token, Version), as a browser would send them.</summary>
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenPattern().Matches(html))
        {
            var attributes = AttributePattern().Matches(input.Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            if (attributes.TryGetValue("name", out var name)) fields[name] = attributes.GetValueOrDefault("value", "");
        }
        return fields.ContainsKey("__RequestVerificationToken") ? fields : throw new InvalidOperationException("No antiforgery token on " + url);
    }

    /// <summary>Opens the page, then posts its hidden fields overlaid with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var form = await HiddenFieldsAsync(client, url);
        foreach (var (name, value) in fields) form[name] = value;
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, byte[] bytes)
    {
        var token = await TokenAsync(client, url);
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync(url, content);
    }
}

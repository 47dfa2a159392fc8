using System.Net;
using System.Text.RegularExpressions;

namespace Cchc.Web.Tests.PlanImport;

/// <summary>What a browser posts from a page: inputs (checkboxes only when checked), textareas, selected options.</summary>
internal static partial class PreviewForms
{
    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<textarea\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option\\b[^>]*value=\"([^\"]*)\"[^>]*selected=\"selected\"")]
    private static partial Regex Selected();

    [GeneratedRegex(" (name|value|type|checked)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    public static Dictionary<string, string> FieldsOf(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(html))
        {
            var a = Attribute().Matches(input.Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            if (!a.TryGetValue("name", out var name) || a.GetValueOrDefault("type") == "file") continue;
            if (a.GetValueOrDefault("type") == "checkbox" && !a.ContainsKey("checked")) continue;
            // The checkbox's hidden "false" comes after it; the first value posted wins, as in a browser post.
            fields.TryAdd(name, a.GetValueOrDefault("value", ""));
        }
        foreach (Match t in TextArea().Matches(html))
            fields[t.Groups[1].Value] = WebUtility.HtmlDecode(t.Groups[2].Value).TrimStart('\r', '\n');
        foreach (Match s in Select().Matches(html))
            if (Selected().Match(s.Groups[2].Value) is { Success: true } option)
                fields[s.Groups[1].Value] = WebUtility.HtmlDecode(option.Groups[1].Value);
        return fields;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, byte[] bytes)
    {
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = FieldsOf(await page.Content.ReadAsStringAsync())["__RequestVerificationToken"];
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync(url, content);
    }
}

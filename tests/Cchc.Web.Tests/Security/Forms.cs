using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Cchc.Web.Tests.Security;

/// <summary>Posts a page's form the way a browser does: the antiforgery token and cookie come from the GET.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var html = await get.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {url}");
        var target = handler is null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        var body = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        return await client.PostAsync(target, body);
    }

    /// <summary>The caller's antiforgery token, read from <paramref name="pageWithForm"/>; it is valid for every form of that session.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string pageWithForm)
    {
        var token = TokenPattern().Match(await client.GetStringAsync(pageWithForm));
        Assert.True(token.Success, $"no antiforgery token on {pageWithForm}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Posts straight to <paramref name="url"/> with a token from another page: a forged or replayed form.</summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token))));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string Name, string Value)[] fields) =>
        PostAsync(client, url, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static string Decode(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits), written from the RFC to check the product's codes independently.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32Decode(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            message[i] = (byte)(counter & 0xff);
            counter >>= 8;
        }
        var hash = HMACSHA1.HashData(key, message);
        // RFC 4226 §5.3 dynamic truncation.
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        text = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }
        return [.. bytes];
    }
}

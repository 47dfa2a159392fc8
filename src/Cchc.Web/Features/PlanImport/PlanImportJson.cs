using System.Text.Encodings.Web;
using System.Text.Json;
using Cchc.Core.PlanImport;

namespace Cchc.Web.Features.PlanImport;

/// <summary>The contract's JSON (plan-import.md): camelCase names fixed by the records, Vietnamese written as itself.</summary>
public static class PlanImportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Readable Vietnamese in the CLI output and the API answer; the JSON is never embedded in HTML unencoded.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ImportedPlan plan) => JsonSerializer.Serialize(plan, Options);

    public static ImportedPlan? Deserialize(string json) => JsonSerializer.Deserialize<ImportedPlan>(json, Options);
}

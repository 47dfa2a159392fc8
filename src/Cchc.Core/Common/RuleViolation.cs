namespace Cchc.Core.Common;

/// <summary>
/// A business rule was broken. <see cref="Message"/> is Vietnamese and tells the user what to fix;
/// the API maps it to a 409 ProblemDetails, the pages to a form error.
/// </summary>
public sealed class RuleViolation(string message, string? field = null) : Exception(message)
{
    /// <summary>The input field the message belongs to, when there is one.</summary>
    public string? Field { get; } = field;
}

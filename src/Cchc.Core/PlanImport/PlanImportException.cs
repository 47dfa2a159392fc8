namespace Cchc.Core.PlanImport;

/// <summary>
/// The input cannot be read as a plan at all (too large, empty, not text). The message is Vietnamese
/// and tells the user what to do; every other problem is reported in <see cref="ImportedPlan.Warnings"/>.
/// </summary>
public sealed class PlanImportException(string message) : Exception(message);

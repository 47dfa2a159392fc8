namespace Cchc.Core.PlanImport;

/// <summary>
/// The input cannot be read as a plan at all (too large, empty, not text). The message is Vietnamese
/// and tells the user what to do; every other problem is reported in <see cref="ImportedPlan.Warnings"/>.
/// An <see cref="Exception.InnerException"/> means the importer itself failed on this input: a bug to report.
/// </summary>
public sealed class PlanImportException : Exception
{
    public PlanImportException(string message) : base(message)
    {
    }

    public PlanImportException(string message, Exception inner) : base(message, inner)
    {
    }
}

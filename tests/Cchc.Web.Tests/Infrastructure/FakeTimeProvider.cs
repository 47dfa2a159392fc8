namespace Cchc.Web.Tests.Infrastructure;

/// <summary>
/// A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not in the package
/// registry here). Timers are not faked: the product's background work is driven by explicit calls in tests.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private readonly Lock _gate = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate) _now = value;
    }
}

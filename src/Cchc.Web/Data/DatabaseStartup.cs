namespace Cchc.Web.Data;

/// <summary>
/// Brings the database up to date before the server takes requests: migrations, then the first-start
/// records, then (in Development only) the demo data. Runs in StartingAsync, ahead of Kestrel.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await DataSetup.MigrateAsync(services, cancellationToken);
        await FirstStart.RunAsync(services, cancellationToken);
        await Features.Calendar.CalendarSeed.EnsureAsync(services, cancellationToken);
        if (Features.Demo.DemoData.ShouldSeedAtStart(services.GetRequiredService<IHostEnvironment>(), services.GetRequiredService<IConfiguration>()))
            await Features.Demo.DemoData.SeedAsync(services, cancellationToken, generatedYear: false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Cchc.Web.Tests.Infrastructure;

/// <summary>A host environment of the given name, for code that decides by environment (demo seeding, commands).</summary>
public sealed class TestHostEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;
    public string ApplicationName { get; set; } = "Cchc.Web";
    public string ContentRootPath { get; set; } = "/";
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}

using System.Reflection;

namespace Warden.EndToEnd.Tests.Harness;

/// <summary>Where the build put each program (recorded in this assembly by the project file).</summary>
internal static class ProgramUnderTest
{
    public static string Dll(string program)
    {
        var path = typeof(ProgramUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == program).Value!;
        path = Path.GetFullPath(path.Replace('\\', '/'));
        return File.Exists(path) ? path : throw new FileNotFoundException($"{program} was not built at {path}");
    }
}

using System.Text;

namespace Warden.Agent.Tests.Services;

/// <summary>
/// A stand-in systemctl (a shell script in a scratch folder) that records its argv, one argument a
/// line, and prints canned "systemctl show" output for a few units.
/// </summary>
internal sealed class FakeSystemctl : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public FakeSystemctl()
    {
        var script = new StringBuilder("#!/bin/sh\n")
            .Append("for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '").Append(ArgvFile).Append("'\n")
            .Append("case \"$2\" in\n")
            .Append("  web.service) printf 'ActiveState=active\\nSubState=running\\nLoadState=loaded\\nResult=success\\nMainPID=4242\\nNRestarts=2\\nExecMainStatus=0\\nControlGroup=/system.slice/web.service\\n' ;;\n")
            .Append("  db.service) printf 'ActiveState=failed\\nSubState=failed\\nLoadState=loaded\\nResult=exit-code\\nMainPID=0\\nNRestarts=5\\nExecMainStatus=1\\nControlGroup=\\n' ;;\n")
            .Append("  idle.service) printf 'ActiveState=inactive\\nSubState=dead\\nLoadState=loaded\\nResult=success\\nMainPID=0\\nNRestarts=0\\nExecMainStatus=0\\n' ;;\n")
            .Append("  boot.service) printf 'ActiveState=activating\\nSubState=start-pre\\nLoadState=loaded\\nResult=success\\nMainPID=0\\n' ;;\n")
            .Append("  hang.service) exec sleep 300 ;;\n")
            .Append("  broken.service) echo 'Failed to connect to bus: No such file or directory' >&2; exit 1 ;;\n")
            .Append("  *) printf 'ActiveState=inactive\\nSubState=dead\\nLoadState=not-found\\nResult=success\\nMainPID=0\\n' ;;\n")
            .Append("esac\n");
        File.WriteAllText(Path, script.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path => _scratch.File("systemctl");

    public string ArgvFile => _scratch.File("argv");

    public string[] LastArgv => File.ReadAllLines(ArgvFile);

    public void Dispose() => _scratch.Dispose();
}

// Warden build: ./build.sh --target=<Task>   (build.sh installs what is missing, then runs this)
//   Build         compile everything (warnings are errors)
//   Test          every test project, after the Native AOT publishes prove zero trim/AOT warnings
//   PublishAgent  warden-agent as one Native AOT executable
//   PublishTui    warden as one Native AOT executable
//   Publish       all three programs into artifacts/publish
//   Run           start the whole system locally: aggregator, an agent on this host, warden attached
//   Bench         the benchmarks (BenchmarkDotNet; --filter='*CatchUp*' times the published programs), results in artifacts/bench
//   Footprint     RSS and CPU of the published agent beside node_exporter, in one run (--duration=600)
//   FleetFootprint memory of the aggregator under --agents=5000 simulated agents (--duration=600), with a flatness verdict
//   TuiFootprint  RSS and CPU of the published warden on --agents=5000 simulated hosts and --incidents=2000
//                 open incidents, in tmux at --screen=200x60, --duration=60 s per view
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var runtime = Argument("runtime", "linux-x64");
var port = Argument("port", 7400);
var ui = Argument("ui", "tui");            // Run: "tui" attaches warden; "hosts" prints `warden hosts` once and stops
var benchFilter = Argument("filter", "*");
var footprintSeconds = Argument("duration", 600);  // Footprint, FleetFootprint: how long to measure
var fleetAgents = Argument("agents", 5000);          // FleetFootprint, TuiFootprint: simulated agents
var fleetConserve = Argument("conserve", "");      // FleetFootprint: GCConserveMemory for the aggregator (0 turns off the shipped 7)
var fleetGc = Argument("gc", "default");             // FleetFootprint: the aggregator's collector (default, workstation, server-static)
var tuiIncidents = Argument("incidents", 2000);      // TuiFootprint: open incidents raised through ingest
var tuiScreen = Argument("screen", "200x60");        // TuiFootprint: terminal size

var root = MakeAbsolute(Directory("."));
var artifacts = root.Combine("artifacts");
var publishDir = artifacts.Combine("publish");
var testResults = artifacts.Combine("test-results");
var solution = root.CombineWithFilePath("AgentSystem.sln");

void Dotnet(string arguments)
{
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = root });
    if (exit != 0)
    {
        throw new CakeException($"dotnet {arguments} failed with exit code {exit}");
    }
}

// Native AOT publish; any trim or AOT analysis warning fails the build (TreatWarningsAsErrors).
void PublishNative(string project, string name)
{
    Dotnet($"publish {project} -c {configuration} -r {runtime} -o \"{publishDir}\" -p:TreatWarningsAsErrors=true");
    var binary = publishDir.CombineWithFilePath(name);
    Information($"{name}: {new System.IO.FileInfo(binary.FullPath).Length / 1024.0 / 1024.0:F1} MiB native executable");
}

Task("Clean").Does(() =>
{
    CleanDirectory(artifacts);
    DotNetClean(solution.FullPath, new DotNetCleanSettings { Configuration = configuration });
});

Task("Restore").Does(() => Dotnet($"restore \"{solution}\""));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() => Dotnet($"build \"{solution}\" -c {configuration} --no-restore"));

Task("PublishAgent")
    .IsDependentOn("Restore")
    .Does(() => PublishNative("agent/Warden.Agent.csproj", "warden-agent"));

Task("PublishTui")
    .IsDependentOn("Restore")
    .Does(() => PublishNative("tui/Warden.Tui.csproj", "warden"));

Task("PublishAggregator")
    .IsDependentOn("Restore")
    .Does(() => Dotnet($"publish aggregator/Warden.Aggregator.csproj -c {configuration} -o \"{publishDir}\""));

Task("Publish")
    .IsDependentOn("PublishAgent")
    .IsDependentOn("PublishTui")
    .IsDependentOn("PublishAggregator");

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("PublishAgent")
    .IsDependentOn("PublishTui")
    .Does(() =>
{
    CleanDirectory(testResults);
    var failed = false;
    try
    {
        Dotnet($"test \"{solution}\" -c {configuration} --no-build --logger trx --logger \"console;verbosity=normal\" --results-directory \"{testResults}\"");
    }
    catch (CakeException)
    {
        failed = true;
    }

    // One closing line over every test project, read from the TRX files the runs wrote.
    XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    long passed = 0, failedCount = 0, skipped = 0;
    foreach (var trx in GetFiles($"{testResults}/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants(ns + "Counters").Single();
        passed += (long)counters.Attribute("passed");
        failedCount += (long)counters.Attribute("failed") + (long)counters.Attribute("error") + (long)counters.Attribute("timeout");
        skipped += (long)counters.Attribute("total") - (long)counters.Attribute("executed");
    }
    // Plain text, no log colouring: CI reads this closing line.
    Console.WriteLine($"{passed} passed, {failedCount} failed, {skipped} skipped");
    if (failed || failedCount > 0 || passed == 0)
    {
        throw new CakeException("tests failed");
    }
});

Task("Run")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var state = root.Combine(".state");
    EnsureDirectoryExists(state);
    var addressFile = state.CombineWithFilePath("aggregator.address");
    if (FileExists(addressFile)) DeleteFile(addressFile);

    var aggregator = StartAndReturnProcess(publishDir.CombineWithFilePath("warden-aggregator").FullPath, new ProcessSettings
    {
        Arguments = $"--listen http://127.0.0.1:{port} --state \"{state.Combine("aggregator")}\" --port-file \"{addressFile}\"",
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    });
    IProcess agent = null;
    try
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!FileExists(addressFile))
        {
            if (DateTime.UtcNow > deadline) throw new CakeException($"the aggregator did not start listening on 127.0.0.1:{port}: {string.Join("\n", aggregator.GetStandardError())}");
            System.Threading.Thread.Sleep(100);
        }
        var address = System.IO.File.ReadAllText(addressFile.FullPath).Trim();
        Information($"aggregator listening on {address}, database {state.Combine("aggregator")}/warden.db");

        var agentConfig = state.CombineWithFilePath("agent.json");
        System.IO.File.WriteAllText(agentConfig.FullPath, $$"""
            {
              // Written by `./build.sh --target=Run`: the local demo's agent.
              "StateDirectory": "{{state.Combine("agent")}}",
              "Aggregator": { "Endpoints": [ "{{address}}" ] }
            }
            """);
        agent = StartAndReturnProcess(publishDir.CombineWithFilePath("warden-agent").FullPath, new ProcessSettings
        {
            Arguments = $"--config \"{agentConfig}\"",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        Information($"agent on this host started (config {agentConfig})");

        var warden = publishDir.CombineWithFilePath("warden").FullPath;
        if (ui == "hosts")
        {
            // The agent's first batch arrives within a second or two of connecting.
            System.Threading.Thread.Sleep(3000);
            StartProcess(warden, new ProcessSettings { Arguments = $"hosts --aggregator {address}" });
        }
        else
        {
            StartProcess(warden, new ProcessSettings { Arguments = $"--aggregator {address}" });
        }
    }
    finally
    {
        agent?.Kill();
        aggregator.Kill();
        Information("stopped the agent and the aggregator; state kept in .state/");
    }
});

Task("Bench").Does(() =>
{
    if (benchFilter.Contains("CatchUp", StringComparison.OrdinalIgnoreCase))
    {
        // The catch-up measurement times the published Native AOT agent and the aggregator as processes.
        PublishNative("agent/Warden.Agent.csproj", "warden-agent");
        Dotnet($"publish aggregator/Warden.Aggregator.csproj -c {configuration} -o \"{publishDir}\"");
    }
    Dotnet($"run -c Release --project tests/Warden.Benchmarks -- --filter \"{benchFilter}\" --artifacts \"{artifacts.Combine("bench")}\" --publish \"{publishDir}\"");
});

Task("Footprint")
    .IsDependentOn("PublishAgent")
    .IsDependentOn("PublishAggregator")
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings
    {
        Arguments = $"tests/Warden.Benchmarks/Footprint/footprint.sh \"{publishDir}\" \"{artifacts.Combine("footprint")}\" {footprintSeconds}",
        WorkingDirectory = root,
    });
    if (exit != 0) throw new CakeException("footprint measurement failed");
});

Task("FleetFootprint").Does(() =>
{
    var conserve = fleetConserve.Length > 0 ? $" --conserve {fleetConserve}" : "";
    Dotnet($"run -c Release --project tests/Warden.Benchmarks -- fleet-footprint --agents {fleetAgents} --duration {footprintSeconds} --gc {fleetGc}{conserve} --out \"{artifacts.Combine("fleet-footprint")}\"");
});

Task("TuiFootprint")
    .IsDependentOn("PublishTui")
    .Does(() =>
{
    var seconds = HasArgument("duration") ? footprintSeconds : 60;
    Dotnet($"run -c Release --project tests/Warden.Benchmarks -- tui-footprint --hosts {fleetAgents} --incidents {tuiIncidents} --seconds {seconds} --screen {tuiScreen} --warden \"{publishDir.CombineWithFilePath("warden")}\" --out \"{artifacts.Combine("tui-footprint")}\"");
});

RunTarget(target);

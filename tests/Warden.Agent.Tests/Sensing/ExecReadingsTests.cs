using Warden.Agent.Checks;
using Warden.Agent.Checks.Exec;
using Warden.Agent.Sensing;
using Warden.Proto.V1;

namespace Warden.Agent.Tests.Sensing;

public class ExecReadingsTests
{
    [Fact]
    public async Task A_plugins_perfdata_becomes_readings_named_after_the_check_with_the_label_as_subject()
    {
        var check = new ExecPluginCheck("load", ["/bin/sh", "-c", "echo 'OK - load fine | load1=0.52;4;8;0 load5=0.61;3;6;0 missing=U'"],
            TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), Component.System, TimeProvider.System);
        await check.EvaluateAsync(new List<CheckOutcome>(), CancellationToken.None);
        var batch = new SampleBatch();

        ExecReadings.AddTo(batch, [check]);

        Assert.Equal([("exec.load", "load1", 0.52), ("exec.load", "load5", 0.61)], batch.Readings.Select(r => (r.Name, r.Subject, r.Last)));
        Assert.All(batch.Readings, r => Assert.Equal(1u, r.Count));
    }

    [Fact]
    public void Before_its_first_run_a_plugin_adds_no_readings()
    {
        var check = new ExecPluginCheck("load", ["/bin/true"], TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), Component.System, TimeProvider.System);
        var batch = new SampleBatch();
        ExecReadings.AddTo(batch, [check]);
        Assert.Empty(batch.Readings);
    }
}

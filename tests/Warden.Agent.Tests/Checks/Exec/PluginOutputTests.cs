using Warden.Agent.Checks.Exec;

namespace Warden.Agent.Tests.Checks.Exec;

public class PluginOutputTests
{
    [Fact]
    public void Splits_check_loads_line_into_text_and_three_items_with_trailing_semicolons()
    {
        var output = PluginOutput.Parse("LOAD OK - total load average: 1.72, 1.60, 1.54|load1=1.720;5.000;10.000;0; load5=1.600;5.000;10.000;0; load15=1.540;5.000;10.000;0; \n");
        Assert.Equal("LOAD OK - total load average: 1.72, 1.60, 1.54", output.Text);
        Assert.Equal(["load1", "load5", "load15"], output.PerfData.Select(p => p.Label));
        var load1 = output.PerfData[0];
        Assert.Equal((1.72, "", "5.000", "10.000", 0.0), (load1.Value, load1.Unit, load1.Warn, load1.Crit, load1.Min));
        Assert.True(double.IsNaN(load1.Max));
    }

    [Fact]
    public void Follows_the_guidelines_multi_line_example_where_perfdata_continues_after_a_second_bar()
    {
        var output = PluginOutput.Parse(
            "DISK OK - free space: / 3326 MB (56%); | /=2643MB;5948;5958;0;5968\n" +
            "/ 15272 MB (77%);\n/boot 68 MB (69%);\n/home 69357 MB (27%);\n" +
            "/var/log 819 MB (84%); | /boot=68MB;88;93;0;98\n" +
            "/home=69357MB;253404;253409;0;253414\n/var/log=818MB;970;975;0;980\n");
        Assert.Equal("DISK OK - free space: / 3326 MB (56%);", output.Text);
        Assert.Equal(["/", "/boot", "/home", "/var/log"], output.PerfData.Select(p => p.Label));
        Assert.Equal(new PerfDatum("/var/log", 818, "MB", "970", "975", 0, 980), output.PerfData[3]);
        Assert.Equal("/ 15272 MB (77%);\n/boot 68 MB (69%);\n/home 69357 MB (27%);\n/var/log 819 MB (84%);", output.LongText);
    }

    [Fact]
    public void Reads_quoted_labels_with_spaces_and_doubled_quotes_ranges_and_undetermined_values()
    {
        var output = PluginOutput.Parse("OK | 'free space /var'=12.5%;@10:20;~:5;0;100 'it''s'=3ms 'unknown'=U;1;2 neg=-1.5e3c\r\n");
        Assert.Equal(new PerfDatum("free space /var", 12.5, "%", "@10:20", "~:5", 0, 100), output.PerfData[0]);
        Assert.Equal(("it's", 3.0, "ms"), (output.PerfData[1].Label, output.PerfData[1].Value, output.PerfData[1].Unit));
        Assert.True(double.IsNaN(output.PerfData[2].Value));
        Assert.Equal("1", output.PerfData[2].Warn);
        Assert.Equal((-1500.0, "c"), (output.PerfData[3].Value, output.PerfData[3].Unit));
    }

    [Fact]
    public void Skips_malformed_items_and_keeps_the_good_ones()
    {
        var output = PluginOutput.Parse("WARN | a=1 bad =2 c=x d=4;;;;;;; 'open=5 e=5;;;x; f== h=1:2 g=1e999");
        Assert.Equal(["a", "e"], output.PerfData.Select(p => p.Label));
        Assert.True(double.IsNaN(output.PerfData[1].Min));
    }

    [Theory]
    [InlineData("")]
    [InlineData("OK all good")]
    [InlineData("OK all good\nmore detail\n")]
    [InlineData("|")]
    public void Output_without_perfdata_has_none(string text)
    {
        Assert.Empty(PluginOutput.Parse(text).PerfData);
    }
}

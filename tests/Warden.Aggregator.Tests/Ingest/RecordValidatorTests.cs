using Warden.Aggregator.Ingest;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Ingest;

public class RecordValidatorTests
{
    [Theory]
    [InlineData("web-01", true)]
    [InlineData("db_2.site.example", true)]
    [InlineData("", false)]
    [InlineData("web 01", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("web-01\n", false)]
    public void Host_names_are_checked(string host, bool valid)
    {
        var problem = RecordValidator.CheckHello(new Hello { Host = host });
        Assert.Equal(valid, problem is null);
        if (!valid)
        {
            Assert.Contains("hello.host", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_host_name_longer_than_dns_allows_is_refused()
    {
        Assert.NotNull(RecordValidator.CheckHello(new Hello { Host = new string('a', 254) }));
    }

    [Fact]
    public void Sequence_zero_is_refused_naming_the_field()
    {
        Assert.Contains("samples.sequence", RecordValidator.CheckSamples(new SampleBatch { Sequence = 0 }), StringComparison.Ordinal);
        Assert.Contains("events.sequence", RecordValidator.CheckEvents(new EventBatch { Sequence = 0 }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sequence_beyond_what_the_store_can_hold_is_refused()
    {
        Assert.NotNull(RecordValidator.CheckSamples(new SampleBatch { Sequence = ulong.MaxValue }));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_reading_that_is_not_a_finite_number_is_refused_naming_it(double value)
    {
        var batch = new SampleBatch { Sequence = 1 };
        batch.Readings.Add(new Reading { Name = "cpu.busy_pct", Last = 1 });
        batch.Readings.Add(new Reading { Name = "load.1", Last = value });
        var problem = RecordValidator.CheckSamples(batch);
        Assert.Contains("readings[1] (load.1)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_readings_or_nameless_ones_are_refused()
    {
        var batch = new SampleBatch { Sequence = 1 };
        batch.Readings.Add(Enumerable.Range(0, RecordValidator.MaxReadingsPerBatch + 1).Select(i => new Reading { Name = "r" + i }));
        Assert.Contains("more than", RecordValidator.CheckSamples(batch), StringComparison.Ordinal);

        var nameless = new SampleBatch { Sequence = 1 };
        nameless.Readings.Add(new Reading());
        Assert.Contains("readings[0].name", RecordValidator.CheckSamples(nameless), StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_batch_passes()
    {
        var batch = new SampleBatch { Sequence = 7 };
        batch.Readings.Add(new Reading { Name = "mem.used_pct", Last = 42, Min = 40, Max = 44, Count = 10 });
        Assert.Null(RecordValidator.CheckSamples(batch));
    }
}

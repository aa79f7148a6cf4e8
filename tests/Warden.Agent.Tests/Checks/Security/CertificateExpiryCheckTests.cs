using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Security;

namespace Warden.Agent.Tests.Checks.Security;

public class CertificateExpiryCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(60, "OK", "CN=svc expires in 60 days (2026-04-30 12:00 UTC)")]
    [InlineData(10, "WARN", "CN=svc expires in 10 days (2026-03-11 12:00 UTC)")]
    [InlineData(3, "CRIT", "CN=svc expires in 3 days (2026-03-04 12:00 UTC)")]
    [InlineData(-2, "CRIT", "CN=svc expired 2 days ago (2026-02-27 12:00 UTC)")]
    public async Task Judges_days_left_in_pem_and_der_files(int days, string status, string reason)
    {
        using var scratch = TestTrees.Scratch();
        using var certificate = TestCertificates.Ending("svc", Now.AddDays(days));
        var options = new SecurityCheckOptions
        {
            Certificates =
            [
                new() { Path = TestCertificates.WritePem(scratch, "svc.pem", certificate) },
                new() { Path = TestCertificates.WriteDer(scratch, "svc.der", certificate), Name = "svc-der" },
            ],
        };

        var outcomes = await Evaluate(SecurityCheckSet.Create(options, new FakeTimeProvider(Now)));

        Assert.Equal([$"certificate_expiry:{scratch.File("svc.pem")}", "certificate_expiry:svc-der"], outcomes.Select(o => o.Key));
        Assert.All(outcomes, o =>
        {
            Assert.Equal(Component.Security, o.Component);
            Assert.Equal((status, (double)days, reason), (CheckNames.Of(o.Result.Status), o.Result.Value, o.Result.Reason));
            Assert.Equal("warn ≤ 30 days, crit ≤ 7 days", o.Result.Threshold);
        });
    }

    [Fact]
    public async Task A_bundle_is_judged_by_the_certificate_that_expires_first()
    {
        using var scratch = TestTrees.Scratch();
        using var leaf = TestCertificates.Ending("leaf", Now.AddDays(200));
        using var intermediate = TestCertificates.Ending("intermediate", Now.AddDays(20));
        var path = TestCertificates.WritePem(scratch, "chain.pem", leaf, intermediate);
        File.AppendAllText(path, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        var options = new SecurityCheckOptions { Certificates = [new() { Path = path }] };

        var outcome = Assert.Single(await Evaluate(SecurityCheckSet.Create(options, new FakeTimeProvider(Now))));

        Assert.Equal(CheckStatus.Warn, outcome.Result.Status);
        Assert.Equal(20, outcome.Result.Value);
        Assert.StartsWith("CN=intermediate (earliest of 2) expires in 20 days", outcome.Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_missing_and_certificate_less_files_are_unknown_naming_the_path()
    {
        using var scratch = TestTrees.Scratch();
        File.WriteAllText(scratch.File("garbage.pem"), "this is not a certificate");
        File.WriteAllText(scratch.File("bad-base64.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        File.WriteAllText(scratch.File("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Directory.CreateDirectory(scratch.File("folder.pem"));
        string[] files = ["garbage.pem", "bad-base64.pem", "key.pem", "folder.pem", "missing.pem"];
        var options = new SecurityCheckOptions { Certificates = [.. files.Select(f => new CertificateOptions { Path = scratch.File(f) })] };

        var outcomes = await Evaluate(SecurityCheckSet.Create(options, new FakeTimeProvider(Now)));

        Assert.Equal(files.Length, outcomes.Count);
        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal(CheckStatus.Unknown, outcomes[i].Result.Status);
            Assert.Contains(scratch.File(files[i]), outcomes[i].Result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_name_bad_keys()
    {
        var options = new SecurityCheckOptions
        {
            Certificates = [new() { Path = "", Warn = 7, Crit = 30 }, new() { Path = "/a.pem", IntervalSeconds = -1 }, new() { Path = "/a.pem" }],
        };

        var problems = options.Problems().ToList();

        Assert.Empty(new SecurityCheckOptions { Certificates = [new() { Path = "/etc/ssl/x.pem" }] }.Problems());
        Assert.Contains("Checks:Security:Certificates:0:Path: must name a PEM or DER certificate file", problems);
        Assert.Contains("Checks:Security:Certificates:0: Warn 7 and Crit 30 must be days with Warn above Crit (fewer days left is worse)", problems);
        Assert.Contains("Checks:Security:Certificates:1:IntervalSeconds: -1 must be a positive number of seconds", problems);
        Assert.Contains("Checks:Security:Certificates: '/a.pem' appears 2 times; give each a distinct Name", problems);
    }

    private static async Task<List<CheckOutcome>> Evaluate(IReadOnlyList<ICheck> checks)
    {
        var outcomes = new List<CheckOutcome>();
        foreach (var check in checks)
        {
            await check.EvaluateAsync(outcomes, default);
        }
        return outcomes;
    }
}

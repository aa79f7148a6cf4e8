using System.Text;
using Warden.Agent.Procfs;
using Warden.Agent.Vms;

namespace Warden.Agent.Tests.Vms;

public class VmParserTests
{
    private static byte[] Argv(params string[] args) => Encoding.UTF8.GetBytes(string.Join('\0', args) + "\0");

    [Fact]
    public void Libvirt_style_command_line_gives_name_and_uuid()
    {
        var cmdline = Argv("/usr/bin/qemu-system-x86_64", "-name", "guest=web-1,debug-threads=on", "-S",
            "-uuid", "6A3C1D2E-0000-4000-8000-000000000001", "-m", "512");
        Assert.True(QemuCommandLine.TryParse(cmdline, out var name, out var uuid));
        Assert.Equal("web-1", name);
        Assert.Equal("6a3c1d2e-0000-4000-8000-000000000001", uuid);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("plain,process=qemu-plain", "plain")]
    [InlineData("debug-threads=on,guest=late", "late")]
    [InlineData("guest=a,,b", "a,b")]
    public void Name_forms_qemu_accepts(string value, string expected)
    {
        Assert.True(QemuCommandLine.TryParse(Argv("qemu-kvm", "--name", value), out var name, out _));
        Assert.Equal(expected, name);
    }

    [Fact]
    public void Qemu_without_name_or_with_a_bad_uuid_has_nulls_and_other_programs_are_not_qemu()
    {
        Assert.True(QemuCommandLine.TryParse(Argv("qemu-system-aarch64", "-uuid", "not-a-uuid", "-name"), out var name, out var uuid));
        Assert.Null(name);
        Assert.Null(uuid);
        Assert.False(QemuCommandLine.TryParse(Argv("/usr/bin/python3", "qemu-system-x86_64", "-name", "x"), out _, out _));
        Assert.False(QemuCommandLine.TryParse(""u8, out _, out _));
    }

    [Fact]
    public void Proc_stat_comm_with_spaces_and_parens_is_read_from_the_last_paren()
    {
        var text = "4242 (qemu) (evil) x) R 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 3 0 987654 1000 200 18446744073709551615\n"u8;
        Assert.True(ProcPidStat.TryParse(text, out var comm, out var times));
        Assert.Equal("qemu) (evil) x", Encoding.ASCII.GetString(comm));
        Assert.Equal(new ProcessTimes(250, 75, 987654, 'R'), times);
        Assert.Equal(3_250_000UL, times.CpuUsec);
    }

    [Theory]
    [InlineData("4242 (qemu R 1 2")]
    [InlineData("4242 (qemu) R 1 2 3")]
    [InlineData("4242 (qemu) R 1 4242 4242 0 -1 4194560 100 0 0 0 x 75 0 0 20 0 3 0 987654")]
    [InlineData("")]
    public void Truncated_proc_stat_is_rejected(string text) =>
        Assert.False(ProcPidStat.TryParse(Encoding.ASCII.GetBytes(text), out _, out _));

    [Fact]
    public void Libvirt_status_and_config_xml_give_name_and_uuid()
    {
        const string status = "<domstatus state='running' pid='1234'><monitor path='/x'/><domain type='kvm' id='1'>"
            + "<name>db-1</name><uuid>0f0e0d0c-0b0a-0908-0706-050403020100</uuid><memory unit='KiB'>1024</memory></domain></domstatus>";
        Assert.True(LibvirtDomainXml.TryParse(new MemoryStream(Encoding.UTF8.GetBytes(status)), out var name, out var uuid));
        Assert.Equal(("db-1", "0f0e0d0c-0b0a-0908-0706-050403020100"), (name, uuid));
        const string config = "<!-- WARNING --><domain type='kvm'><uuid>bad</uuid><devices><name>not-me</name></devices><name> web </name></domain>";
        Assert.True(LibvirtDomainXml.TryParse(new MemoryStream(Encoding.UTF8.GetBytes(config)), out name, out uuid));
        Assert.Equal(("web", null), (name, uuid));
    }

    [Theory]
    [InlineData("<domain><name>x</name>")]
    [InlineData("<domain/>")]
    [InlineData("not xml")]
    [InlineData("<!DOCTYPE d [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><domain><name>&e;</name></domain>")]
    public void Broken_or_hostile_xml_is_rejected(string xml) =>
        Assert.False(LibvirtDomainXml.TryParse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), out _, out _));
}

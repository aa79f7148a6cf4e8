using System.Runtime.InteropServices;

namespace Warden.Agent.Healing;

/// <summary>
/// Waits for processes that are not our children to exit, through pidfd_open(2) and poll(2): the kernel
/// says when the process itself is gone, so a PID reused meanwhile is never mistaken for it.
/// </summary>
internal static partial class ProcessExit
{
    private const long PidfdOpenSyscall = 434; // the same number on every Linux architecture
    private const short PollIn = 1;
    private const int SliceMilliseconds = 50;

    /// <summary>True when every process has exited; false when <paramref name="token"/> ends the wait first.</summary>
    public static Task<bool> WaitAllAsync(IReadOnlyList<int> pids, CancellationToken token) => Task.Run(() =>
    {
        foreach (var pid in pids)
        {
            if (!WaitOne(pid, token))
            {
                return false;
            }
        }
        return true;
    }, CancellationToken.None);

    private static bool WaitOne(int pid, CancellationToken token)
    {
        var fd = PidfdOpen(PidfdOpenSyscall, pid, 0);
        if (fd < 0)
        {
            // ESRCH: already gone. Any other error (a kernel before 5.3): fall back to asking kill(pid, 0).
            var gone = Marshal.GetLastPInvokeError() == 3;
            while (!gone && Signals.Send(pid, 0) is null)
            {
                if (token.WaitHandle.WaitOne(SliceMilliseconds))
                {
                    return false;
                }
            }
            return true;
        }
        try
        {
            var poll = new PollFd { Fd = fd, Events = PollIn };
            while (Poll(ref poll, 1, SliceMilliseconds) == 0 || (poll.Revents & PollIn) == 0)
            {
                if (token.IsCancellationRequested)
                {
                    return false;
                }
            }
            return true;
        }
        finally
        {
            Close(fd);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial int PidfdOpen(long number, int pid, uint flags);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

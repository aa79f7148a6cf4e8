using Grpc.Core;

namespace Warden.Tui.Client;

/// <summary>Call options for the console's operator calls: the operator's name as "warden-operator", and a deadline.</summary>
internal static class ConsoleCallOptions
{
    public const string OperatorHeader = "warden-operator";

    public static CallOptions For(string? operatorName, TimeSpan timeout)
    {
        var headers = new Metadata();
        if (operatorName is not null)
        {
            headers.Add(OperatorHeader, operatorName);
        }

        return new CallOptions(headers, DateTime.UtcNow + timeout);
    }
}

using Grpc.Core;

namespace Warden.Aggregator.Api;

/// <summary>
/// Who an operator request is from, for the audit log: the "warden-operator" metadata the TUI
/// sends ($USER), else the caller's peer address.
/// </summary>
public static class OperatorIdentity
{
    public const string MetadataKey = "warden-operator";
    public const int MaxLength = 64;

    public static string Of(ServerCallContext context)
    {
        var given = context.RequestHeaders.GetValue(MetadataKey)?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            return context.Peer;
        }
        if (given.Length > MaxLength || !given.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"metadata {MetadataKey} '{(given.Length > MaxLength ? given[..MaxLength] + "…" : given)}' must be 1 to {MaxLength} letters, digits, '.', '-', '_' or '@'"));
        }
        return given;
    }
}

using System.Text.Json;

namespace Warden.Agent.State;

/// <summary>STATE/status.json: written whole to a temporary file and renamed, so a reader never sees half of it.</summary>
internal static class StatusFile
{
    public const string Name = "status.json";

    public static void Write(string stateDirectory, AgentStatus status)
    {
        var path = Path.Combine(stateDirectory, Name);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(status, AgentStatusJsonContext.Default.AgentStatus));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The last status written, or null with the reason it cannot be had.</summary>
    public static AgentStatus? Read(string stateDirectory, out string problem)
    {
        var path = Path.Combine(stateDirectory, Name);
        problem = "";
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), AgentStatusJsonContext.Default.AgentStatus)
                ?? throw new JsonException("empty document");
        }
        catch (FileNotFoundException)
        {
            problem = $"no {path}: the agent has not run with this state folder";
        }
        catch (DirectoryNotFoundException)
        {
            problem = $"no {path}: the state folder does not exist";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            problem = $"{path} cannot be read: {e.Message}";
        }
        return null;
    }
}

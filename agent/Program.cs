using Warden.Agent;
using Warden.Agent.Configuration;

return await AgentCommandLine.RunAsync(args);

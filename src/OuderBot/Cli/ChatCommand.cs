using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Cli;

/// <summary>
/// `chat --from +31611111111`: talk to the bot as that parent, through the same turn pipeline as every channel.
/// One message per line on stdin, replies on stdout (logs on stderr), so it works interactively and piped.
/// </summary>
public static class ChatCommand
{
    public static async Task<int> RunAsync(string[] args, Action<IHostApplicationBuilder> addCapabilities)
    {
        string? from = null;
        string? to = null;
        var configurationArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--from" && i + 1 < args.Length)
            {
                from = args[++i];
            }
            else if (args[i] == "--to" && i + 1 < args.Length)
            {
                to = args[++i];
            }
            else
            {
                configurationArgs.Add(args[i]);
            }
        }

        if (string.IsNullOrWhiteSpace(from))
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/OuderBot -- chat --from +31611111111 [--to school-id-or-number] [--School:Path file-or-folder] [--Storage:Path folder]");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. configurationArgs],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environments.Production,
        });
        // stdout carries only the bot's replies; logs go to stderr, and only warnings unless asked otherwise.
        builder.Configuration.AddInMemoryCollection([
            new("Logging:LogLevel:Default", "Warning"),
            new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
        ]);
        builder.Configuration.AddCommandLine([.. configurationArgs]);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddOuderBot();
        addCapabilities(builder);

        using var host = builder.Build();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        await host.StartAsync(stop.Token);
        using (var ready = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
        {
            ready.CancelAfter(TimeSpan.FromSeconds(60));
            await host.Services.GetRequiredService<StoreReadiness>().WaitUntilReadyAsync(ready.Token);
        }

        var schools = host.Services.GetRequiredService<Schools>();
        if (Channels.Local.LocalChannel.Resolve(schools, to) is not { } school)
        {
            await Console.Error.WriteLineAsync(to is null
                ? $"Give --to: this bot serves {schools.All.Count} schools and has no School:Default ({string.Join(", ", schools.All.Select(s => s.Id))})."
                : $"--to '{to}' names no school ({string.Join(", ", schools.All.Select(s => s.Id))}).");
            await host.StopAsync(CancellationToken.None);
            return 2;
        }

        var pipeline = host.Services.GetRequiredService<TurnPipeline>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        var interactive = !Console.IsInputRedirected;
        if (interactive)
        {
            await Console.Error.WriteLineAsync($"OuderBot chat as {from}. Type a message and press Enter; Ctrl+D ends the chat.");
        }

        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (interactive)
                {
                    await Console.Error.WriteAsync("> ");
                }

                var line = await Console.In.ReadLineAsync(stop.Token);
                if (line is null)
                {
                    break;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var outcome = await pipeline.ProcessAsync(school, new InboundMessage("local", from, school.Id, line, 0, null, time.GetUtcNow()), stop.Token);
                foreach (var reply in outcome.Replies)
                {
                    await Console.Out.WriteLineAsync(reply.Text);
                }

                await Console.Out.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C: end the chat quietly.
        }

        await host.StopAsync(CancellationToken.None);
        return 0;
    }
}

using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Channels.Local;

namespace OuderBot.Tests.Infrastructure;

/// <summary>
/// The real ASP.NET Core host, started in-process and spoken to over HTTP, on its own data folder (or Azurite),
/// with a fake clock set to Tuesday 24 November 2026, 07:45 at the school.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 7, 45, 0, TimeSpan.FromHours(1));

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly bool _ownsDataFolder;

    private readonly Action<IServiceCollection>? _services;
    private readonly bool _realClock;

    public BotApp(
        string? dataFolder = null,
        string environment = "Development",
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        Action<IServiceCollection>? services = null,
        bool realClock = false)
    {
        _services = services;
        _realClock = realClock;
        _ownsDataFolder = dataFolder is null;
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("ouderbot-test-").FullName;
        _environment = environment;
        Time = time ?? new FakeTimeProvider(TuesdayMorning);
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Storage:Path"] = DataFolder };
        // Outside Development the bot needs an office key to start; a test that is not about it gets one.
        if (environment != "Development" && !_settings.Keys.Any(k => k.StartsWith("Admin:", StringComparison.Ordinal)))
        {
            _settings["Admin:ApiKey"] = "test-board-key-outside-development";
        }

        // A test host stops at once: the drain delay is for a load balancer, and there is none in front of it.
        _settings.TryAdd("Shutdown:DrainDelay", "00:00:00");
    }

    public string DataFolder { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>A host on Azurite instead of the embedded store.</summary>
    public static BotApp OnAzurite(string connectionString, string container, FakeTimeProvider? time = null, Action<IServiceCollection>? services = null) =>
        new(settings: AzuriteSettings(connectionString, container), time: time, services: services);

    public static Dictionary<string, string?> AzuriteSettings(string connectionString, string container) => new()
    {
        ["Storage:Provider"] = "AzureBlob",
        ["Storage:ConnectionString"] = connectionString,
        ["Storage:Container"] = container,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // The clock is the test's: conversations about "vandaag" must not depend on the day the tests run.
        builder.ConfigureTestServices(services =>
        {
            if (!_realClock)
            {
                services.AddSingleton<TimeProvider>(Time);
            }

            _services?.Invoke(services);
        });
    }

    /// <summary>A school of this host (default: School:Default, in the demo De Driehoek), for reading what it stored.</summary>
    public OuderBot.Bot.SchoolContext School(string? id = null)
    {
        var schools = Services.GetRequiredService<OuderBot.Bot.Schools>();
        return (id is null ? schools.Default : schools.Find(id)) ?? throw new InvalidOperationException($"No school '{id}'.");
    }

    /// <summary>
    /// The error that stops a host with these settings at start. WebApplicationFactory's deferred host sometimes disposes
    /// its services before it passes the start-up error on (an ObjectDisposedException instead, under load); then the
    /// start is tried again.
    /// </summary>
    public static TException StartFailure<TException>(Dictionary<string, string?> settings, string environment = "Development")
        where TException : Exception
    {
        for (var attempt = 1; ; attempt++)
        {
            using var app = new BotApp(settings: settings, environment: environment);
            try
            {
                app.CreateClient();
            }
            catch (TException error)
            {
                return error;
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
                continue;
            }

            throw new Xunit.Sdk.XunitException("The bot started although its configuration is broken.");
        }
    }

    /// <summary>Posts one message to the local channel as it is, for tests of the wire format.</summary>
    public async Task<HttpResponseMessage> PostAsync(object body)
    {
        using var client = CreateClient();
        return await client.PostAsJsonAsync("/api/local/messages", body);
    }

    /// <summary>Sends one message as a parent over the local channel (to a school by id or number; without one, School:Default) and returns the reply texts.</summary>
    public async Task<IReadOnlyList<string>> SendAsync(string from, string text, string? messageId = null, string? to = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/local/messages", new { from, text, messageId, to });
        var body = await response.Content.ReadFromJsonAsync<LocalMessageResponse>();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/local/messages answered {(int)response.StatusCode}");
        return body!.Replies.Select(r => r.Text).ToList();
    }

    /// <summary>Waits until /readyz says the store is ready.</summary>
    public async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient();
        for (var i = 0; i < 300; i++)
        {
            if ((await client.GetAsync("/readyz")).IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("/readyz never answered 200");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDataFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }
}

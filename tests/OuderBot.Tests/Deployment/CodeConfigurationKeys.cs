using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OuderBot.Tests.Deployment;

/// <summary>
/// The configuration keys the code reads, found by watching it read them rather than by a list that could drift: the
/// real host starts with a configuration provider that records every key looked up, then every options class the
/// code registers (IConfigureOptions of an OuderBot type) is bound once more. What is recorded is exactly what the
/// binder and the direct reads once the host is built (`LocalChannel:Enabled`) asked for. A dictionary property
/// (`Admin:SchoolKeys`) takes any key under it; a property without a setter (`Smtp:Enabled`) is no key. A read while
/// Program.cs still sets the host up (`Clock:Now`, Development only) happens before the recorder is attached: a file
/// that set it would fail these tests, which is the safe side.
/// </summary>
public sealed class CodeConfigurationKeys
{
    /// <summary>Keys read by what runs the code rather than by the code, each with its reader.</summary>
    public static readonly IReadOnlyDictionary<string, string> Platform = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "the ASP.NET Core host: Production, or Development for the simulator",
        ["ASPNETCORE_HTTP_PORTS"] = "Kestrel: the port the bot listens on",
        ["AZURE_CLIENT_ID"] = "Azure.Identity's DefaultAzureCredential: which user-assigned managed identity (Storage:BlobServiceUri)",
        ["OTEL_SERVICE_NAME"] = "the OpenTelemetry SDK (issue 18, runtime side): the service name on every span and metric",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "the OpenTelemetry SDK: the OTLP exporter's endpoint; without it nothing is exported",
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "the OpenTelemetry SDK: grpc or http/protobuf",
    };

    private static readonly Lazy<CodeConfigurationKeys> Discovered = new(Discover);

    private CodeConfigurationKeys(IReadOnlySet<string> exact, IReadOnlySet<string> dictionaries, IReadOnlyList<Type> optionsTypes)
    {
        Exact = exact;
        Dictionaries = dictionaries;
        OptionsTypes = optionsTypes;
    }

    public static CodeConfigurationKeys Instance => Discovered.Value;

    /// <summary>Every key the code looked up.</summary>
    public IReadOnlySet<string> Exact { get; }

    /// <summary>Sections bound to a dictionary: any child key is the code's.</summary>
    public IReadOnlySet<string> Dictionaries { get; }

    public IReadOnlyList<Type> OptionsTypes { get; }

    /// <summary>Whether the code reads this key (`*` stands for a part the template fills in, such as a school's id).</summary>
    public bool Knows(string key)
    {
        if (Platform.ContainsKey(key) || (!key.Contains('*', StringComparison.Ordinal) && Exact.Contains(key)))
        {
            return true;
        }

        var parent = key.LastIndexOf(':');
        return parent > 0 && Dictionaries.Contains(key[..parent]) && key[(parent + 1)..].Length > 0 && !key[(parent + 1)..].Contains(':', StringComparison.Ordinal);
    }

    private static CodeConfigurationKeys Discover()
    {
        var recorder = new RecordingSource();
        IServiceCollection? registered = null;
        using var factory = new RecordingApp(recorder, services => registered = services);
        using var client = factory.CreateClient();    // starts the host: every read at start-up is recorded

        var optionsTypes = registered!
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Assembly == typeof(Program).Assembly)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

        var dictionaries = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var readOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        recorder.Probing = true;
        foreach (var type in optionsTypes)
        {
            recorder.Reads.Clear();
            var optionsFactory = factory.Services.GetRequiredService(typeof(IOptionsFactory<>).MakeGenericType(type));
            optionsFactory.GetType().GetMethod(nameof(IOptionsFactory<object>.Create))!.Invoke(optionsFactory, [Options.DefaultName]);
            var readForType = recorder.Reads.Keys.ToList();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.PropertyType != typeof(string) && typeof(IDictionary).IsAssignableFrom(p.PropertyType)))
            {
                dictionaries.UnionWith(readForType.Where(k => k.EndsWith(":" + property.Name, StringComparison.OrdinalIgnoreCase)));
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not { IsPublic: true }))
            {
                readOnly.UnionWith(readForType.Where(k => k.EndsWith(":" + property.Name, StringComparison.OrdinalIgnoreCase)));
            }
        }

        recorder.Probing = false;
        var exact = new HashSet<string>(
            recorder.AllReads.Keys.Where(k => !k.EndsWith(":" + RecordingSource.ProbeChild, StringComparison.Ordinal) && !readOnly.Contains(k)),
            StringComparer.OrdinalIgnoreCase);
        return new CodeConfigurationKeys(exact, dictionaries, optionsTypes);
    }

    /// <summary>The real host in Development (so the Development-only reads happen too) on its own embedded store.</summary>
    private sealed class RecordingApp(RecordingSource recorder, Action<IServiceCollection> capture) : WebApplicationFactory<Program>
    {
        private readonly string _data = Directory.CreateTempSubdirectory("ouderbot-keys-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Path", _data);
            builder.ConfigureAppConfiguration((_, configuration) => configuration.Add(recorder));
            builder.ConfigureTestServices(capture);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
                // The store's file may still be closing; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>A configuration source that holds nothing and records every key asked of it (the last source is asked first).</summary>
    private sealed class RecordingSource : IConfigurationSource, IConfigurationProvider
    {
        public const string ProbeChild = "__probe__";

        public ConcurrentDictionary<string, bool> Reads { get; } = new(StringComparer.OrdinalIgnoreCase);

        public ConcurrentDictionary<string, bool> AllReads { get; } = new(StringComparer.OrdinalIgnoreCase);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

        public bool TryGet(string key, out string? value)
        {
            Reads[key] = true;
            AllReads[key] = true;
            value = null;
            return false;
        }

        /// <summary>While set, a top-level section seems to have a child, so the binder walks every property of the
        /// options class bound to it (an empty section it would skip) and asks for each property's key.</summary>
        public volatile bool Probing;

        public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) =>
            Probing && parentPath is { Length: > 0 } && !parentPath.Contains(':', StringComparison.Ordinal)
                ? earlierKeys.Append(ProbeChild)
                : earlierKeys;

        public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => new ConfigurationReloadToken();

        public void Load()
        {
        }

        public void Set(string key, string? value)
        {
        }
    }
}

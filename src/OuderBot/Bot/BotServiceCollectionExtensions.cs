using System.Globalization;
using Microsoft.Extensions.Options;
using OuderBot.Dialogs;
using OuderBot.Faq;
using OuderBot.Inbox;
using OuderBot.Outbox;
using OuderBot.Privacy;
using OuderBot.School;
using OuderBot.Storage;
using OuderBot.Understanding;

namespace OuderBot.Bot;

/// <summary>Configuration section "School".</summary>
public sealed class SchoolOptions
{
    public const string Section = "School";

    /// <summary>One school's data file, or a folder of them (the board's schools); default: the demo schools shipped with the bot.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs", "schools");

    /// <summary>The school of a message that names none (the local channel without "to", the chat without --to).</summary>
    public string? Default { get; set; }
}

/// <summary>The school files as loaded and checked, each with its path.</summary>
public sealed record SchoolFiles(IReadOnlyList<(SchoolData Data, string File)> Schools);

/// <summary>Configuration section "Dialogs": where the bot's words live.</summary>
public sealed class DialogsOptions
{
    public const string Section = "Dialogs";

    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs");
}

public static class BotServiceCollectionExtensions
{
    /// <summary>The core every turn needs, for the web host and the terminal chat alike: school data, store, understanding,
    /// the outbox, privacy, the turn pipeline and the router. Capabilities come on top (Program.AddCapabilities).</summary>
    public static IHostApplicationBuilder AddOuderBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchoolOptions>().BindConfiguration(SchoolOptions.Section);
        services.AddOptions<DialogsOptions>().BindConfiguration(DialogsOptions.Section);

        // The board's schools (School:Path, a file or a folder), checked at start.
        services.AddSingleton(sp => new SchoolFiles(Schools.Load(sp.GetRequiredService<IOptions<SchoolOptions>>().Value.Path)));

        // Time: the system clock, or in Development a clock pinned by Clock:Now for demos and end-to-end checks.
        var pinned = builder.Environment.IsDevelopment() ? builder.Configuration["Clock:Now"] : null;
        services.AddSingleton(sp => PickClock(pinned, sp.GetRequiredService<SchoolFiles>().Schools[0].Data));

        services.AddSingleton(sp => Texts.Load(System.IO.Path.Combine(sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path, "prompts")));

        services.AddSingleton<Operations.Draining>();                          // the workers' token: cancelled at the first sign of shutdown
        services.AddStateStore();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<ConversationStore>();
        services.AddPrivacy();
        services.AddRetentionPolicy<ConversationRetention>();
        services.AddOutbox();

        // Understanding: dates, intents (dialogs/understanding) and the FAQ knowledge base (dialogs/faq); per school,
        // its own topics on top and its children's names, so nothing one school teaches the bot reaches another.
        services.AddSingleton<DateTimeParser>();
        services.AddSingleton(sp => Signals.Load(System.IO.Path.Combine(sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path, "understanding", "signals.yaml")));
        services.AddFaq();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SchoolOptions>>().Value;
            var understanding = System.IO.Path.Combine(sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path, "understanding");
            var shared = sp.GetRequiredService<FaqKnowledgeBase>();
            var (signals, parser, time) = (sp.GetRequiredService<Signals>(), sp.GetRequiredService<DateTimeParser>(), sp.GetRequiredService<TimeProvider>());
            var sharedIndex = new Lazy<FaqIndex>(() => new FaqIndex(shared));
            return new Schools(
                [.. sp.GetRequiredService<SchoolFiles>().Schools.Select(s =>
                {
                    var names = Understander.NamesOf(s.Data);
                    var knowledge = shared.WithSchoolTopics(Schools.OwnTopicsFolder(s.File));
                    // A school without topics of its own has the shared knowledge base itself, and shares its one index.
                    var index = knowledge == shared ? sharedIndex.Value : new FaqIndex(knowledge);
                    return new SchoolContext(s.Data, time, knowledge, index,
                        i => new Understander(signals, i, parser, LearnedModels.For(understanding, knowledge, names), names));
                })],
                options.Default);
        });
        services.AddInbox();

        // The router and what it always knows: greetings, help, the language; capabilities add their own.
        services.AddSingleton(sp => new DialogSet([.. sp.GetServices<Dialog>(), .. sp.GetServices<DialogGroup>().SelectMany(g => g.Dialogs)]));
        services.AddSingleton<Menu>();
        services.AddMessageHandler<GreetingHandler>();
        services.AddMessageHandler<HelpHandler>();
        services.AddMessageHandler<LanguageHandler>();
        services.AddMenuEntry(LanguageHandler.MenuEntry);
        services.AddSingleton<IBot, MainBot>();
        services.AddSingleton<KeyedLock>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<ProactiveConversations>();                        // the bot starts conversations (ContinueConversation)

        // Load the school's data and the bot's words at start, so a broken file stops the bot with a clear message.
        services.AddHostedService<StartupCheck>();
        return builder;
    }

    private static TimeProvider PickClock(string? pinned, SchoolData school)
    {
        if (string.IsNullOrWhiteSpace(pinned))
        {
            return TimeProvider.System;
        }

        if (!DateTime.TryParse(pinned, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new OptionsValidationException("Clock:Now", typeof(string), [$"Clock:Now '{pinned}' is no ISO local time such as 2026-11-23T07:45"]);
        }

        var zone = NodaTime.DateTimeZoneProviders.Tzdb[school.Info.TimeZone];
        return new PinnedTimeProvider(NodaTime.LocalDateTime.FromDateTime(local).InZoneLeniently(zone).ToDateTimeOffset());
    }

    private sealed class StartupCheck(IServiceProvider services, ILogger<StartupCheck> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var schools = services.GetRequiredService<Schools>();
            services.GetRequiredService<Texts>();
            services.GetRequiredService<TurnPipeline>();
            foreach (var school in schools.All)
            {
                logger.LogInformation("School {Id} ({School}) loaded: {Groups} groups, {Parents} parents, {Children} children; school time {Now:yyyy-MM-dd HH:mm}",
                    school.Id, school.Data.Info.Name, school.Data.Groups.Count, school.Data.Parents.Count, school.Data.Children.Count, school.Clock.LocalNow);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

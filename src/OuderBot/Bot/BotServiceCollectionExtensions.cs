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

    /// <summary>The school's data file; default: the demo school shipped with the bot.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs", "schools", "de-driehoek.yaml");
}

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

        // Time: the system clock, or in Development a clock pinned by Clock:Now for demos and end-to-end checks.
        var pinned = builder.Environment.IsDevelopment() ? builder.Configuration["Clock:Now"] : null;
        services.AddSingleton(sp => PickClock(pinned, sp.GetRequiredService<SchoolData>()));

        services.AddSingleton(sp => SchoolLoader.LoadFile(sp.GetRequiredService<IOptions<SchoolOptions>>().Value.Path));
        services.AddSingleton(sp => Texts.Load(System.IO.Path.Combine(sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path, "prompts")));
        services.AddSingleton<SchoolClock>();
        services.AddSingleton<SchoolCalendar>();
        services.AddSingleton<BotServices>();

        services.AddStateStore();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<ConversationStore>();
        services.AddPrivacy();
        services.AddRetentionPolicy<ConversationRetention>();
        services.AddOutbox();

        // Understanding: dates, intents (dialogs/understanding) and the FAQ knowledge base (dialogs/faq) with its index.
        services.AddSingleton<DateTimeParser>();
        services.AddSingleton(sp => Signals.Load(System.IO.Path.Combine(sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path, "understanding", "signals.yaml")));
        services.AddFaq();
        services.AddSingleton(sp => IntentModel.Train(
            System.IO.Path.Combine(sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path, "understanding", "training"), Understander.NamesOf(sp.GetRequiredService<SchoolData>())));
        services.AddSingleton(sp => new Understander(
            sp.GetRequiredService<Signals>(), sp.GetRequiredService<FaqIndex>(), sp.GetRequiredService<DateTimeParser>(),
            sp.GetRequiredService<IntentModel>(), Understander.NamesOf(sp.GetRequiredService<SchoolData>())));
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
            var school = services.GetRequiredService<SchoolData>();
            services.GetRequiredService<Texts>();
            services.GetRequiredService<TurnPipeline>();
            services.GetRequiredService<Understander>();
            var clock = services.GetRequiredService<SchoolClock>();
            logger.LogInformation("School {School} loaded: {Groups} groups, {Parents} parents, {Children} children; school time {Now:yyyy-MM-dd HH:mm}",
                school.Info.Name, school.Groups.Count, school.Parents.Count, school.Children.Count, clock.LocalNow);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

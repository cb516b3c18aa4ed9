using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Privacy;
using OuderBot.Storage;

namespace OuderBot.Surveys;

public static class SurveyServiceCollectionExtensions
{
    /// <summary>Surveys by chat: the school's surveys and how answers are read (dialogs/surveys/), the answers, the
    /// dialog, "vragenlijst" to go on, the worker that starts the office's sends and the talk survey, and how long
    /// answers are kept. The office's endpoints are <see cref="SurveyEndpoints"/>.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.Section)
            .Validate(o => o.OpenDays is >= 1 and <= 365, "Surveys:OpenDays is 1 to 365.")
            .Validate(o => o.KeepDays >= o.OpenDays, "Surveys:KeepDays is at least Surveys:OpenDays.")
            .Validate(o => o.ReportThreshold >= 5, "Surveys:ReportThreshold is at least 5 (no parent may be singled out).")
            .ValidateOnStart();
        services.AddSingleton(sp => SurveyCatalog.Load(Folder(sp)));
        services.AddSingleton(sp => SurveyAnswers.Load(Path.Combine(Folder(sp), SurveyCatalog.AnswersFile)));
        services.AddSingleton<SurveyStore>();
        services.AddDialog<SurveyDialog>();
        services.AddMessageHandler<SurveyHandler>();
        services.AddSingleton<SurveyWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SurveyWorker>());
        services.AddRetentionPolicy<SurveyRetention>();
        services.AddParentDataEraser<SurveyEraser>();
        return services;
    }

    private static string Folder(IServiceProvider sp) => Path.Combine(sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path, "surveys");
}

/// <summary>Answers go Surveys:KeepDays after the survey was asked; a send's record (its count) after the inbox period.</summary>
internal sealed class SurveyRetention(IStateStore store, IOptionsMonitor<SurveyOptions> options) : IRetentionPolicy
{
    public string Kind => "surveys";

    public async Task<int> PurgeAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var key in await RetentionSweep.KeysAsync(store, context.Prefix(SurveyStore.Prefix), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document
                && JsonSerializer.Deserialize<SurveyResponse>(document.Content.Span, SurveyStore.Json) is { } response
                && response.AskedAt < context.Cutoff(options.CurrentValue.KeepDays))
            {
                count += await RetentionSweep.DeleteIfUnchangedAsync(store, key, document.ETag, cancellationToken) ? 1 : 0;
            }
        }

        var prefix = context.Prefix(SurveyWorker.SendsPrefix);
        foreach (var key in await RetentionSweep.KeysAsync(store, prefix, cancellationToken))
        {
            // The send's id starts with its time (yyyyMMddHHmmss).
            var id = key[prefix.Length..];
            if (id.Length >= 8 && DateOnly.TryParseExact(id[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day < context.Today.AddDays(-context.Periods.InboxDays) && await store.ReadAsync(context.Prefix(SurveyWorker.PendingPrefix) + id, cancellationToken) is null)
            {
                count += await store.DeleteAsync(key, cancellationToken: cancellationToken) ? 1 : 0;
            }
        }

        return count;
    }
}

/// <summary>"Verwijder mijn gegevens": every answer the parent gave to any survey goes.</summary>
internal sealed class SurveyEraser(IStateStore store, SurveyCatalog catalog) : IParentDataEraser
{
    public async Task<int> EraseAsync(SchoolContext school, string parentPhone, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var survey in catalog.All)
        {
            foreach (var key in await RetentionSweep.KeysAsync(store, school.Key($"{SurveyStore.Prefix}{survey.Id}/{SurveyStore.ParentHash(school, parentPhone)}"), cancellationToken))
            {
                count += await store.DeleteAsync(key, cancellationToken: cancellationToken) ? 1 : 0;
            }
        }

        return count;
    }
}

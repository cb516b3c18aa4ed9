using OuderBot.Dialogs;
using OuderBot.Privacy;
using OuderBot.Understanding;

namespace OuderBot.Absence;

public static class AbsenceServiceCollectionExtensions
{
    /// <summary>Absence reports: the store, the reader of messages, the teacher's notices, and the dialogs.</summary>
    public static IServiceCollection AddAbsences(this IServiceCollection services)
    {
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section)
            .Validate(o => o.Channel.Trim().ToLowerInvariant() is "email" or "sms" or "whatsapp", "Notices:Channel must be email, sms or whatsapp.")
            .ValidateOnStart();
        services.AddSingleton<AbsenceStore>();
        services.AddSingleton<AbsenceReader>();
        services.AddSingleton<AbsenceNotices>();
        services.AddSingleton<AbsenceDialog>();
        services.AddSingleton<MyReportsDialog>();
        services.AddSingleton<RecoveryDialog>();
        services.AddRetentionPolicy<AbsenceRetention>();
        return services;
    }

    /// <summary>The absence dialogs and their prompts, for the bot's <see cref="DialogSet"/>.</summary>
    public static IEnumerable<Dialog> AbsenceDialogs(this IServiceProvider sp) =>
    [
        sp.GetRequiredService<AbsenceDialog>(), .. AbsenceDialog.Prompts(sp.GetRequiredService<DateTimeParser>(), sp.GetRequiredService<AbsenceReader>()),
        sp.GetRequiredService<MyReportsDialog>(), .. MyReportsDialog.Prompts(),
        sp.GetRequiredService<RecoveryDialog>(), .. RecoveryDialog.Prompts(),
    ];
}

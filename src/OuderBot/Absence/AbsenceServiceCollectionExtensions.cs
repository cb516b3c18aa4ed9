using OuderBot.Bot;
using OuderBot.Privacy;
using OuderBot.Understanding;

namespace OuderBot.Absence;

public static class AbsenceServiceCollectionExtensions
{
    /// <summary>Absence reports: the store, the reader of messages, the teacher's notices, the dialogs, the router's
    /// handler and menu entry, and how long reports are kept. The office's overview is <see cref="AbsenceEndpoints.MapAbsenceOverview"/>.</summary>
    public static IServiceCollection AddAbsences(this IServiceCollection services)
    {
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section)
            .Validate(o => o.Channel.Trim().ToLowerInvariant() is "email" or "sms" or "whatsapp", "Notices:Channel must be email, sms or whatsapp.")
            .ValidateOnStart();
        services.AddSingleton<AbsenceStore>();
        services.AddSingleton<AbsenceReader>();
        services.AddSingleton<AbsenceNotices>();
        services.AddDialog<AbsenceDialog>();
        services.AddDialog<MyReportsDialog>();
        services.AddDialog<RecoveryDialog>();
        services.AddDialogs(sp => [
            .. AbsenceDialog.Prompts(sp.GetRequiredService<DateTimeParser>(), sp.GetRequiredService<AbsenceReader>()),
            .. MyReportsDialog.Prompts(),
            .. RecoveryDialog.Prompts()]);
        services.AddMessageHandler<AbsenceHandler>();
        services.AddMessageHandler<AbsenceFollowUpHandler>();
        services.AddMenuEntry(AbsenceHandler.MenuEntry);
        services.AddRetentionPolicy<AbsenceRetention>();
        return services;
    }
}

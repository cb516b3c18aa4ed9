using OuderBot.Privacy;

namespace OuderBot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The durable outbox, its worker, and the e-mail transport (when Smtp:Host is set).</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero, "Outbox:PollInterval and Outbox:Lease must be more than zero.")
            .Validate(o => o.FirstBackoff > TimeSpan.Zero && o.MaxBackoff >= o.FirstBackoff, "Outbox:FirstBackoff must be more than zero and Outbox:MaxBackoff at least as long.")
            .Validate(o => o.MaxAttempts >= 1, "Outbox:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => SmtpOptions.Validate(o).Succeeded, "Smtp: set Host with a valid From, and Username with Password (or neither).")
            .ValidateOnStart();
        services.AddSingleton<Outbox>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        services.AddSingleton<IOutboxTransport, SmtpTransport>();
        services.AddSingleton<LocalOutboxTransport>();
        services.AddSingleton<IOutboxTransport>(sp => sp.GetRequiredService<LocalOutboxTransport>());   // the local channel's "phone"
        services.AddRetentionPolicy<LocalInboxRetention>();
        services.AddParentDataEraser<LocalInboxEraser>();
        services.AddRetentionPolicy<OutboxRetention>();
        services.AddParentDataEraser<OutboxEraser>();
        return services;
    }
}

using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Privacy;

namespace OuderBot.Digest;

public static class DigestServiceCollectionExtensions
{
    /// <summary>The teachers' daily digest: its options, the sections it asks (absences, talks, handoffs; a capability
    /// adds its own with <see cref="AddDigestSource{T}"/>), the sender on every instance, the signed links, the parent's
    /// reply to an answer, and how long it all is kept. Its endpoints are <see cref="DigestEndpoints"/>.</summary>
    public static IServiceCollection AddDigest(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<DigestLinks>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestOffice>();
        services.AddSingleton<DigestSender>();
        services.AddHostedService<DigestWorker>();
        services.AddDigestSource<AbsenceDigestSource>();
        services.AddDigestSource<TalkDigestSource>();
        services.AddDigestSource<HandoffDigestSource>();
        services.AddMessageHandler<DigestReplyHandler>();
        services.AddRetentionPolicy<DigestRetention>();
        services.AddParentDataEraser<DigestEraser>();
        return services;
    }

    /// <summary>A section of the teachers' digest, from the capability that owns what it tells.</summary>
    public static IServiceCollection AddDigestSource<T>(this IServiceCollection services)
        where T : class, IDigestSource => services.AddSingleton<IDigestSource, T>();
}

/// <summary>Digest:* checked at start, every problem with its key.</summary>
internal sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options) => DigestOptions.Validate(options);
}

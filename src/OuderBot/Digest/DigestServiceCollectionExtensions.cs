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

/// <summary>
/// Digest:* checked at start, every problem with its key. Outside Development a school with a digest needs
/// Digest:SigningKey: with a key per instance, a teacher's link would fail on every other instance and after a restart.
/// </summary>
internal sealed class DigestOptionsValidator(IHostEnvironment environment, Schools schools) : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var result = DigestOptions.Validate(options);
        if (string.IsNullOrWhiteSpace(options.SigningKey) && !environment.IsDevelopment() && schools.All.FirstOrDefault(s => s.Data.Digest.Enabled) is { } school)
        {
            var missing = $"Digest:SigningKey is required: {school.Id} has a digest, and its links must work on every instance and after a restart.";
            return ValidateOptionsResult.Fail(result.Failed ? [.. result.Failures!, missing] : [missing]);
        }

        return result;
    }
}

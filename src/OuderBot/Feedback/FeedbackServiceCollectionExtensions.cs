using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Digest;
using OuderBot.Privacy;

namespace OuderBot.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Feedback parents give by chat: the rules (dialogs/feedback/words.yaml), the store, the dialog and its
    /// prompts, the router's handler (it takes the feedback intent before the pass-on), the director's mail, the
    /// teachers' digest section, and how long it is kept. The office's endpoints are <see cref="FeedbackEndpoints"/>.</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>();
        services.AddSingleton(sp => FeedbackRules.Load(Path.Combine(sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path, "feedback", "words.yaml")));
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<FeedbackIntake>();
        services.AddDialog<FeedbackDialog>();
        services.AddDialogs(_ => FeedbackDialog.Prompts());
        services.AddMessageHandler<FeedbackHandler>();
        services.AddDigestSource<FeedbackDigestSource>();
        services.AddRetentionPolicy<FeedbackRetention>();
        services.AddParentDataEraser<FeedbackEraser>();
        return services;
    }
}

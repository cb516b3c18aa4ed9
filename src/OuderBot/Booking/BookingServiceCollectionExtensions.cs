using OuderBot.Bot;
using OuderBot.Privacy;

namespace OuderBot.Booking;

public static class BookingServiceCollectionExtensions
{
    /// <summary>Booking parent-teacher talks: the store, the dialogs, the router's handler (it takes talk requests
    /// from the pass-on) and the links. The office's and calendars' endpoints are <see cref="BookingEndpoints"/>.</summary>
    public static IServiceCollection AddBooking(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.Section)
            .Validate(o => o.PublicBaseUrl is null or "" || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Booking:PublicBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<BookingStore>();
        services.AddSingleton<BookingLinks>();
        services.AddSingleton<WaitingList>();
        services.AddSingleton<BookingReminders>();
        services.AddDialog<BookingDialog>();
        services.AddDialog<CancelTalkDialog>();
        services.AddDialog<WaitingOfferDialog>();
        services.AddSingleton<InvitationStore>();
        services.AddDialog<InvitationDialog>();
        services.AddDialogs(_ => [.. BookingDialog.Prompts(), .. CancelTalkDialog.Prompts(), .. WaitingOfferDialog.Prompts(), .. InvitationDialog.Prompts()]);
        services.AddOptions<WaitingListOptions>().BindConfiguration(WaitingListOptions.Section);
        services.AddHostedService<WaitingListWorker>();
        services.AddMessageHandler<BookingHandler>();
        services.AddRetentionPolicy<BookingRetention>();
        services.AddParentDataEraser<BookingEraser>();
        return services;
    }
}

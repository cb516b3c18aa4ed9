using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Channels.Twilio;

namespace OuderBot.Booking;

/// <summary>Configuration section "Booking".</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>Where parents and calendars reach the bot (the .ics links); default Twilio:PublicBaseUrl, else http://localhost:5080.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>School time on the evening before a talk when its reminder goes (quiet hours still apply).</summary>
    public TimeOnly ReminderAt { get; set; } = new(19, 0);
}

/// <summary>The public links of booking: a parent's .ics for their talk, a teacher's calendar feed.</summary>
public sealed class BookingLinks(IOptions<BookingOptions> options, IOptions<TwilioOptions> twilio)
{
    private string Base => (options.Value.PublicBaseUrl is { Length: > 0 } own ? own : twilio.Value.PublicBaseUrl is { Length: > 0 } t ? t : "http://localhost:5080").TrimEnd('/');

    /// <summary>The parent's .ics of one booking (a token nobody can guess, no login).</summary>
    public string Talk(SchoolContext school, string token) => $"{Base}/api/talks/{school.Id}/{token}.ics";

    public string Feed(string teacherId, string token) => $"{Base}/api/calendars/{teacherId}.ics?token={token}";
}

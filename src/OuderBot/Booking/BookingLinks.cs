using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OuderBot.Admin;
using OuderBot.Bot;
using OuderBot.Channels.Twilio;
using OuderBot.School;

namespace OuderBot.Booking;

/// <summary>Configuration section "Booking".</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>Where parents and calendars reach the bot (the .ics links); default Twilio:PublicBaseUrl, else http://localhost:5080.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>School time on the evening before a talk when its reminder goes (quiet hours still apply).</summary>
    public TimeOnly ReminderAt { get; set; } = new(19, 0);

    /// <summary>The HMAC key of the parent's mark in a talk's .ics link, the same on every instance; default derived
    /// from Admin:ApiKey. It keeps the mark from telling whose link it is; the link's secret is its random part.</summary>
    public string? LinkKey { get; set; }
}

/// <summary>
/// The public links of booking: a parent's .ics for their talk, a teacher's calendar feed. A talk's link is
/// "{mark}{token}": the token is the booking's random secret (kept in its slot), the mark four characters of an HMAC of
/// the school and the parent's number, so the link leads to the parent's talks without a document of its own (nothing
/// more is written when a talk is booked), and says nothing of whose it is to someone without the key.
/// </summary>
public sealed class BookingLinks(IOptions<BookingOptions> options, IOptions<TwilioOptions> twilio, IOptions<AdminOptions> admin)
{
    /// <summary>Characters of the parent's mark in front of a talk's token.</summary>
    public const int MarkLength = 4;

    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("ouderbot-talk-links|" + (options.Value.LinkKey is { Length: > 0 } own ? own : admin.Value.ApiKey ?? "")));

    // Per school's data (a reload makes a new one): the parents by their mark.
    private readonly ConditionalWeakTable<SchoolData, Dictionary<string, List<Parent>>> _marks = [];

    private string Base => (options.Value.PublicBaseUrl is { Length: > 0 } own ? own : twilio.Value.PublicBaseUrl is { Length: > 0 } t ? t : "http://localhost:5080").TrimEnd('/');

    /// <summary>The parent's .ics of a booked talk (the parent's mark and the booking's token: nobody can guess it, no login).</summary>
    public string Talk(SchoolContext school, string parentPhone, string token) => $"{Base}/api/talks/{school.Id}/{Mark(school.Id, parentPhone)}{token}.ics";

    /// <summary>An .ics link whose token has a document of its own (an invitation's talk, or a talk booked before the marks).</summary>
    public string Talk(SchoolContext school, string token) => $"{Base}/api/talks/{school.Id}/{token}.ics";

    /// <summary>The parents a talk link's mark may stand for (a mark can be shared: the booking's token decides) and
    /// the token; null when the link has no mark (an invitation's, or one made before).</summary>
    public (IReadOnlyList<Parent> Parents, string Token)? Read(SchoolContext school, string link)
    {
        if (link.Length != MarkLength + BookingStore.TokenLength)
        {
            return null;
        }

        var marks = _marks.GetValue(school.Data, data =>
        {
            var byMark = new Dictionary<string, List<Parent>>(StringComparer.Ordinal);
            foreach (var parent in data.Parents)
            {
                var mark = Mark(school.Id, parent.Phone);
                if (!byMark.TryGetValue(mark, out var list))
                {
                    byMark[mark] = list = [];
                }

                list.Add(parent);
            }

            return byMark;
        });
        return (marks.TryGetValue(link[..MarkLength], out var parents) ? parents : [], link[MarkLength..]);
    }

    private string Mark(string schoolId, string parentPhone) =>
        BookingStore.Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(schoolId + "\n" + (Phone.TryNormalize(parentPhone) ?? parentPhone))))[..MarkLength];

    public string Feed(string teacherId, string token) => $"{Base}/api/calendars/{teacherId}.ics?token={token}";
}

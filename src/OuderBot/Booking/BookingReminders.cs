using System.Globalization;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Outbox;

namespace OuderBot.Booking;

/// <summary>
/// The reminder the evening before a talk (Booking:ReminderAt, default 19:00 school time), kept in the outbox from the
/// moment of booking: quiet hours hold it until the morning, WhatsApp outside 24 hours goes as the school's template,
/// a parent who sent STOP gets nothing. Moving a talk withdraws its reminder and queues one for the new time.
/// </summary>
public sealed class BookingReminders(OuderBot.Outbox.Outbox outbox, Texts texts, IOptions<BookingOptions> options)
{
    public static string Id(TalkBooking booking, Slot slot) =>
        $"booking-reminder-{booking.Id}-{booking.ChildId}-{slot.Start.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";

    public async Task ScheduleAsync(SchoolContext school, TalkTeacher teacher, Slot slot, TalkBooking booking, CancellationToken cancellationToken)
    {
        var parent = school.Data.FindParent(booking.Parent);
        if (parent is null)
        {
            return;
        }

        var due = school.Clock.ToInstant(slot.Day.AddDays(-1).ToDateTime(options.Value.ReminderAt));
        if (school.Clock.ToInstant(slot.Start) <= school.Clock.UtcNow)
        {
            return;
        }

        var language = Texts.Supported(booking.Language ?? parent.Language);
        var body = texts.Render(language, Say.Text("booking.reminder", ("child", booking.Child), ("time", BookingDialog.Time(slot.Start)), ("teacher", teacher.Name), ("room", teacher.Room))
            .WithDate("date", slot.Day));
        await outbox.EnqueueAsync(school, new OutboxMessage
        {
            Id = Id(booking, slot),
            Channel = booking.Channel is "whatsapp" or "local" ? booking.Channel : "sms",
            To = parent.Phone,
            Body = body,
            Purpose = "talk-reminder",
            RespectQuietHours = true,
            NextAttemptAt = due,
        }, cancellationToken);
    }

    public Task WithdrawAsync(SchoolContext school, Slot slot, TalkBooking booking, CancellationToken cancellationToken) =>
        outbox.WithdrawAsync(school, Id(booking, slot), cancellationToken);
}

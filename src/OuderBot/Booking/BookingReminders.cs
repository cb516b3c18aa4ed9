using System.Globalization;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Outbox;

namespace OuderBot.Booking;

/// <summary>
/// The reminder the evening before a talk (Booking:ReminderAt, default 19:00 school time), kept in the outbox from the
/// moment of booking: quiet hours hold it until the morning, WhatsApp outside 24 hours goes as the school's template,
/// a parent who sent STOP gets nothing. Moving a talk withdraws its reminder and queues one for the new time. A reminder
/// that quiet hours would hold into the day of the talk says "vandaag", not "morgen"; none is queued when its evening
/// has passed already at booking (the receipt just told the parent) or it could only reach them after the talk began.
/// Its id carries the slot write's stamp, so a talk moved away and back again gets a new reminder, not the withdrawn one.
/// </summary>
public sealed class BookingReminders(OuderBot.Outbox.Outbox outbox, Texts texts, IOptions<BookingOptions> options)
{
    public static string Id(TalkBooking booking, Slot slot) =>
        $"booking-reminder-{booking.Id}-{booking.ChildId}-{slot.Start.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}"
        + (booking.Write is { Length: > 0 } write ? "-" + write : "");

    public async Task ScheduleAsync(SchoolContext school, TalkTeacher teacher, Slot slot, TalkBooking booking, CancellationToken cancellationToken)
    {
        var parent = school.Data.FindParent(booking.Parent);
        if (parent is null)
        {
            return;
        }

        var due = school.Clock.ToInstant(slot.Day.AddDays(-1).ToDateTime(options.Value.ReminderAt));
        var starts = school.Clock.ToInstant(slot.Start);
        var now = school.Clock.UtcNow;
        if (starts <= now || due < now)
        {
            return;
        }

        var reaches = outbox.NextAllowed(school, due);
        if (reaches >= starts)
        {
            return;
        }

        var language = Texts.Supported(booking.Language ?? parent.Language);
        var sameDay = DateOnly.FromDateTime(school.Clock.ToLocal(reaches)) >= slot.Day;
        var body = texts.Render(language, Say.Text(sameDay ? "booking.reminder_today" : "booking.reminder", ("child", booking.Child), ("time", BookingDialog.Time(slot.Start)), ("teacher", teacher.Name), ("room", teacher.Room))
            .WithDate("date", slot.Day));
        await outbox.EnqueueAsync(school, new OutboxMessage
        {
            Id = Id(booking, slot),
            Channel = booking.Channel is "whatsapp" or "local" ? booking.Channel : "sms",
            To = parent.Phone,
            Body = body,
            Purpose = "talk-reminder",
            RespectQuietHours = true,
            NextAttemptAt = reaches,
        }, cancellationToken);
    }

    public Task WithdrawAsync(SchoolContext school, Slot slot, TalkBooking booking, CancellationToken cancellationToken) =>
        outbox.WithdrawAsync(school, Id(booking, slot), cancellationToken);
}

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
/// Its id carries the slot write's stamp, so a talk moved away and back again gets a new reminder, not the withdrawn one;
/// and a reminder whose stamp this turn made is queued without the outbox's look for an earlier one (two reads).
/// </summary>
public sealed class BookingReminders(OuderBot.Outbox.Outbox outbox, Texts texts, IOptions<BookingOptions> options)
{
    public static string Id(TalkBooking booking, Slot slot) =>
        $"booking-reminder-{booking.Id}-{booking.ChildId}-{slot.Start.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}"
        + (booking.Write is { Length: > 0 } write ? "-" + write : "");

    /// <summary>Queues the talk's reminder; <paramref name="writtenNow"/> when the store's call that wrote the slot said
    /// it wrote it just now (<see cref="BookResult.WrittenNow"/>): then the reminder's id is new and the outbox's look
    /// for an earlier one is skipped.</summary>
    public Task ScheduleAsync(SchoolContext school, TalkTeacher teacher, Slot slot, TalkBooking booking, bool writtenNow, CancellationToken cancellationToken) =>
        ScheduleAsync(school, new Reminder(Id(booking, slot), booking.Parent, booking.Child, teacher.Name, teacher.Room, slot.Start, booking.Channel, booking.Language, NewId: writtenNow), cancellationToken);

    /// <summary>The reminder of an invitation's talk (its id names the invitation and the time).</summary>
    public static string Id(Invitation invitation, DateTime start) =>
        $"invitation-reminder-{invitation.Id}-{start.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";

    public Task ScheduleAsync(SchoolContext school, Invitation invitation, string child, string teacher, CancellationToken cancellationToken) =>
        invitation.Booked is not { } start || invitation.BookedBy is null
            ? Task.CompletedTask
            : ScheduleAsync(school, new Reminder(Id(invitation, start), invitation.BookedBy, child, teacher, invitation.Room, start, invitation.Channel, invitation.Language, NewId: false), cancellationToken);

    public Task WithdrawAsync(SchoolContext school, Invitation invitation, DateTime start, CancellationToken cancellationToken) =>
        outbox.WithdrawAsync(school, Id(invitation, start), cancellationToken);

    private async Task ScheduleAsync(SchoolContext school, Reminder reminder, CancellationToken cancellationToken)
    {
        var parent = school.Data.FindParent(reminder.Parent);
        if (parent is null)
        {
            return;
        }

        var day = DateOnly.FromDateTime(reminder.Start);
        var due = school.Clock.ToInstant(day.AddDays(-1).ToDateTime(options.Value.ReminderAt));
        var starts = school.Clock.ToInstant(reminder.Start);
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

        var language = Texts.Supported(reminder.Language ?? parent.Language);
        var sameDay = DateOnly.FromDateTime(school.Clock.ToLocal(reaches)) >= day;
        var key = (sameDay ? "booking.reminder_today" : "booking.reminder") + (reminder.Room is null ? "_no_room" : "");
        var body = texts.Render(language, Say.Text(key, ("child", reminder.Child), ("time", BookingDialog.Time(reminder.Start)), ("teacher", reminder.Teacher), ("room", reminder.Room ?? ""))
            .WithDate("date", day));
        await outbox.EnqueueAsync(school, new OutboxMessage
        {
            Id = reminder.Id,
            Channel = reminder.Channel is "whatsapp" or "local" ? reminder.Channel : "sms",
            To = parent.Phone,
            Body = body,
            Purpose = "talk-reminder",
            RespectQuietHours = true,
            NextAttemptAt = reaches,
        }, cancellationToken, newId: reminder.NewId);
    }

    /// <summary>What a reminder says and where it goes; <see cref="Room"/> null when the talk has none named;
    /// <see cref="NewId"/> when its id was made just now (the slot's write stamp of this turn), so never queued before.</summary>
    private sealed record Reminder(string Id, string Parent, string Child, string Teacher, string? Room, DateTime Start, string? Channel, string? Language, bool NewId);

    public Task WithdrawAsync(SchoolContext school, Slot slot, TalkBooking booking, CancellationToken cancellationToken) =>
        outbox.WithdrawAsync(school, Id(booking, slot), cancellationToken);
}

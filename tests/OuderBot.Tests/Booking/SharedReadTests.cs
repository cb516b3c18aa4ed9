using OuderBot.Booking;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Booking;

/// <summary>
/// Parents who find a teacher's time taken at once share the listing of the teacher's slots, but none is answered from
/// a listing that started before they asked (it could miss the booking that just beat them).
/// </summary>
public sealed class SharedReadTests
{
    [Fact]
    public async Task WhoAsksWhileAListingIsUnderWayGetsTheNextOneSharedWithEveryoneElseWhoAskedMeanwhile()
    {
        var listings = new List<TaskCompletionSource<string>>();
        var shared = new SharedRead<string>(_ =>
        {
            var listing = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (listings)
            {
                listings.Add(listing);
            }

            return listing.Task;
        });

        var first = shared.ReadAsync(CancellationToken.None);
        var second = shared.ReadAsync(CancellationToken.None);
        var third = shared.ReadAsync(CancellationToken.None);
        Assert.Single(listings); // one listing under way; the two who asked since wait for the next

        listings[0].SetResult("before");
        Assert.Equal("before", await first);
        await Wait.UntilAsync(() => Task.FromResult(listings.Count == 2), "the second listing started");
        Assert.False(second.IsCompleted);

        listings[1].SetResult("after");
        Assert.Equal(["after", "after"], await Task.WhenAll(second, third));
        Assert.Equal(2, listings.Count);

        // Nothing under way: the next caller starts a listing of its own.
        var fourth = shared.ReadAsync(CancellationToken.None);
        Assert.Equal(3, listings.Count);
        listings[2].SetException(new OuderBot.Storage.StoreUnavailableException("down"));
        await Assert.ThrowsAsync<OuderBot.Storage.StoreUnavailableException>(() => fourth);
    }
}

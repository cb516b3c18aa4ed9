namespace OuderBot.Booking;

/// <summary>
/// One read of the store shared by everyone on this instance who asks for it at about the same time, and never older
/// than the asking: a caller gets the result of a read that started after it asked. With none under way, the call
/// starts one; while one is under way (it started before this caller asked, so it may miss what the caller just saw),
/// the caller waits for the next, which starts as soon as that one ends and serves everyone who asked meanwhile. So
/// when two hundred parents find a teacher's time taken at once, the teacher's slots are listed a few times, not two
/// hundred, and each parent's answer still rests on a listing made during their own turn. Only reads are shared:
/// every write stays the caller's own, conditional on the store (nothing here orders bookings).
/// </summary>
internal sealed class SharedRead<T>(Func<CancellationToken, Task<T>> read)
{
    private readonly Lock _gate = new();
    private bool _running;
    private TaskCompletionSource<T>? _next;

    public Task<T> ReadAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<T> first;
        lock (_gate)
        {
            if (_running)
            {
                _next ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _next.Task.WaitAsync(cancellationToken);
            }

            _running = true;
            first = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = RunAsync(first);
        return first.Task.WaitAsync(cancellationToken);
    }

    // Reads back to back while anyone waits. Not cancelled with one caller: others may share the read.
    private async Task RunAsync(TaskCompletionSource<T> waiting)
    {
        while (true)
        {
            try
            {
                waiting.SetResult(await read(CancellationToken.None));
            }
            catch (Exception ex)
            {
                waiting.SetException(ex);
            }

            lock (_gate)
            {
                if (_next is null)
                {
                    _running = false;
                    return;
                }

                (waiting, _next) = (_next, null);
            }
        }
    }
}

namespace OuderBot.Web;

/// <summary>An endpoint's own body limit, where the default does not fit (set with <see cref="RequestBodyLimits.WithBodyLimit"/>).</summary>
public sealed record BodyLimit(long Bytes);

/// <summary>
/// Every request body is small: a parent's message, a Twilio webhook, an office request. A body larger than the
/// endpoint's limit (16 KB unless the endpoint says otherwise) gets 413 with a problem body before anything reads it:
/// at once when Content-Length says so, else as soon as the reader passes the limit. Nothing has changed by then.
/// </summary>
public static class RequestBodyLimits
{
    public const long DefaultBytes = 16 * 1024;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new BodyLimit(bytes));

    /// <summary>After routing (the endpoint's limit is in its metadata), before the endpoints.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? DefaultBytes;
        if (context.Request.ContentLength > limit)
        {
            await TooLarge(context, limit);
            return;
        }

        context.Request.Body = new LimitedStream(context.Request.Body, limit);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLarge(context, limit);
        }
    });

    private static Task TooLarge(HttpContext context, long limit) =>
        Results.Problem(
            detail: $"The request body is larger than {limit} bytes, the limit of {context.Request.Path}.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request too large").ExecuteAsync(context);

    /// <summary>Reads through to the request body and throws a 413 <see cref="BadHttpRequestException"/> past the limit.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

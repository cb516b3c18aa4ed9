using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace OuderBot.Storage;

/// <summary>The embedded default: one SQLite database file in the data folder, WAL mode, one row per document.</summary>
public sealed class SqliteStateStore : IStateStore, IDisposable
{
    private const int SqliteConstraint = 19;
    private readonly string _connectionString;

    // SQLite runs one writer at a time; queueing writers here avoids its busy handler's sleeps (seconds under load).
    // Another process on the same file (the terminal chat beside the server) is still handled by the busy timeout.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteStateStore(string databaseFile)
    {
        DatabaseFile = System.IO.Path.GetFullPath(databaseFile);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabaseFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
    }

    public string DatabaseFile { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(DatabaseFile)!);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS documents (
                key     TEXT NOT NULL PRIMARY KEY,
                content BLOB NOT NULL,
                etag    TEXT NOT NULL
            ) WITHOUT ROWID;
            """;
        await Guard(() => command.ExecuteNonQueryAsync(cancellationToken));
    }

    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content, etag FROM documents WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await Guard(async () =>
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new StoredDocument((byte[])reader.GetValue(0), reader.GetString(1));
        });
    }

    public async Task<string> CreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var etag = NewETag();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO documents (key, content, etag) VALUES ($key, $content, $etag) ON CONFLICT (key) DO NOTHING";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$content", content.ToArray());
        command.Parameters.AddWithValue("$etag", etag);
        var rows = await WriteAsync(command, cancellationToken);
        return rows == 1 ? etag : throw new StoreConflictException("The document already exists.");
    }

    public async Task<string> ReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken = default)
    {
        var etag = NewETag();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE documents SET content = $content, etag = $etag WHERE key = $key AND etag = $ifMatch";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$content", content.ToArray());
        command.Parameters.AddWithValue("$etag", etag);
        command.Parameters.AddWithValue("$ifMatch", ifMatch);
        var rows = await WriteAsync(command, cancellationToken);
        return rows == 1 ? etag : throw new StoreConflictException("The document changed since it was read.");
    }

    public async Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM documents WHERE key = $key AND ($ifMatch IS NULL OR etag = $ifMatch)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$ifMatch", (object?)ifMatch ?? DBNull.Value);
        var rows = await WriteAsync(command, cancellationToken);
        if (rows == 1)
        {
            return true;
        }

        if (ifMatch is not null && await ReadAsync(key, cancellationToken) is not null)
        {
            throw new StoreConflictException("The document changed since it was read.");
        }

        return false;
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Range scan on the primary key: prefix <= key < prefix + U+FFFF.
        command.CommandText = "SELECT key FROM documents WHERE key >= $from AND key < $to ORDER BY key";
        command.Parameters.AddWithValue("$from", prefix);
        command.Parameters.AddWithValue("$to", prefix + '\uffff');
        var keys = await Guard(async () =>
        {
            var list = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(reader.GetString(0));
            }

            return list;
        });
        foreach (var key in keys)
        {
            yield return key;
        }
    }

    private async Task<int> WriteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await Guard(() => command.ExecuteNonQueryAsync(cancellationToken));
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw new StoreUnavailableException("The embedded store could not be opened.", ex);
        }
    }

    public void Dispose() => _writeGate.Dispose();

    private static async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode != SqliteConstraint)
        {
            // Busy, locked, read-only, I/O, full, corrupt...: no answer about the document, so the caller may retry.
            throw new StoreUnavailableException("The embedded store is busy or failing.", ex);
        }
    }
}

using System.Text;
using CsvHelper;

namespace OuderBot.Admin;

/// <summary>
/// The one writer of every CSV the office downloads: RFC 4180, comma-separated, CRLF, UTF-8 with a byte order mark
/// (so Excel reads é and ü). A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a
/// formula, and names come from the school's file: such a cell gets a single quote in front and is quoted
/// (OWASP's advice; CsvHelper's <see cref="CsvInjection.Escape"/> does exactly that), so it shows as the text it is.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, Options, leaveOpen: true))
        {
            foreach (var record in rows.Prepend(header))
            {
                foreach (var field in record)
                {
                    csv.WriteField(field ?? "");
                }

                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }
}

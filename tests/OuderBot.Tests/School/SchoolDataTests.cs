using OuderBot.School;

namespace OuderBot.Tests.School;

public sealed class SchoolDataTests
{
    private static readonly SchoolData Demo = SchoolLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "dialogs", "schools", "de-driehoek.yaml"));

    [Theory]
    [InlineData("06 12345678", "+31612345678")]
    [InlineData("0612345678", "+31612345678")]
    [InlineData("+31 6 1234 5678", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("whatsapp:+31612345678", "+31612345678")]
    [InlineData("030 123 4567", "+31301234567")]
    [InlineData("+44 7911 123456", "+447911123456")]
    public void PhoneNumbersAreNormalisedToE164(string written, string e164) => Assert.Equal(e164, Phone.TryNormalize(written));

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("geen nummer")]
    [InlineData("06 1234")]
    public void SomethingThatIsNoPhoneNumberIsRejected(string written) => Assert.Null(Phone.TryNormalize(written));

    [Fact]
    public void LogsSeeOnlyAMaskedNumber() => Assert.Equal("+316******11", Phone.Mask("+31611111111"));

    [Fact]
    public void TheDemoSchoolHasTheDocumentedParentsAndChildren()
    {
        Assert.Equal("OBS De Driehoek", Demo.Info.Name);
        Assert.Equal(8, Demo.Groups.Count);
        Assert.All(Demo.Groups, g => Assert.NotEmpty(g.Teachers));

        var bibi = Demo.FindParent("+31611111111")!;
        Assert.Equal(["Bibi"], bibi.Children.Select(c => c.FirstName));
        Assert.Equal("1", bibi.Children[0].GroupId);

        var tim = Demo.FindParent("+31622222222")!;
        Assert.Equal(["Tim"], tim.Children.Select(c => c.FirstName));
        Assert.Equal("4", tim.Children[0].GroupId);

        var english = Demo.FindParent("+31633333333")!;
        Assert.Equal("en", english.Language);
        Assert.Equal(2, english.Children.Count);
        Assert.Equal(2, english.Children.Select(c => c.GroupId).Distinct().Count());

        Assert.Null(Demo.FindParent("+31699999999"));
    }

    [Fact]
    public void TheSameParentIsFoundWhateverWayTheNumberArrives()
    {
        Assert.Same(Demo.FindParent("+31622222222"), Demo.FindParent("whatsapp:+31622222222"));
        Assert.Same(Demo.FindParent("+31622222222"), Demo.FindParent("06-22222222"));
    }

    [Fact]
    public void TheCalendarKnowsWeekendsHolidaysAndSchoolHours()
    {
        var calendar = new SchoolCalendar(Demo);
        Assert.True(calendar.IsSchoolDay(new DateOnly(2026, 11, 24)));
        Assert.False(calendar.IsSchoolDay(new DateOnly(2026, 11, 28)));
        Assert.False(calendar.IsSchoolDay(new DateOnly(2026, 12, 28)));
        Assert.Equal("Kerstvakantie", calendar.HolidayOn(new DateOnly(2026, 12, 28))?.Name);
        Assert.Equal(new TimeOnly(12, 30), calendar.HoursOn(new DateOnly(2026, 11, 25))?.End);
        Assert.Equal(new DateOnly(2027, 1, 4), calendar.NextSchoolDay(new DateOnly(2026, 12, 19)));
    }

    // The lines every school file needs, for tests about the rest of it.
    private const string Header = """
        name: Test
        address: Straat 1
        phone: 030 1234567
        email: info@test.example
        director: { name: Directeur }

        """;

    [Fact]
    public void EveryProblemInASchoolFileIsReportedWithWhereItIs()
    {
        var yaml = Header + """
            times:
              monday: { start: "08:30", end: "14:00" }
              blursday: { start: "08:30", end: "14:00" }
            groups:
              - { id: "1" }
              - { id: "2" }
            teachers:
              - { name: Juf, email: juf@test.example, groups: ["1"] }
            families:
              - parents:
                  - { name: Ouder, phone: "12345", language: nl }
                children:
                  - { firstName: Kim, group: "9" }
            """;
        var error = Assert.Throws<SchoolDataException>(() => SchoolLoader.Parse(yaml, "test.yaml"));
        Assert.Contains("'blursday' is not a day of the week", error.Message, StringComparison.Ordinal);
        Assert.Contains("groups[1] (2): no teacher has this group", error.Message, StringComparison.Ordinal);
        Assert.Contains("families[0].parents[0]: '12345' is not a valid phone number", error.Message, StringComparison.Ordinal);
        Assert.Contains("families[0].children[0] (Kim): group '9' is not in groups", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoChildrenWithTheSameNameInOneGroupNeedIdsSoTheFileOrderNeverDecidesWhoIsWho()
    {
        var yaml = Header + """
            times: { monday: { start: "08:30", end: "14:00" } }
            groups: [ { id: "3" } ]
            teachers: [ { name: Juf, email: juf@test.example, groups: ["3"] } ]
            families:
              - parents: [ { name: A, phone: "06 12345678" } ]
                children: [ { firstName: Emma, group: "3" } ]
              - parents: [ { name: B, phone: "06 12345679" } ]
                children: [ { firstName: Emma, group: "3" } ]
            """;
        var error = Assert.Throws<SchoolDataException>(() => SchoolLoader.Parse(yaml));
        Assert.Contains("give both children an id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AParentListedInTwoFamiliesIsOneParentWithAllTheirChildren()
    {
        var yaml = Header + """
            times: { monday: { start: "08:30", end: "14:00" } }
            groups: [ { id: "1" } ]
            teachers: [ { name: Juf, email: juf@test.example, groups: ["1"] } ]
            families:
              - parents: [ { name: Sam, phone: "06 12345678" } ]
                children: [ { firstName: Ada, group: "1" } ]
              - parents: [ { name: Sam, phone: "+31612345678" } ]
                children: [ { firstName: Bo, group: "1" } ]
            """;
        var school = SchoolLoader.Parse(yaml);
        Assert.Equal(["Ada", "Bo"], school.FindParent("0612345678")!.Children.Select(c => c.FirstName));
    }

    // Names, phones, e-mails and ids end up in SMS, TwiML (XML) and the office's CSV: a control character there is
    // never meant, and XML cannot even hold most of them. Only the free-text facts may span lines.
    private const string Minimal = Header + """
        times: { monday: { start: "08:30", end: "14:00" } }
        groups: [ { id: "1", name: "Groep 1" } ]
        teachers: [ { name: Juf, email: juf@test.example, groups: ["1"] } ]
        facts:
          gym_kit: { nl: "een sportbroek\n- gymschoenen\tmet lichte zolen", en: "shorts" }
        families:
          - parents: [ { name: Sam, phone: "06 12345678" } ]
            children: [ { firstName: Bibi, group: "1" } ]

        """;

    [Theory]
    [InlineData("firstName: Bibi", @"firstName: ""Bi\x01bi""", "families[0].children[0].firstName", "U+0001")]
    [InlineData("firstName: Bibi", @"firstName: ""Bi\tbi""", "families[0].children[0].firstName", "U+0009")]
    [InlineData("firstName: Bibi", @"firstName: ""Bibi\n""", "families[0].children[0].firstName", "U+000A")]
    [InlineData("firstName: Bibi", @"firstName: ""Bi\x85bi""", "families[0].children[0].firstName", "U+0085")]
    [InlineData("firstName: Bibi", @"firstName: ""Bi\x7Fbi""", "families[0].children[0].firstName", "U+007F")]
    [InlineData("firstName: Bibi", @"firstName: ""Bi\uFFFEbi""", "families[0].children[0].firstName", "U+FFFE")]
    [InlineData("firstName: Bibi", @"firstName: ""Bi\uFFFFbi""", "families[0].children[0].firstName", "U+FFFF")]
    [InlineData("group: \"1\" }", @"group: ""1"", id: ""bi\x0Fbi"" }", "families[0].children[0].id", "U+000F")]
    [InlineData("name: Sam", @"name: ""Sa\x00m""", "families[0].parents[0].name", "U+0000")]
    [InlineData("phone: \"06 12345678\"", @"phone: ""06\r12345678""", "families[0].parents[0].phone", "U+000D")]
    [InlineData("email: juf@test.example", @"email: ""juf@test\x1B.example""", "teachers[0].email", "U+001B")]
    [InlineData("name: \"Groep 1\"", @"name: ""Groep\t1""", "groups[0].name", "U+0009")]
    [InlineData("id: \"1\"", @"id: ""1\x02""", "groups[0].id", "U+0002")]
    [InlineData("address: Straat 1", @"address: ""Straat\n1""", "address", "U+000A")]
    [InlineData("director: { name: Directeur }", @"director: { name: Directeur, phone: ""030\x0B1234568"" }", "director.phone", "U+000B")]
    [InlineData("en: \"shorts\"", @"en: ""shorts\x03""", "facts.gym_kit.en", "U+0003")]
    public void AControlCharacterInTheSchoolFileIsRefusedNamingTheFileAndTheField(string written, string replacement, string field, string character)
    {
        var yaml = Minimal.Replace(written, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, yaml);

        var error = Assert.Throws<SchoolDataException>(() => SchoolLoader.Parse(yaml, "school.yaml"));

        Assert.StartsWith("school.yaml has 1 problem(s):", error.Message, StringComparison.Ordinal);
        Assert.Contains($"- {field}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(character, error.Message, StringComparison.Ordinal);
        // The message names the character; it never prints it (a terminal or log would show garbage, or nothing).
        Assert.DoesNotContain(error.Message, c => char.IsControl(c) && c != '\n');
    }

    [Fact]
    public void ALoneSurrogateInTheSchoolsDataIsRefused()
    {
        // YAML's own escape ("\uD800") is refused by the YAML reader already; the text itself may still hold one.
        var yaml = Minimal.Replace("firstName: Bibi", "firstName: \"Bi\uD800bi\"", StringComparison.Ordinal);

        var error = Assert.Throws<SchoolDataException>(() => SchoolLoader.Parse(yaml, "school.yaml"));

        Assert.Contains("- families[0].children[0].firstName: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("U+D800", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FactsAreFreeTextAndMaySpanLinesWithTabsAndEmojiLikeAnyText()
    {
        var school = SchoolLoader.Parse(Minimal.Replace("en: \"shorts\"", "en: \"shorts\\r\\nand shoes \U0001F45F\"", StringComparison.Ordinal), "school.yaml");

        Assert.Equal("een sportbroek\n- gymschoenen\tmet lichte zolen", school.Info.Fact("gym_kit", "nl"));
        Assert.Equal("shorts\r\nand shoes \U0001F45F", school.Info.Fact("gym_kit", "en"));
    }
}

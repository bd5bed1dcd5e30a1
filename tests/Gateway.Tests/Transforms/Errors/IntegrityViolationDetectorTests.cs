using System.Text;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Errors;

/// <summary>
/// Finding the integrity markers with the AVX2 marker index over ASCII bytes gives the same verdict as the search for
/// many strings over the text, for every corpus body alone and inside large filler (windows merged, cut and re-checked).
/// </summary>
public class IntegrityViolationDetectorTests
{
    // Filler sizes around the regex window (1024 characters each side of a marker) and the merged-window cap (16 KiB).
    private static readonly int[] s_fillers = [0, 1, 1000, 1030, 5000, 17000];

    public static TheoryData<string> AsciiBodies() =>
        [.. UpstreamCorpus.All.Where(c => Ascii.IsValid(c.Body) && c.Body.Length > 0).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(AsciiBodies))]
    public void IsMatchAroundMarkers_AsciiBytesOrText_Agree(string name)
    {
        var body = UpstreamCorpus.Get(name).Body;
        foreach (var before in s_fillers)
        {
            foreach (var after in s_fillers)
            {
                // Filler with integrity markers of its own: "23503" in ids such as 235035, "violates" in prose.
                var text = Filler(before) + body + Filler(after);
                var expected = IntegrityViolationDetector.IsMatchAroundMarkers(text, default);
                Assert.Equal(expected, IntegrityViolationDetector.IsMatchAroundMarkers(text, Encoding.ASCII.GetBytes(text)));
                Assert.Equal(expected, IntegrityViolationDetector.IsMatch(text));
            }
        }
    }

    [Theory]
    [InlineData("ERROR: insert failed, sqlstate: 23503")]
    [InlineData("{\"code\":\"23505\",\"message\":\"conflict\"}")]
    [InlineData("23505: duplicate")]
    [InlineData("Error: ER_DUP_KEY: Can't write; duplicate key in table")]
    [InlineData("ER_NO_REFERENCED_ROW_2: Cannot add or update")]
    [InlineData("ER_ROW_IS_REFERENCED: Cannot delete")]
    // The legacy engines, by their messages.
    [InlineData("violation of PRIMARY or UNIQUE KEY constraint \"INTEG_42\" on table \"STUDENTS\"")]
    [InlineData("-239 Could not insert new row - duplicate value in a UNIQUE INDEX column (Unique Index:ix_students_email).")]
    [InlineData("DB2 SQL Error: SQLCODE=-530, SQLSTATE=23503")]
    [InlineData("Attempt to insert duplicate key row in object 'students' with unique index 'ix_email'")]
    [InlineData("would create duplicate values in the index, primary key, or relationship")]
    [InlineData("** (Ecto.ConstraintError) constraint error when attempting to insert struct")]
    public void IsMatch_ViolationNamedByCodeOrLegacyMessage_MatchesAndWakesTheCheck(string text)
    {
        Assert.True(IntegrityViolationDetector.IsMatch(text));
        LeakScanner.Scan(Encoding.ASCII.GetBytes(text), out var integrityMarker);
        Assert.True(integrityMarker);
    }

    [Theory]
    [InlineData("DB2 SQL Error: SQLCODE=-204, SQLSTATE=42704")]
    [InlineData("violation of CHECK constraint \"CHK_GRADE\" on table \"STUDENTS\"")]
    public void IsMatch_LegacyEngineOtherError_DoesNotMatch(string text) => Assert.False(IntegrityViolationDetector.IsMatch(text));

    // Ids with "2350" and names with "ER_" are common in large clean bodies; the pattern never matches them, and they
    // must not cost a second pass over the body.
    [Theory]
    [InlineData("students[2350].lastSurname is required; region 12350: queued")]
    [InlineData("{\"USER_ID\":\"ORDER_2350\",\"HEADER_SIZE\":23501}")]
    public void Scan_IdsAndNamesOnly_DoNotWakeTheCheck(string text)
    {
        LeakScanner.Scan(Encoding.ASCII.GetBytes(text), out var integrityMarker);
        Assert.False(integrityMarker);
        Assert.False(IntegrityViolationDetector.IsMatch(text));
    }

    private static string Filler(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(i % 7 == 0 ? " id 2350" + i + " " : i % 11 == 0 ? " this violates nothing. " : " plain words ");
        }

        return text.ToString(0, length);
    }
}
